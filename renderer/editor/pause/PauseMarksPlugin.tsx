import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createTextNode,
  $isParagraphNode,
  mergeRegister,
  TextNode,
  type LexicalEditor,
} from 'lexical';
import { $createPauseNode, PauseNode, PAUSE_MARK } from './PauseNode';

/**
 * Keeps pause marks in read text as PauseNodes: a typed or pasted `...` becomes one, and a
 * pause node edited into something else becomes plain text again.
 */
export function registerPauseMarks(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerNodeTransform(TextNode, (node) => {
      if (node.getType() !== 'text' || !$isParagraphNode(node.getParent())) return;
      const match = PAUSE_MARK.exec(node.getTextContent());
      if (!match) return;
      const start = match.index;
      const end = start + match[0].length;
      const parts = node.splitText(start, end);
      const target = start === 0 ? parts[0] : parts[1];
      if (!target) return;
      const pause = $createPauseNode(target.getTextContent()).setFormat(target.getFormat());
      target.replace(pause);
    }),
    editor.registerNodeTransform(PauseNode, (node) => {
      if (node.isWholePauseMark() && $isParagraphNode(node.getParent())) return;
      node.replace($createTextNode(node.getTextContent()).setFormat(node.getFormat()));
    }),
  );
}

export function PauseMarksPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerPauseMarks(editor), [editor]);
  return null;
}
