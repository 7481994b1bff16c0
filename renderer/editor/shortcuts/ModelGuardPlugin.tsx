import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { TextNode, type TextFormatType } from 'lexical';

const ALLOWED: ReadonlySet<TextFormatType> = new Set(['bold', 'italic', 'underline']);
const ALL_FORMATS: readonly TextFormatType[] = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'code',
  'subscript',
  'superscript',
  'highlight',
  'lowercase',
  'uppercase',
  'capitalize',
];

/**
 * Keeps the editor within what the story model can hold, whatever arrives by paste or by
 * keyboard: no inline styles, and no formats other than bold, italic and underline.
 */
export function ModelGuardPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerNodeTransform(TextNode, (node) => {
        if (node.getStyle() !== '') node.setStyle('');
        for (const format of ALL_FORMATS) {
          if (!ALLOWED.has(format) && node.hasFormat(format)) node.toggleFormat(format);
        }
      }),
    [editor],
  );
  return null;
}
