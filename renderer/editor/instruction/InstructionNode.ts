import { $applyNodeReplacement, ElementNode, type LexicalNode } from 'lexical';
import { ScriptLineNode } from '../lines/ScriptLineNode';

/** A presenter instruction (`(PAUSE)`, `(TURN TO CAM 2)`): prompted in reverse video, not read, not timed. */
export class InstructionNode extends ScriptLineNode {
  override $config() {
    return this.config('copydesk-instruction', { extends: ElementNode });
  }

  protected lineClass(): string {
    return 'cd-instruction';
  }

  protected blockName(): string {
    return 'instruction';
  }
}

export function $createInstructionNode(): InstructionNode {
  return $applyNodeReplacement(new InstructionNode());
}

export function $isInstructionNode(node: LexicalNode | null | undefined): node is InstructionNode {
  return node instanceof InstructionNode;
}
