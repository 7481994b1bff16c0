import { useState } from 'react';
import { sameFolded } from '../../shared/text/foldCase';
import { MAX_TAG_CHARS, MAX_TAGS } from '../../shared/story/model';
import { clipUnits, lineInput } from '../../shared/text/lineInput';
import './metadata.css';

/** Tags as chips: Enter or comma adds, Backspace in the empty box removes the last, × removes one. */
export function TagInput({
  tags,
  onChange,
  disabled,
}: {
  tags: string[];
  onChange: (tags: string[]) => void;
  disabled?: boolean;
}) {
  const [draft, setDraft] = useState('');
  const add = (raw: string) => {
    // Commas, spaces, # and control characters all part tags (#fire#flood is two tags): a tag
    // holds none of them.
    const additions = lineInput(raw)
      .split(/[,#\s]+/)
      .map((t) => clipUnits(t, MAX_TAG_CHARS))
      .filter(Boolean);
    const next = [...tags];
    const left: string[] = [];
    for (const tag of additions) {
      if (next.some((t) => sameFolded(t, tag))) continue;
      if (next.length >= MAX_TAGS) left.push(tag);
      else next.push(tag);
    }
    if (next.length !== tags.length) onChange(next);
    // Tags past the most a story holds stay in the box, and the box says why.
    setDraft(left.join(' '));
  };
  const full = tags.length >= MAX_TAGS;
  return (
    <div className="cd-tags" data-testid="tags">
      {tags.map((tag) => (
        <span key={tag} className="cd-chip">
          #{tag}
          <button
            type="button"
            aria-label={`Remove tag ${tag}`}
            disabled={disabled}
            onClick={() => onChange(tags.filter((t) => t !== tag))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        aria-label="Add a tag"
        aria-describedby={full ? 'cd-tags-full' : undefined}
        placeholder={tags.length ? 'Add tag' : 'Add tags'}
        value={draft}
        disabled={disabled}
        onChange={(e) => {
          const value = e.target.value;
          if (value.includes(',')) add(value);
          else setDraft(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(draft);
          } else if (e.key === 'Backspace' && draft === '' && tags.length > 0) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={() => draft && add(draft)}
      />
      {full && (
        <span id="cd-tags-full" className="cd-tags-full">
          {MAX_TAGS} tags at most: remove one to add another
        </span>
      )}
    </div>
  );
}
