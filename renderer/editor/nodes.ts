import type { Klass, LexicalNode } from 'lexical';
import { MarkNode } from '@lexical/mark';
import { CueNode } from './cue/CueNode';
import { InstructionNode } from './instruction/InstructionNode';
import { MediaNode } from './media/MediaNode';
import { PresenterNode } from './presenter/PresenterNode';
import { PronouncerNode } from './pronouncer/PronouncerNode';
import { PauseNode } from './pause/PauseNode';

/** Every node the script editor may hold besides Lexical's own paragraph, text and line break. */
export const SCRIPT_NODES: readonly Klass<LexicalNode>[] = [
  CueNode,
  InstructionNode,
  PresenterNode,
  MediaNode,
  PronouncerNode,
  PauseNode,
  MarkNode,
];
