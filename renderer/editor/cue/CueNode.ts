import {
  $applyNodeReplacement,
  $createParagraphNode,
  ElementNode,
  type LexicalNode,
  type ParagraphNode,
  type RangeSelection,
} from 'lexical';

/**
 * A production cue (`TAKE VO`, `CG: name / title`): a line for the studio, never read, never
 * timed. Enter after it goes back to read text; Backspace at its start turns it into read text.
 */
export class CueNode extends ElementNode {
  override $config() {
    return this.config('copydesk-cue', { extends: ElementNode });
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('p');
    element.className = 'cd-block cd-cue';
    element.dataset.block = 'cue';
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

export function $createCueNode(): CueNode {
  return $applyNodeReplacement(new CueNode());
}

export function $isCueNode(node: LexicalNode | null | undefined): node is CueNode {
  return node instanceof CueNode;
}
