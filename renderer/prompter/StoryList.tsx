import { useEffect, useRef } from 'react';
import type { PrompterDocument } from '../../shared/prompter/document';
import { formatDuration } from '../../shared/story/timing';

/**
 * The story markers: every prompted story with its page, slug and length at the speed set now.
 * Choosing one puts its marker on the reading line.
 */
export function StoryList({
  doc,
  current,
  wpm,
  onJump,
}: {
  doc: PrompterDocument;
  current: number;
  wpm: number;
  onJump: (index: number) => void;
}) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  return (
    <nav className="cd-pr-stories" aria-label="Show">
      <h2>Stories</h2>
      <ol ref={list} aria-label="Stories">
        {doc.stories.map((story, i) => (
          <li key={`${story.rowId ?? ''}:${story.id}`}>
            <button
              type="button"
              aria-current={i === current ? 'true' : undefined}
              className={story.changed?.length ? 'cd-pr-story-changed' : undefined}
              onClick={() => onJump(i)}
            >
              <span className="cd-pr-list-page">{story.page || i + 1}</span>
              <span className="cd-pr-list-slug">{story.slug || 'UNTITLED'}</span>
              <span className="cd-pr-list-time">
                {formatDuration((story.readWords / Math.max(1, wpm)) * 60 + story.mediaSec)}
              </span>
              {story.changed?.length ? <span className="cd-pr-list-changed">changed</span> : null}
            </button>
          </li>
        ))}
      </ol>
      {doc.stories.length === 0 && (
        <p className="cd-pr-none">This show has no stories to prompt.</p>
      )}
    </nav>
  );
}
