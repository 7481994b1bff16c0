import { useState } from 'react';
import { formatDuration, parseLength } from '../../shared/story/timing';

/** Said on a length field while what is typed is not a length a story or a row can hold. */
export const LENGTH_HINT = 'Type a length like 1:45 or 0:20, up to 6:00:00';

/**
 * A m:ss field: typed freely, checked on Enter or leaving it, red while it is not a length (up to six hours). What is
 * typed is held only until it is taken (or while it is not a time); otherwise the field shows
 * `value`. A typed draft belongs to `owner` (the story whose Target it is): when the field is
 * handed to another owner, as the story details are when another story opens, the draft is
 * dropped, not carried over.
 */
export function DurationInput({
  value,
  onChange,
  label,
  placeholder = 'm:ss',
  owner = '',
}: {
  value: number | undefined;
  onChange: (seconds: number | undefined) => void;
  label: string;
  placeholder?: string;
  owner?: string;
}) {
  const [typed, setTyped] = useState<{ owner: string; text: string; invalid: boolean } | null>(
    null,
  );
  const draft = typed?.owner === owner ? typed : null;
  const text = draft?.text ?? (value === undefined ? '' : formatDuration(value));
  const invalid = draft?.invalid ?? false;
  const commit = () => {
    if (!draft) return;
    const trimmed = draft.text.trim();
    if (trimmed === '') {
      setTyped(null);
      onChange(undefined);
      return;
    }
    const seconds = parseLength(trimmed);
    if (seconds === null) {
      setTyped({ ...draft, invalid: true });
      return;
    }
    setTyped(null);
    onChange(seconds);
  };
  return (
    <input
      className={invalid ? 'cd-input-invalid' : undefined}
      aria-label={label}
      aria-invalid={invalid}
      title={invalid ? LENGTH_HINT : label}
      value={text}
      placeholder={placeholder}
      inputMode="numeric"
      onChange={(e) => setTyped({ owner, text: e.target.value, invalid: draft?.invalid ?? false })}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}
