import {
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $createTextNode,
  type TextNode,
} from 'lexical';
import { $createPronouncerNode, $isPronouncerNode, type PronouncerNode } from './PronouncerNode';

/** What the pronouncer popover works on: an existing pronounced word, or text to attach one to. */
export type PronouncerTarget =
  { kind: 'existing'; key: string; term: string; phonetic: string } | { kind: 'new'; term: string };

const WORD_CHAR = /[\p{L}\p{N}'’-]/u;

/** The pronounced word at the caret, or the selected text, or the word around a collapsed caret. */
export function $pronouncerTarget(): PronouncerTarget | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const node = selection.anchor.getNode();
  if ($isPronouncerNode(node))
    return {
      kind: 'existing',
      key: node.getKey(),
      term: node.getTextContent(),
      phonetic: node.getPronouncer(),
    };
  if (!selection.isCollapsed()) {
    const nodes = selection.getNodes();
    if (nodes.length !== 1 || !$isTextNode(nodes[0])) return null;
    const term = selection.getTextContent().trim();
    return term ? { kind: 'new', term } : null;
  }
  if (!$isTextNode(node)) return null;
  const [start, end] = wordAround(node.getTextContent(), selection.anchor.offset);
  const term = node.getTextContent().slice(start, end);
  return term ? { kind: 'new', term } : null;
}

function wordAround(text: string, offset: number): [number, number] {
  let start = offset;
  let end = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
  return [start, end];
}

/** Turns part of a text node into a pronounced word, keeping its format. */
export function $pronounceRange(
  node: TextNode,
  start: number,
  end: number,
  phonetic: string,
): PronouncerNode {
  const parts = node.splitText(start, end);
  const target = start === 0 ? parts[0]! : parts[1]!;
  const pronounced = $createPronouncerNode(target.getTextContent(), phonetic).setFormat(
    target.getFormat(),
  );
  target.replace(pronounced);
  return pronounced;
}

/** Applies a pronouncer to the selection (or the word at the caret), or changes an existing one. */
export function $applyPronouncer(phonetic: string): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const anchor = selection.anchor.getNode();
  if ($isPronouncerNode(anchor)) {
    anchor.setPronouncer(phonetic);
    return;
  }
  if (!$isTextNode(anchor)) return;
  let start: number;
  let end: number;
  if (selection.isCollapsed())
    [start, end] = wordAround(anchor.getTextContent(), selection.anchor.offset);
  else {
    const focus = selection.focus;
    if (focus.key !== selection.anchor.key) return;
    start = Math.min(selection.anchor.offset, focus.offset);
    end = Math.max(selection.anchor.offset, focus.offset);
    const text = anchor.getTextContent();
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
  }
  if (start === end) return;
  $pronounceRange(anchor, start, end, phonetic).selectEnd();
}

/** Takes the pronouncer off a word, leaving its text exactly as it was. */
export function $removePronouncer(key: string, node: PronouncerNode | null): void {
  if (!node || node.getKey() !== key) return;
  node.replace($createTextNode(node.getTextContent()).setFormat(node.getFormat())).selectEnd();
}
