import { useEffect, useMemo, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getNodeByKey,
  $getRoot,
  $isParagraphNode,
  $isRootNode,
  $isTextNode,
  type NodeKey,
  type ParagraphNode,
  type TextNode,
} from 'lexical';
import { afterPaintScheduler } from '../../common/afterPaint';
import type { PronouncerEntry } from '../../../shared/settings';
import { foldCase } from '../../../shared/text/foldCase';
import { $pronounceRange } from './pronouncerEdits';
import { $isPronouncerNode } from './PronouncerNode';
import { $isPauseNode } from '../pause/PauseNode';
import './pronouncer.css';

type Hint = { term: string; phonetic: string };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern for the whole dictionary, longest terms first, matched as whole words without case. */
export function dictionaryPattern(dictionary: readonly PronouncerEntry[]): RegExp | null {
  if (dictionary.length === 0) return null;
  const terms = [...dictionary]
    .map((d) => d.term)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

function $plainTextNodes(): TextNode[] {
  const nodes: TextNode[] = [];
  for (const block of $getRoot().getChildren()) {
    if (!$isParagraphNode(block)) continue;
    for (const child of block.getChildren()) {
      if ($isTextNode(child) && !$isPronouncerNode(child) && !$isPauseNode(child))
        nodes.push(child);
    }
  }
  return nodes;
}

/**
 * Offers the dictionary's pronouncers for names in the script that have none yet: "Raghunathan
 * has a pronouncer elsewhere — add it?". Adding puts it on the first mention, as scripts do.
 */
export function PronouncerHintsPlugin({ dictionary }: { dictionary: readonly PronouncerEntry[] }) {
  const [editor] = useLexicalComposerContext();
  const [hints, setHints] = useState<Hint[]>([]);
  const pattern = useMemo(() => dictionaryPattern(dictionary), [dictionary]);
  const byTerm = useMemo(() => new Map(dictionary.map((d) => [foldCase(d.term), d])), [dictionary]);

  useEffect(() => {
    if (!pattern) {
      setHints([]);
      return;
    }
    // Per paragraph (by node key): the names it pronounces and the dictionary terms it has
    // without one. An update forgets only the paragraphs it touched, so a keystroke rescans one.
    type Scan = { pronounced: string[]; terms: { key: string; term: string }[] };
    const cache = new Map<NodeKey, Scan>();
    const $scanParagraph = (block: ParagraphNode): Scan => {
      const cached = cache.get(block.getKey());
      if (cached) return cached;
      const scan: Scan = { pronounced: [], terms: [] };
      for (const child of block.getChildren()) {
        if ($isPronouncerNode(child)) scan.pronounced.push(foldCase(child.getTextContent()));
        else if ($isTextNode(child) && !$isPauseNode(child)) {
          for (const match of child.getTextContent().matchAll(pattern))
            scan.terms.push({ key: foldCase(match[0]), term: match[0] });
        }
      }
      cache.set(block.getKey(), scan);
      return scan;
    };
    const scheduler = afterPaintScheduler(() =>
      editor.getEditorState().read(() => {
        const pronounced = new Set<string>();
        const found = new Map<string, Hint>();
        const scans = $getRoot().getChildren().filter($isParagraphNode).map($scanParagraph);
        for (const scan of scans) for (const name of scan.pronounced) pronounced.add(name);
        for (const scan of scans) {
          for (const { key, term } of scan.terms) {
            const entry = byTerm.get(key);
            if (entry && !pronounced.has(key) && !found.has(key))
              found.set(key, { term, phonetic: entry.phonetic });
          }
        }
        const next = [...found.values()].slice(0, 6);
        setHints((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
      }),
    );
    scheduler.schedule();
    const unregister = editor.registerUpdateListener(
      ({ editorState, dirtyElements, dirtyLeaves }) => {
        editorState.read(() => {
          for (const key of [...dirtyElements.keys(), ...dirtyLeaves]) {
            const node = $getNodeByKey(key);
            cache.delete(key);
            const top = node && !$isRootNode(node) ? node.getTopLevelElement() : null;
            if (top) cache.delete(top.getKey());
          }
        });
        if (dirtyElements.size > 0 || dirtyLeaves.size > 0) scheduler.schedule();
      },
    );
    return () => {
      unregister();
      scheduler.dispose();
    };
  }, [editor, pattern, byTerm]);

  const add = (hint: Hint) => {
    editor.update(() => {
      const wanted = foldCase(hint.term);
      for (const node of $plainTextNodes()) {
        for (const match of node.getTextContent().matchAll(pattern!)) {
          if (foldCase(match[0]) === wanted) {
            $pronounceRange(node, match.index, match.index + match[0].length, hint.phonetic);
            return;
          }
        }
      }
    });
  };

  if (hints.length === 0) return null;
  return (
    <div
      className="cd-hints"
      role="region"
      aria-label="Pronouncers from the dictionary"
      data-testid="pronouncer-hints"
    >
      <span className="cd-hints-label">Pronouncers on file:</span>
      {hints.map((hint) => (
        <button
          key={hint.term}
          type="button"
          className="cd-hint"
          onClick={() => add(hint)}
          title={`Add the pronouncer to the first “${hint.term}”`}
        >
          {hint.term} <span>({hint.phonetic})</span> <strong>Add</strong>
        </button>
      ))}
    </div>
  );
}
