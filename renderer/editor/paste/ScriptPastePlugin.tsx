import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  PASTE_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { $generateNodesFromSerializedNodes, $insertGeneratedNodes } from '@lexical/clipboard';
import { parseScriptText, type ParsedScript } from '../../../shared/import/scriptText';
import { $blockToNode } from '../model/storyBody';

/** Beyond this a paste is not a script; it is refused with a message instead of freezing the editor. */
export const MAX_PASTE_CHARS = 500_000;

export type PasteOutcome = { script: ParsedScript } | { refused: string };

/**
 * Pasted text goes through the same importer as files: hashtags become tags, web residue is
 * dropped, cues and packages are recognised. HTML is never interpreted — only the plain text
 * is read — so no markup, script or style from a web page reaches the story. Copies from
 * another Copydesk editor keep their blocks (Lexical's own clipboard format, checked by the
 * model guard).
 */
export function ScriptPastePlugin({ onPaste }: { onPaste: (outcome: PasteOutcome) => void }) {
  const [editor] = useLexicalComposerContext();
  const onPasteRef = useRef(onPaste);
  useEffect(() => {
    onPasteRef.current = onPaste;
  }, [onPaste]);

  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          if (!data) return false;
          event.preventDefault();
          if ($insertOwnCopy(editor, data.getData('application/x-lexical-editor'))) return true;
          const text = data.getData('text/plain');
          if (text.length > MAX_PASTE_CHARS) {
            onPasteRef.current({
              refused: `That paste is ${text.length.toLocaleString()} characters long; a script is far shorter (the limit is ${MAX_PASTE_CHARS.toLocaleString()}). Nothing was pasted.`,
            });
            return true;
          }
          if (text === '') return true;
          const script = parseScriptText(text);
          editor.update(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            const only = script.body.length === 1 ? script.body[0] : undefined;
            if (only?.type === 'paragraph' && !text.includes('\n')) {
              // One plain line: type it in where the caret is, as written.
              selection.insertText(only.runs.map((r) => r.text).join(''));
            } else if (script.body.length > 0) {
              $insertNodes(script.body.map($blockToNode));
            }
          });
          onPasteRef.current({ script });
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}

/**
 * A copy from this editor keeps its blocks. Anything else in Lexical's clipboard format — another
 * script editor's namespace, a payload that does not parse — is ignored rather than handed to Lexical,
 * whose fallback would read the clipboard's HTML.
 */
function $insertOwnCopy(editor: LexicalEditor, payload: string): boolean {
  if (payload === '') return false;
  try {
    const parsed = JSON.parse(payload) as { namespace?: unknown; nodes?: unknown };
    if (parsed.namespace !== editor._config.namespace || !Array.isArray(parsed.nodes)) return false;
    const selection = $getSelection();
    if (!selection) return false;
    $insertGeneratedNodes(editor, $generateNodesFromSerializedNodes(parsed.nodes), selection);
    return true;
  } catch {
    return false;
  }
}
