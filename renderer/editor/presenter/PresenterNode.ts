import {
  $applyNodeReplacement,
  $createParagraphNode,
  ElementNode,
  type LexicalNode,
  type ParagraphNode,
  type RangeSelection,
} from 'lexical';

/**
 * A presenter cue: its text is the name of whoever reads from here on. Timing switches to that
 * presenter's read rate; the line itself is not read.
 */
export class PresenterNode extends ElementNode {
  override $config() {
    return this.config('copydesk-presenter', { extends: ElementNode });
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('p');
    element.className = 'cd-block cd-presenter';
    element.dataset.block = 'presenter';
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  override collapseAtStart(): boolean {
    const paragraph = $createParagraphNode();
    paragraph.append(...this.getChildren());
    this.replace(paragraph);
    return true;
  }
}

export function $createPresenterNode(): PresenterNode {
  return $applyNodeReplacement(new PresenterNode());
}

export function $isPresenterNode(node: LexicalNode | null | undefined): node is PresenterNode {
  return node instanceof PresenterNode;
}
