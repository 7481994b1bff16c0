import { useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getNodeByKey,
  COMMAND_PRIORITY_HIGH,
  createCommand,
  KEY_DOWN_COMMAND,
  mergeRegister,
} from 'lexical';
import type { PronouncerEntry } from '../../../shared/settings';
import { sameFolded } from '../../../shared/text/foldCase';
import { lineInput } from '../../../shared/text/lineInput';
import {
  $applyPronouncer,
  $pronouncerTarget,
  $removePronouncer,
  type PronouncerTarget,
} from './pronouncerEdits';
import { $isPronouncerNode } from './PronouncerNode';
import { isCtrlAlt } from '../shortcuts/ctrlAlt';
import './pronouncer.css';

export const OPEN_PRONOUNCER_COMMAND = createCommand<void>('OPEN_PRONOUNCER_COMMAND');
export const PRONOUNCER_SHORTCUT = { shortcut: 'Ctrl+Alt+R', key: 'r' };

type Props = { dictionary: readonly PronouncerEntry[] };

/**
 * The small form for a pronouncer: opened from the toolbar or Ctrl+Alt+R on the word at the
 * caret (or the selected name). The dictionary's spelling is offered when it knows the word.
 */
export function PronouncerPopover({ dictionary }: Props) {
  const [editor] = useLexicalComposerContext();
  const [target, setTarget] = useState<PronouncerTarget | null>(null);
  const [value, setValue] = useState('');
  const [position, setPosition] = useState<{ top: number; left: number }>({ top: 0, left: 0 });
  const input = useRef<HTMLInputElement>(null);
  const dictionaryRef = useRef(dictionary);
  useEffect(() => {
    dictionaryRef.current = dictionary;
  }, [dictionary]);

  useEffect(() => {
    const open = () => {
      const found = editor.getEditorState().read($pronouncerTarget);
      if (!found) return true;
      const known = dictionaryRef.current.find((d) => sameFolded(d.term, found.term));
      setTarget(found);
      setValue(found.kind === 'existing' ? found.phonetic : (known?.phonetic ?? ''));
      const range = window.getSelection()?.rangeCount
        ? window.getSelection()!.getRangeAt(0).getBoundingClientRect()
        : null;
      const page = editor.getRootElement()?.closest('.cd-page')?.getBoundingClientRect();
      if (range && page)
        setPosition({
          top: range.bottom - page.top + 6,
          left: Math.max(0, range.left - page.left),
        });
      return true;
    };
    return mergeRegister(
      editor.registerCommand(OPEN_PRONOUNCER_COMMAND, open, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event: KeyboardEvent) => {
          if (isCtrlAlt(event, 'r')) {
            event.preventDefault();
            return open();
          }
          return false;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor]);

  useEffect(() => {
    if (target) input.current?.focus();
  }, [target]);

  if (!target) return null;
  const close = () => {
    setTarget(null);
    editor.focus();
  };
  const apply = () => {
    const phonetic = lineInput(value).trim();
    if (!phonetic) return;
    editor.update(() => $applyPronouncer(phonetic));
    close();
  };
  const remove = () => {
    if (target.kind !== 'existing') return;
    editor.update(() => {
      const node = $getNodeByKey(target.key);
      $removePronouncer(target.key, $isPronouncerNode(node) ? node : null);
    });
    close();
  };

  return (
    <div
      className="cd-popover"
      style={{ top: position.top, left: position.left }}
      role="dialog"
      aria-label={`Pronouncer for ${target.term}`}
      data-testid="pronouncer-popover"
    >
      <label>
        <span>
          How to say <strong>{target.term}</strong>
        </span>
        <input
          ref={input}
          value={value}
          placeholder="e.g. RAH-goo-NAH-tun"
          maxLength={120}
          spellCheck={false}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        />
      </label>
      <div className="cd-popover-actions">
        {target.kind === 'existing' && (
          <button type="button" className="cd-button cd-button-quiet cd-danger" onClick={remove}>
            Remove
          </button>
        )}
        <button type="button" className="cd-button cd-button-quiet" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="cd-button cd-button-primary"
          onClick={apply}
          disabled={!value.trim()}
        >
          Apply
        </button>
      </div>
    </div>
  );
}
