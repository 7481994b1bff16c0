import { $applyNodeReplacement, TextNode, type EditorConfig, type LexicalNode } from 'lexical';

/** `...`, `,...` and `…`: a breath or a longer pause, kept verbatim in the text. */
export const PAUSE_MARK = /,?(?:\.{3,}|…)/u;
const WHOLE_PAUSE_MARK = new RegExp(`^${PAUSE_MARK.source}$`, 'u');

/**
 * A pause mark, shown as one: same characters, its own style. It is still text (the model keeps
 * it as written, the timing skips it), so it needs no conversion of its own.
 */
export class PauseNode extends TextNode {
  override $config() {
    return this.config('copydesk-pause', { extends: TextNode });
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    element.classList.add('cd-pause');
    element.title = 'Pause';
    return element;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }

  isWholePauseMark(): boolean {
    return WHOLE_PAUSE_MARK.test(this.getTextContent());
  }
}

export function $createPauseNode(text: string): PauseNode {
  return $applyNodeReplacement(new PauseNode(text));
}

export function $isPauseNode(node: LexicalNode | null | undefined): node is PauseNode {
  return node instanceof PauseNode;
}
