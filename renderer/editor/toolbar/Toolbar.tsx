import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND, type TextFormatType } from 'lexical';
import { $insertMediaBlock, $setTextKind, MEDIA_SHORTCUTS, TEXT_KINDS } from '../blockTypes';
import { useToolbarState } from './useToolbarState';
import { OPEN_PRONOUNCER_COMMAND, PRONOUNCER_SHORTCUT } from '../pronouncer/PronouncerPopover';
import { ADD_COMMENT_COMMAND, COMMENT_SHORTCUT } from '../comments/CommentMarksPlugin';
import './toolbar.css';

const IS_MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
export const MOD = IS_MAC ? '⌘' : 'Ctrl';

function shortcutLabel(shortcut: string): string {
  return IS_MAC ? shortcut.replace('Ctrl+Alt+', '⌘⌥').replace('Ctrl+', '⌘') : shortcut;
}

function ToolButton({
  label,
  shortcut,
  pressed,
  disabled,
  onClick,
  children,
  className,
}: {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: React.ReactNode;
  className?: string;
}) {
  const title = shortcut ? `${label} (${shortcutLabel(shortcut)})` : label;
  return (
    <button
      type="button"
      className={`cd-tool${className ? ` ${className}` : ''}`}
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut?.replace('Ctrl', IS_MAC ? 'Meta' : 'Control')}
      title={title}
      disabled={disabled}
      // Keep the caret in the editor: a click on the toolbar must not steal the selection.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** The only character formats the story model has. */
const CHARACTER_FORMATS = [
  { format: 'bold', label: 'Bold', shortcut: 'Ctrl+B' },
  { format: 'italic', label: 'Italic', shortcut: 'Ctrl+I' },
  { format: 'underline', label: 'Underline', shortcut: 'Ctrl+U' },
] as const;

/** The editor's toolbar, in groups: history, character format, kind of line, media blocks. */
export function Toolbar({ readOnly }: { readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  const state = useToolbarState();
  const format = (f: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f);

  return (
    // A disabled fieldset disables every button in it: a locked story takes no edits.
    <fieldset
      className="cd-toolbar"
      role="toolbar"
      aria-label="Script formatting"
      disabled={readOnly}
    >
      <div className="cd-tool-group" role="group" aria-label="History">
        <ToolButton
          label="Undo"
          shortcut="Ctrl+Z"
          disabled={!state.canUndo}
          onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
        >
          ↶
        </ToolButton>
        <ToolButton
          label="Redo"
          shortcut="Ctrl+Shift+Z"
          disabled={!state.canRedo}
          onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
        >
          ↷
        </ToolButton>
      </div>
      <div className="cd-tool-group" role="group" aria-label="Character format">
        {CHARACTER_FORMATS.map(({ format: f, label, shortcut }) => (
          <ToolButton
            key={f}
            label={label}
            shortcut={shortcut}
            pressed={state[f]}
            onClick={() => format(f)}
            className={`cd-tool-${f}`}
          >
            {label[0]}
          </ToolButton>
        ))}
      </div>
      <div className="cd-tool-group" role="group" aria-label="Kind of line">
        {TEXT_KINDS.map(({ kind, name, label, shortcut }) => (
          <ToolButton
            key={kind}
            label={label}
            shortcut={shortcut}
            pressed={state.kind === kind}
            onClick={() => editor.update(() => $setTextKind(kind))}
            className={`cd-tool-kind cd-tool-${kind}`}
          >
            {name}
          </ToolButton>
        ))}
      </div>
      <div className="cd-tool-group" role="group" aria-label="Pronunciation">
        <ToolButton
          label="Pronouncer for the word at the caret"
          shortcut={PRONOUNCER_SHORTCUT.shortcut}
          onClick={() => editor.dispatchCommand(OPEN_PRONOUNCER_COMMAND, undefined)}
        >
          Say…
        </ToolButton>
      </div>
      <div className="cd-tool-group" role="group" aria-label="Review">
        <ToolButton
          label="Comment on the selected words"
          shortcut={COMMENT_SHORTCUT.shortcut}
          onClick={() => editor.dispatchCommand(ADD_COMMENT_COMMAND, undefined)}
        >
          Comment
        </ToolButton>
      </div>
      <div className="cd-tool-group" role="group" aria-label="Media">
        <ToolButton
          label="Insert sound bite (SOT)"
          shortcut={MEDIA_SHORTCUTS.SOT.shortcut}
          onClick={() => editor.update(() => $insertMediaBlock('SOT'))}
        >
          + SOT
        </ToolButton>
        <ToolButton
          label="Insert package (PKG)"
          shortcut={MEDIA_SHORTCUTS.PKG.shortcut}
          onClick={() => editor.update(() => $insertMediaBlock('PKG'))}
        >
          + PKG
        </ToolButton>
      </div>
    </fieldset>
  );
}
