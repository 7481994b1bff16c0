import {
  $createParagraphNode,
  ElementNode,
  type ParagraphNode,
  type RangeSelection,
} from 'lexical';

/**
 * What the script's special lines (production cue, presenter instruction, presenter cue) share:
 * a paragraph-like line of its own kind. Enter after one goes back to read text, and Backspace at
 * its start turns it into read text, keeping the words. Each kind names its class and its block.
 */
export abstract class ScriptLineNode extends ElementNode {
  protected abstract lineClass(): string;
  protected abstract blockName(): string;

  override createDOM(): HTMLElement {
    const element = document.createElement('p');
    element.className = `cd-block ${this.lineClass()}`;
    element.dataset.block = this.blockName();
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
