import type { Story } from '../../shared/story/model';
import { StoryRescue } from './StoryRescue';
import { confirmLosingChanges } from './storyRecovery';
import './recovery.css';

/**
 * In place of the open story when its editor stopped drawing: the sidebar, the top bar and the
 * dialogs keep working; the story is saved from here or its text copied, then opened again.
 */
export function StoryFailed({ onReopen }: { onReopen: (saved: Story | null) => void }) {
  return (
    <div className="cd-story-failed" role="alert">
      <h2>The editor stopped working</h2>
      <p className="cd-dialog-note">
        Something went wrong while drawing the story; the details are in the error log.
      </p>
      <StoryRescue onSaved={onReopen} />
      <div className="cd-rescue-actions">
        <button
          type="button"
          className="cd-button"
          onClick={() => confirmLosingChanges() && onReopen(null)}
        >
          Open the story again
        </button>
      </div>
    </div>
  );
}
