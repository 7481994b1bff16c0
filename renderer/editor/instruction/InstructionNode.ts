import {
  $applyNodeReplacement,
  $createParagraphNode,
  ElementNode,
  type LexicalNode,
  type ParagraphNode,
  type RangeSelection,
} from 'lexical';

/**
 * A presenter instruction (`(PAUSE)`, `(TURN TO CAM 2)`): prompted in reverse video, not read,
 * not timed.
 */
export class InstructionNode extends ElementNode {
  override $config() {
    return this.config('copydesk-instruction', { extends: ElementNode });
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('p');
    element.className = 'cd-block cd-instruction';
    element.dataset.block = 'instruction';
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

export function $createInstructionNode(): InstructionNode {
  return $applyNodeReplacement(new InstructionNode());
}

export function $isInstructionNode(node: LexicalNode | null | undefined): node is InstructionNode {
  return node instanceof InstructionNode;
}
