import { useEffect, useState } from 'react';
import { formatDuration, parseDuration } from '../../shared/story/timing';

/** A m:ss field: typed freely, checked on Enter or leaving it, red while it is not a time. */
export function DurationInput({
  value,
  onChange,
  label,
  placeholder = 'm:ss',
}: {
  value: number | undefined;
  onChange: (seconds: number | undefined) => void;
  label: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(value === undefined ? '' : formatDuration(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(value === undefined ? '' : formatDuration(value));
  }, [value]);
  const commit = () => {
    const trimmed = text.trim();
    if (trimmed === '') {
      setInvalid(false);
      onChange(undefined);
      return;
    }
    const seconds = parseDuration(trimmed);
    setInvalid(seconds === null);
    if (seconds !== null) {
      setText(formatDuration(seconds));
      onChange(seconds);
    }
  };
  return (
    <input
      className={invalid ? 'cd-input-invalid' : undefined}
      aria-label={label}
      aria-invalid={invalid}
      title={invalid ? 'Type a time like 1:45 or 0:20' : label}
      value={text}
      placeholder={placeholder}
      inputMode="numeric"
      onChange={(e) => setText(e.target.value)}
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
