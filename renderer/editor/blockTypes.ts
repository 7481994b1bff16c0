import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type LexicalNode,
} from 'lexical';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $insertNodeToNearestRoot } from '@lexical/utils';
import { $createCueNode, $isCueNode } from './cue/CueNode';
import { $createInstructionNode, $isInstructionNode } from './instruction/InstructionNode';
import { $createMediaNode, emptyMedia } from './media/MediaNode';
import { $createPresenterNode, $isPresenterNode } from './presenter/PresenterNode';
import type { MediaKind } from '../../shared/story/model';

/** The kinds of line a script has: the three kinds of text, and the presenter cue. */
export type TextKind = 'read' | 'cue' | 'instruction' | 'presenter';

/**
 * One name for each kind of line, the one newsrooms use (docs: DOMAIN.md): the toolbar button, the
 * label beside the page (editor.css, upper case), the tooltip, the README and the export options
 * all say it. `name` is the short form the toolbar and the page show; `label` the full name.
 */
export const TEXT_KINDS: readonly {
  kind: TextKind;
  name: string;
  label: string;
  shortcut: string;
  key: string;
}[] = [
  { kind: 'read', name: 'Read', label: 'Read text', shortcut: 'Ctrl+Alt+1', key: '1' },
  { kind: 'cue', name: 'Cue', label: 'Production cue', shortcut: 'Ctrl+Alt+2', key: '2' },
  {
    kind: 'instruction',
    name: 'Instruction',
    label: 'Presenter instruction',
    shortcut: 'Ctrl+Alt+3',
    key: '3',
  },
  {
    kind: 'presenter',
    name: 'Presenter cue',
    label: 'Presenter cue (who reads from here on)',
    shortcut: 'Ctrl+Alt+4',
    key: '4',
  },
];

export const MEDIA_SHORTCUTS: Record<MediaKind, { shortcut: string; key: string }> = {
  SOT: { shortcut: 'Ctrl+Alt+S', key: 's' },
  PKG: { shortcut: 'Ctrl+Alt+P', key: 'p' },
};

/** Turns the selected lines into the given kind, keeping their text. */
export function $setTextKind(kind: TextKind): void {
  const selection = $getSelection();
  if (kind === 'cue') $setBlocksType(selection, $createCueNode);
  else if (kind === 'instruction') $setBlocksType(selection, $createInstructionNode);
  else if (kind === 'presenter') $setBlocksType(selection, $createPresenterNode);
  else $setBlocksType(selection, $createParagraphNode);
}

function $topBlock(node: LexicalNode): LexicalNode | null {
  return $findMatchingParent(node, (n) => {
    const parent = n.getParent();
    return parent !== null && $isRootOrShadowRoot(parent);
  });
}

/** The kind of the line holding the caret, for the toolbar's pressed state. */
export function $currentTextKind(): TextKind | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const block = $topBlock(selection.anchor.getNode());
  if ($isCueNode(block)) return 'cue';
  if ($isInstructionNode(block)) return 'instruction';
  if ($isPresenterNode(block)) return 'presenter';
  return 'read';
}

/** Inserts an empty sound bite or package after the current line, with a fresh line after it. */
export function $insertMediaBlock(kind: MediaKind): void {
  const node = $insertNodeToNearestRoot($createMediaNode(emptyMedia(kind)));
  if (node.getNextSibling() === null) node.insertAfter($createParagraphNode());
}
