import {
  $applyNodeReplacement,
  $getState,
  $setState,
  createState,
  TextNode,
  type EditorConfig,
  type LexicalNode,
} from 'lexical';
import './pronouncer.css';

const pronouncerState = createState('pronouncer', {
  parse: (value: unknown): string => (typeof value === 'string' ? value : ''),
});

/**
 * A word or name with its pronouncer. The text stays the real spelling (supers are typed from
 * it); the phonetic spelling is shown after it in parentheses and is never timed. Typing at its
 * edges makes ordinary text, so the pronouncer stays attached to the word alone.
 */
export class PronouncerNode extends TextNode {
  override $config() {
    return this.config('copydesk-pronouncer', {
      extends: TextNode,
      stateConfigs: [{ stateConfig: pronouncerState, flat: true }],
    });
  }

  getPronouncer(): string {
    return $getState(this, pronouncerState);
  }

  setPronouncer(value: string): this {
    return $setState(this, pronouncerState, value);
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    element.classList.add('cd-pronounced');
    element.dataset.pronouncer = this.getPronouncer();
    element.title = `Say: ${this.getPronouncer()}`;
    return element;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    if (super.updateDOM(prevNode, dom, config)) return true;
    if (prevNode.getPronouncer() !== this.getPronouncer()) {
      dom.dataset.pronouncer = this.getPronouncer();
      dom.title = `Say: ${this.getPronouncer()}`;
    }
    return false;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

export function $createPronouncerNode(text: string, pronouncer: string): PronouncerNode {
  return $applyNodeReplacement(new PronouncerNode(text)).setPronouncer(pronouncer);
}

export function $isPronouncerNode(node: LexicalNode | null | undefined): node is PronouncerNode {
  return node instanceof PronouncerNode;
}
