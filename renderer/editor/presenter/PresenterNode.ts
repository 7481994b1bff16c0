import { $applyNodeReplacement, ElementNode, type LexicalNode } from 'lexical';
import { ScriptLineNode } from '../lines/ScriptLineNode';

/**
 * A presenter cue: its text is the name of whoever reads from here on. Timing switches to that
 * presenter's read rate; the line itself is not read.
 */
export class PresenterNode extends ScriptLineNode {
  override $config() {
    return this.config('copydesk-presenter', { extends: ElementNode });
  }

  protected lineClass(): string {
    return 'cd-presenter';
  }

  protected blockName(): string {
    return 'presenter';
  }
}

export function $createPresenterNode(): PresenterNode {
  return $applyNodeReplacement(new PresenterNode());
}

export function $isPresenterNode(node: LexicalNode | null | undefined): node is PresenterNode {
  return node instanceof PresenterNode;
}
