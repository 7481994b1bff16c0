import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isParagraphNode } from 'lexical';

/** A new story opens with the caret on its first read line, ready to type. */
export function FocusFirstLinePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    editor.update(() => {
      const root = $getRoot();
      const first = root.getChildren().find($isParagraphNode) ?? root.getFirstChild();
      if ($isParagraphNode(first)) first.selectStart();
    });
    editor.focus();
  }, [editor]);
  return null;
}
