import { isDesktop } from '../api/client';
import { StoryRescue } from './StoryRescue';
import { confirmLosingChanges } from './storyRecovery';
import './recovery.css';

/**
 * Instead of a blank window when the app itself stopped drawing: what happened, the open story
 * to save or copy, and a way to start again.
 */
export function CrashScreen({ onStartAgain }: { onStartAgain: () => void }) {
  return (
    <main className="cd-crash" role="alert" aria-labelledby="cd-crash-title">
      <h1 id="cd-crash-title">Copydesk stopped drawing the window</h1>
      <p className="cd-dialog-note">
        Something went wrong inside Copydesk. What happened was written to{' '}
        {isDesktop ? 'the error log (Help → Show Error Log)' : 'the terminal running copydesk web'};
        the story text never is.
      </p>
      <StoryRescue onSaved={() => {}} />
      <div className="cd-rescue-actions">
        <button
          type="button"
          className="cd-button"
          onClick={() => confirmLosingChanges() && onStartAgain()}
        >
          Start again
        </button>
      </div>
    </main>
  );
}
