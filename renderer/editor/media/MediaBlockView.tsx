import { useId, useState, type ChangeEvent } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { $getNodeByKey, type NodeKey } from 'lexical';
import type { MediaBlock } from '../../../shared/story/model';
import { formatDuration, parseLength } from '../../../shared/story/timing';
import { firstWords, lastWords } from '../../../shared/import/scriptText';
import { $isMediaNode } from './MediaNode';
import { CONTROL_EXCEPT_LF_RUNS, foldControls } from '../../../shared/story/controlChars';
import './media.css';

const CUE_WORDS = 3;

/**
 * IN and OUT cues follow the transcript's first and last words until the reporter types their
 * own: a cue that still matches what the old transcript implied is treated as automatic.
 */
export function withTranscript(media: MediaBlock, transcript: string): MediaBlock {
  const lines = transcript.split('\n').filter((l) => l.trim() !== '');
  const oldLines = media.transcript.split('\n').filter((l) => l.trim() !== '');
  const autoIn = media.inCue === '' || media.inCue === firstWords(media.transcript, CUE_WORDS);
  const autoOut =
    media.outCue === '' || media.outCue === lastWords(oldLines.at(-1) ?? '', CUE_WORDS);
  return {
    ...media,
    transcript,
    inCue: autoIn ? firstWords(transcript, CUE_WORDS) : media.inCue,
    outCue: autoOut ? lastWords(lines.at(-1) ?? '', CUE_WORDS) : media.outCue,
  };
}

/** Single-line fields hold no line breaks or control characters (the model's rule). */
function oneLine(value: string): string {
  return foldControls(value);
}

export function MediaBlockView({ nodeKey, media }: { nodeKey: NodeKey; media: MediaBlock }) {
  const [editor] = useLexicalComposerContext();
  // A locked story's editor is not editable: neither are the block's fields and buttons.
  const editable = useLexicalEditable();
  const [durationText, setDurationText] = useState(
    media.durationSec === null ? '' : formatDuration(media.durationSec),
  );
  const [durationInvalid, setDurationInvalid] = useState(false);
  const durationErrorId = useId();

  const update = (change: (m: MediaBlock) => MediaBlock) => {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isMediaNode(node)) node.setMedia(change(node.getMedia()));
    });
  };
  const field = (key: 'speaker' | 'title' | 'inCue' | 'outCue') => ({
    value: media[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = oneLine(e.target.value);
      update((m) => ({ ...m, [key]: value }));
    },
  });
  const setDuration = (seconds: number | null) => {
    if (seconds !== media.durationSec) update((m) => ({ ...m, durationSec: seconds }));
  };
  // The duration counts as it is typed: each keystroke that makes a time (or empties the field)
  // times the block at once; a half-typed one ("1:4") waits for the next key.
  const typeDuration = (value: string) => {
    setDurationText(value);
    const text = value.trim();
    const seconds = text === '' ? null : parseLength(text);
    if (text === '' || seconds !== null) {
      setDurationInvalid(false);
      setDuration(seconds);
    }
  };
  // Leaving the field with something that is not a time says so, and the block no longer claims
  // the old duration: it is timed from its words (est.) until a time is typed.
  const commitDuration = () => {
    const text = durationText.trim();
    const seconds = text === '' ? null : parseLength(text);
    if (text !== '' && seconds === null) {
      setDurationInvalid(true);
      setDuration(null);
      return;
    }
    setDurationInvalid(false);
    setDurationText(seconds === null ? '' : formatDuration(seconds));
    setDuration(seconds);
  };
  const remove = () => {
    editor.update(() => $getNodeByKey(nodeKey)?.remove());
  };
  const isPackage = media.kind === 'PKG';
  const label = isPackage ? 'Package' : 'Sound bite';

  return (
    <section
      className={`cd-media cd-media-${media.kind.toLowerCase()}`}
      aria-label={label}
      data-block="media"
      onKeyDown={(e) => {
        // Ctrl+A in a field selects the field's text, not the whole script around it.
        const inField =
          e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
        if (inField && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') e.stopPropagation();
      }}
    >
      <fieldset className="cd-media-fields" disabled={!editable}>
        <header className="cd-media-head">
          <button
            type="button"
            className="cd-media-kind"
            title="Switch between sound bite (SOT) and package (PKG)"
            onClick={() => update((m) => ({ ...m, kind: m.kind === 'PKG' ? 'SOT' : 'PKG' }))}
          >
            {media.kind}
          </button>
          <label className="cd-field cd-field-grow">
            <span>{isPackage ? 'Reporter' : 'Speaker'}</span>
            <input
              {...field('speaker')}
              placeholder="Name, as the super reads"
              spellCheck={false}
            />
          </label>
          <label className="cd-field cd-field-grow">
            <span>Title</span>
            <input
              {...field('title')}
              placeholder={isPackage ? 'e.g. Harbor City News' : 'e.g. Transport Minister'}
            />
          </label>
          <label className={`cd-field cd-field-dur${durationInvalid ? ' cd-invalid' : ''}`}>
            <span>Dur</span>
            <input
              value={durationText}
              placeholder="m:ss"
              inputMode="numeric"
              aria-invalid={durationInvalid}
              aria-describedby={durationInvalid ? durationErrorId : undefined}
              title="Duration: minutes and seconds (1:45) or seconds (20)"
              onChange={(e) => typeDuration(e.target.value)}
              onBlur={commitDuration}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  commitDuration();
                }
              }}
            />
          </label>
          <button
            type="button"
            className="cd-icon-button"
            aria-label={`Remove ${label.toLowerCase()}`}
            title={`Remove ${label.toLowerCase()}`}
            onClick={remove}
          >
            ×
          </button>
        </header>
        {durationInvalid && (
          <p className="cd-media-error" role="alert" id={durationErrorId}>
            “{durationText.trim()}” is not a duration. Type minutes and seconds, like 1:45 or 0:20,
            or seconds, like 20, up to six hours. Until then this{' '}
            {isPackage ? 'package' : 'sound bite'} is timed from its words (est.).
          </p>
        )}
        <div className="cd-media-cues">
          <label className="cd-field cd-field-grow">
            <span>In</span>
            <input {...field('inCue')} placeholder="First words" />
          </label>
          <label className="cd-field cd-field-grow">
            <span>Out</span>
            <input {...field('outCue')} placeholder="Last words" />
          </label>
        </div>
        <label className="cd-field cd-media-transcript">
          <span>{isPackage ? 'Track (not read by the anchor)' : 'Transcript'}</span>
          <textarea
            value={media.transcript}
            rows={Math.min(12, Math.max(2, media.transcript.split('\n').length))}
            placeholder={isPackage ? 'Paste the package track' : 'Paste what the speaker says'}
            onChange={(e) => {
              const transcript = e.target.value
                .replace(/\r\n?/g, '\n')
                .replace(CONTROL_EXCEPT_LF_RUNS, ' ');
              update((m) => withTranscript(m, transcript));
            }}
          />
        </label>
      </fieldset>
    </section>
  );
}
