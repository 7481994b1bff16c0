import { useState } from 'react';
import type { Story } from '../../shared/story/model';
import { call } from '../api/calls';
import { storyRecovery } from './storyRecovery';
import { storyPlainText } from './storyText';
import './recovery.css';

/**
 * The story that was open when something broke: saved if it has unsaved changes (one click),
 * and its text offered to copy either way, so nothing typed is lost.
 */
export function StoryRescue({ onSaved }: { onSaved: (story: Story) => void }) {
  const [recovered] = useState(() => storyRecovery.recover());
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; why: string }
  >({ kind: 'idle' });
  const [copied, setCopied] = useState(false);
  if (!recovered) return null;
  const { story, unsaved } = recovered;
  const text = storyPlainText(story.body);
  const name = `“${story.slug || 'UNTITLED'}”`;

  const save = async () => {
    setState({ kind: 'saving' });
    const result = await call(
      'stories.save',
      { story, baseUpdatedAt: story.updatedAt, mode: 'explicit' },
      { showsFailure: true },
    );
    if (!result.ok) return setState({ kind: 'failed', why: result.error.message });
    setState({ kind: 'saved' });
    storyRecovery.forget();
    onSaved(result.value);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section className="cd-rescue" aria-label="The open story">
      <p>
        {state.kind === 'saved'
          ? `${name} is saved.`
          : unsaved
            ? `${name} has changes that were not saved yet.`
            : `${name} was saved before this happened; nothing is lost.`}
      </p>
      {state.kind === 'failed' && (
        <p className="cd-form-error" role="alert">
          It could not be saved: {state.why} Copy the text below and keep it somewhere safe.
        </p>
      )}
      <div className="cd-rescue-actions">
        {unsaved && state.kind !== 'saved' && (
          <button
            type="button"
            className="cd-button cd-button-primary"
            disabled={state.kind === 'saving'}
            onClick={() => void save()}
          >
            Save the story
          </button>
        )}
        <button type="button" className="cd-button" onClick={() => void copy()}>
          Copy the text
        </button>
        {copied && <span role="status">Copied.</span>}
      </div>
      <textarea
        className="cd-rescue-text"
        readOnly
        aria-label="The story’s text"
        value={text}
        rows={12}
      />
    </section>
  );
}
