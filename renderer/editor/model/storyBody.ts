import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isDecoratorNode,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { $createMarkNode, $isMarkNode, MarkNode } from '@lexical/mark';
import type { Block, Run } from '../../../shared/story/model';
import { normalizeRuns } from '../../../shared/story/text';
import { $createCueNode, $isCueNode } from '../cue/CueNode';
import { $createInstructionNode, $isInstructionNode } from '../instruction/InstructionNode';
import { $createMediaNode, $isMediaNode } from '../media/MediaNode';
import { $createPresenterNode, $isPresenterNode } from '../presenter/PresenterNode';
import { $createPronouncerNode, $isPronouncerNode } from '../pronouncer/PronouncerNode';
import { CONTROL_EXCEPT_TAB_RUNS, CONTROL_RUNS } from '../../../shared/story/controlChars';

/**
 * The editor is a view of the story model. These two functions are the whole mapping:
 * model → Lexical when a story is opened, Lexical → model when it is saved or timed.
 */
export function $storyBodyToLexical(body: readonly Block[]): void {
  const root = $getRoot();
  root.clear();
  root.append(...body.map($blockToNode));
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}

export function $blockToNode(block: Block): LexicalNode {
  switch (block.type) {
    case 'paragraph':
      return $createParagraphNode().append(...$runsToInlineNodes(block.runs));
    case 'cue':
      return $createCueNode().append(...(block.text ? [$createTextNode(block.text)] : []));
    case 'instruction':
      return $createInstructionNode().append(...(block.text ? [$createTextNode(block.text)] : []));
    case 'presenter':
      return $createPresenterNode().append(...(block.name ? [$createTextNode(block.name)] : []));
    case 'media':
      return $createMediaNode(block);
  }
}

/** Runs as text nodes; neighbours with the same comment threads share one mark around them. */
function $runsToInlineNodes(runs: readonly Run[]): LexicalNode[] {
  const out: LexicalNode[] = [];
  let mark: MarkNode | null = null;
  let markIds = '';
  for (const run of runs) {
    const node = $runToTextNode(run);
    if (!run.comments) {
      mark = null;
      out.push(node);
      continue;
    }
    const ids = run.comments.join(' ');
    if (mark === null || ids !== markIds) {
      mark = $createMarkNode([...run.comments]);
      markIds = ids;
      out.push(mark);
    }
    mark.append(node);
  }
  return out;
}

function $runToTextNode(run: Run): TextNode {
  const node = run.pronouncer
    ? $createPronouncerNode(run.text, run.pronouncer)
    : $createTextNode(run.text);
  if (run.bold) node.toggleFormat('bold');
  if (run.italic) node.toggleFormat('italic');
  if (run.underline) node.toggleFormat('underline');
  return node;
}

export function $lexicalToStoryBody(): Block[] {
  const blocks: Block[] = [];
  for (const child of $getRoot().getChildren()) blocks.push(...$nodeToBlocks(child));
  return blocks;
}

function $nodeToBlocks(node: LexicalNode): Block[] {
  if ($isMediaNode(node)) return [node.getMedia()];
  if ($isCueNode(node))
    return [{ type: 'cue', text: node.getTextContent().replace(CONTROL_RUNS, ' ') }];
  if ($isPresenterNode(node))
    return [{ type: 'presenter', name: node.getTextContent().replace(CONTROL_RUNS, ' ') }];
  if ($isInstructionNode(node))
    return [{ type: 'instruction', text: node.getTextContent().replace(CONTROL_RUNS, ' ') }];
  if ($isElementNode(node)) return $readParagraphs(node);
  if ($isDecoratorNode(node)) return [];
  return [
    {
      type: 'paragraph',
      runs: normalizeRuns([{ text: node.getTextContent().replace(CONTROL_EXCEPT_TAB_RUNS, ' ') }]),
    },
  ];
}

/**
 * Any other element (a paragraph, or a heading or list that slipped in) is read text. A line
 * break inside it starts a new paragraph: the model's unit is the paragraph.
 */
function $readParagraphs(element: ElementNode): Block[] {
  const paragraphs: Run[][] = [[]];
  const walk = (parent: ElementNode, comments: readonly string[]) => {
    for (const child of parent.getChildren()) {
      if ($isLineBreakNode(child)) paragraphs.push([]);
      else if ($isMarkNode(child))
        walk(child, [...comments, ...child.getIDs().filter((id) => !comments.includes(id))]);
      else if ($isTextNode(child)) {
        // Read text keeps its tabs (a writer's indent); nothing else outside the model survives.
        const run: Run = { text: child.getTextContent().replace(CONTROL_EXCEPT_TAB_RUNS, ' ') };
        if (child.hasFormat('bold')) run.bold = true;
        if (child.hasFormat('italic')) run.italic = true;
        if (child.hasFormat('underline')) run.underline = true;
        if ($isPronouncerNode(child) && child.getPronouncer() !== '')
          run.pronouncer = child.getPronouncer();
        if (comments.length > 0) run.comments = [...comments];
        paragraphs.at(-1)!.push(run);
      } else if ($isElementNode(child)) {
        if (child.isInline()) walk(child, comments);
        else {
          paragraphs.push([]);
          walk(child, comments);
          paragraphs.push([]);
        }
      }
    }
  };
  walk(element, []);
  const blocks = paragraphs.map((runs): Block => ({
    type: 'paragraph',
    runs: normalizeRuns(runs),
  }));
  // Splitting around nested blocks leaves empty shells; keep one if that is all there is.
  const kept = blocks.filter((b, i) => i === 0 || (b.type === 'paragraph' && b.runs.length > 0));
  return kept;
}
