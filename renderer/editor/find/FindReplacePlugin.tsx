import { useCallback, useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import '../toolbar/toolbar.css';
import './find.css';

type Match = { key: string; start: number; end: number };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function $textNodes(node: LexicalNode, out: TextNode[] = []): TextNode[] {
  if ($isTextNode(node)) out.push(node);
  else if ($isElementNode(node)) for (const child of node.getChildren()) $textNodes(child, out);
  return out;
}

function $findMatches(query: string, matchCase: boolean): Match[] {
  if (!query) return [];
  const pattern = new RegExp(escapeRegExp(query), matchCase ? 'gu' : 'giu');
  const matches: Match[] = [];
  for (const node of $textNodes($getRoot())) {
    for (const m of node.getTextContent().matchAll(pattern))
      matches.push({ key: node.getKey(), start: m.index, end: m.index + m[0].length });
  }
  return matches;
}

const HIGHLIGHT_ALL = 'cd-find';
const HIGHLIGHT_CURRENT = 'cd-find-current';

/** Highlights matches with the CSS Custom Highlight API: no change to the document or its DOM. */
function paint(
  editor: ReturnType<typeof useLexicalComposerContext>[0],
  matches: readonly Match[],
  current: number,
): void {
  const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown })
    .Highlight;
  if (!registry || !HighlightClass) return;
  const all: Range[] = [];
  let currentRange: Range | null = null;
  matches.forEach((m, i) => {
    const text = editor.getElementByKey(m.key)?.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE || (text.textContent ?? '').length < m.end)
      return;
    const range = document.createRange();
    range.setStart(text, m.start);
    range.setEnd(text, m.end);
    if (i === current) currentRange = range;
    else all.push(range);
  });
  registry.set(HIGHLIGHT_ALL, new HighlightClass(...all));
  if (currentRange) {
    registry.set(HIGHLIGHT_CURRENT, new HighlightClass(currentRange));
    (currentRange as Range).startContainer.parentElement?.scrollIntoView({ block: 'center' });
  } else registry.delete(HIGHLIGHT_CURRENT);
}

function clearPaint(): void {
  const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  registry?.delete(HIGHLIGHT_ALL);
  registry?.delete(HIGHLIGHT_CURRENT);
}

/**
 * Find and replace within the story (Ctrl/Cmd+F): every line of text, cues and instructions
 * included. Sound-bite transcripts are form fields: the browser's own find reaches those.
 */
export function FindReplacePlugin({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [matches, setMatches] = useState<Match[]>([]);
  const [current, setCurrent] = useState(0);
  const findInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(() => {
    const found = editor.getEditorState().read(() => $findMatches(query, matchCase));
    setMatches(found);
    setCurrent((c) => (found.length === 0 ? 0 : Math.min(c, found.length - 1)));
  }, [editor, query, matchCase]);

  // Only when the bar opens: run again on every key (as `refresh` changes), it selected what was
  // typed, and the next key replaced it.
  useEffect(() => {
    if (!open) return;
    findInput.current?.focus();
    findInput.current?.select();
  }, [open]);

  useEffect(() => {
    if (!open) {
      clearPaint();
      return;
    }
    refresh();
    return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) refresh();
    });
  }, [editor, open, refresh]);

  useEffect(() => {
    if (open) paint(editor, matches, current);
  }, [editor, open, matches, current]);

  if (!open) return null;

  const step = (delta: number) =>
    setCurrent((c) => (matches.length === 0 ? 0 : (c + delta + matches.length) % matches.length));
  const replaceOne = () => {
    const m = matches[current];
    if (!m) return;
    editor.update(() => {
      const node = $getNodeByKey(m.key);
      if ($isTextNode(node)) node.spliceText(m.start, m.end - m.start, replacement);
    });
  };
  const replaceAll = () => {
    editor.update(() => {
      // From the end, so earlier offsets in the same node stay right.
      for (const m of [...$findMatches(query, matchCase)].reverse()) {
        const node = $getNodeByKey(m.key);
        if ($isTextNode(node)) node.spliceText(m.start, m.end - m.start, replacement);
      }
    });
  };
  const close = () => {
    clearPaint();
    onClose();
    editor.focus();
  };

  return (
    <div
      className="cd-find"
      role="search"
      aria-label="Find and replace in this story"
      data-testid="find-bar"
    >
      <input
        ref={findInput}
        aria-label="Find"
        placeholder="Find"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') close();
        }}
      />
      <span className="cd-find-count" aria-live="polite" data-testid="find-count">
        {query ? (matches.length ? `${current + 1} of ${matches.length}` : 'No matches') : ''}
      </span>
      <button
        type="button"
        className="cd-tool"
        aria-label="Previous match"
        onClick={() => step(-1)}
        disabled={!matches.length}
      >
        ↑
      </button>
      <button
        type="button"
        className="cd-tool"
        aria-label="Next match"
        onClick={() => step(1)}
        disabled={!matches.length}
      >
        ↓
      </button>
      <label className="cd-check">
        <input
          type="checkbox"
          checked={matchCase}
          onChange={(e) => setMatchCase(e.target.checked)}
        />
        Match case
      </label>
      <input
        aria-label="Replace with"
        placeholder="Replace with"
        value={replacement}
        onChange={(e) => setReplacement(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            replaceOne();
          } else if (e.key === 'Escape') close();
        }}
      />
      <button type="button" className="cd-button" onClick={replaceOne} disabled={!matches.length}>
        Replace
      </button>
      <button type="button" className="cd-button" onClick={replaceAll} disabled={!matches.length}>
        Replace all
      </button>
      <button type="button" className="cd-icon-button" aria-label="Close find" onClick={close}>
        ×
      </button>
    </div>
  );
}
