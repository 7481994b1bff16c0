import { $applyNodeReplacement, ElementNode, type LexicalNode } from 'lexical';
import { ScriptLineNode } from '../lines/ScriptLineNode';

/** A production cue (`TAKE VO`, `CG: name / title`): a line for the studio, never read, never timed. */
export class CueNode extends ScriptLineNode {
  override $config() {
    return this.config('copydesk-cue', { extends: ElementNode });
  }

  protected lineClass(): string {
    return 'cd-cue';
  }

  protected blockName(): string {
    return 'cue';
  }
}

export function $createCueNode(): CueNode {
  return $applyNodeReplacement(new CueNode());
}

export function $isCueNode(node: LexicalNode | null | undefined): node is CueNode {
  return node instanceof CueNode;
}
