import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  COMMAND_PRIORITY_HIGH,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  KEY_DOWN_COMMAND,
  mergeRegister,
} from 'lexical';
import { $insertMediaBlock, $setTextKind, MEDIA_SHORTCUTS, TEXT_KINDS } from '../blockTypes';
import { isCtrlAlt } from './ctrlAlt';

/**
 * Keyboard access to every editor action: Ctrl+Alt+1/2/3 for the kind of line, Ctrl+Alt+S and
 * Ctrl+Alt+P for a sound bite or package. Shift+Enter makes a new paragraph: the model has no
 * line breaks inside one.
 */
export function ScriptShortcutsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event: KeyboardEvent) => {
            const kind = TEXT_KINDS.find((k) => isCtrlAlt(event, k.key));
            if (kind) {
              event.preventDefault();
              editor.update(() => $setTextKind(kind.kind));
              return true;
            }
            for (const media of ['SOT', 'PKG'] as const) {
              if (isCtrlAlt(event, MEDIA_SHORTCUTS[media].key)) {
                event.preventDefault();
                editor.update(() => $insertMediaBlock(media));
                return true;
              }
            }
            return false;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          INSERT_LINE_BREAK_COMMAND,
          () => editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined),
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );
  return null;
}
