import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  HISTORIC_TAG,
  type LexicalNode,
  type NodeKey,
  type UpdateListenerPayload,
} from 'lexical';
import {
  addCounts,
  countText,
  mediaSeconds,
  ratesFor,
  secondsToRead,
  ZERO_COUNT,
  type ReadRates,
  type TextCount,
  type TimingSettings,
} from '../../../shared/story/timing';
import { $isMediaNode } from '../media/MediaNode';
import { $isPresenterNode } from '../presenter/PresenterNode';

export type LiveTiming = {
  read: TextCount;
  readSec: number;
  mediaSec: number;
  estimatedMedia: number;
  totalSec: number;
  characters: number;
  /** Read time of the selected text, when a selection is not collapsed. */
  selection: { read: TextCount; readSec: number } | null;
};

type NodeCount = {
  count: TextCount;
  chars: number;
  media: { sec: number; estimated: boolean } | null;
};

/** A line's count and the rates it is read at (a presenter cue above it sets them). */
type Line = NodeCount & { rates: ReadRates };

/** Sums over the lines, with read counts kept per rate so no rounding drifts as lines change. */
type Totals = {
  read: Map<ReadRates, TextCount>;
  mediaSec: number;
  estimatedMedia: number;
  characters: number;
};

function addLine(totals: Totals, line: Line, sign: 1 | -1): void {
  const read = totals.read.get(line.rates) ?? ZERO_COUNT;
  totals.read.set(line.rates, {
    words: read.words + sign * line.count.words,
    hangul: read.hangul + sign * line.count.hangul,
    cjk: read.cjk + sign * line.count.cjk,
  });
  totals.characters += sign * line.chars;
  if (line.media) {
    totals.mediaSec += sign * line.media.sec;
    if (line.media.estimated) totals.estimatedMedia += sign;
  }
}

/**
 * Live timing without re-reading the story on each keystroke: each top-level line's count is
 * kept, with the sums over all lines, and an update recounts only the lines it touched (Lexical
 * reports the dirty nodes) and moves the sums by the difference. Lines added, removed or moved,
 * a presenter cue edited (it switches the rates below it), undo and redo recount the story, from
 * the kept counts of the lines that did not change. The numbers are painted in the keystroke's
 * own frame: they are worked out just before it is drawn, at most once a frame.
 */
export function TimingPlugin({
  settings,
  presenter,
  onTiming,
}: {
  settings: TimingSettings;
  presenter: string;
  onTiming: (timing: LiveTiming) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const onTimingRef = useRef(onTiming);
  useEffect(() => {
    onTimingRef.current = onTiming;
  }, [onTiming]);

  useEffect(() => {
    const lines = new Map<NodeKey, Line>();
    const totals: Totals = { read: new Map(), mediaSec: 0, estimatedMedia: 0, characters: 0 };
    const storyRates = ratesFor(settings, presenter);

    const $countNode = (node: LexicalNode): NodeCount => {
      if ($isMediaNode(node)) {
        const media = node.getMedia();
        return {
          count: ZERO_COUNT,
          chars: 0,
          media: {
            sec: mediaSeconds(media, settings.defaults),
            estimated: media.durationSec === null,
          },
        };
      }
      if ($isParagraphNode(node)) {
        // A pronouncer lives on its node, not in the text, so the text is exactly what is read.
        const text = node.getTextContent();
        return { count: countText(text), chars: text.length, media: null };
      }
      return { count: ZERO_COUNT, chars: node.getTextContentSize(), media: null };
    };

    /** Every line again; the counts of lines not in `stale` are kept. */
    const $recountAll = (stale: ReadonlySet<NodeKey> | 'all') => {
      const previous = new Map(lines);
      lines.clear();
      totals.read.clear();
      totals.mediaSec = 0;
      totals.estimatedMedia = 0;
      totals.characters = 0;
      let rates = storyRates;
      for (const child of $getRoot().getChildren()) {
        if ($isPresenterNode(child)) rates = ratesFor(settings, child.getTextContent());
        const key = child.getKey();
        const kept = stale === 'all' || stale.has(key) ? undefined : previous.get(key);
        const line = { ...(kept ?? $countNode(child)), rates };
        lines.set(key, line);
        addLine(totals, line, 1);
      }
    };

    /** The lines an update touched; null when the story must be recounted as a whole. */
    const $touchedLines = ({
      dirtyElements,
      dirtyLeaves,
      tags,
    }: Pick<
      UpdateListenerPayload,
      'dirtyElements' | 'dirtyLeaves' | 'tags'
    >): Set<NodeKey> | null => {
      // Undo, redo and a replaced state report no dirty lines, only the root.
      if (tags.has(HISTORIC_TAG)) return null;
      if (dirtyElements.size === 1 && dirtyLeaves.size === 0 && dirtyElements.has('root'))
        return null;
      const touched = new Set<NodeKey>();
      for (const key of [...dirtyElements.keys(), ...dirtyLeaves]) {
        if (key === 'root') continue;
        const node = $getNodeByKey(key);
        const top = node ? (node.getTopLevelElement() ?? node) : null;
        if (top && !$isRootNode(top)) touched.add(top.getKey());
      }
      return touched;
    };

    const $apply = (payload: Parameters<typeof $touchedLines>[0]) => {
      const touched = $touchedLines(payload);
      // The root changed (lines added, removed or moved): the kept counts are still right.
      if (touched === null) return $recountAll('all');
      if (payload.dirtyElements.get('root') === true) return $recountAll(touched);
      for (const key of touched) {
        const node = $getNodeByKey(key);
        const old = lines.get(key);
        if (!node || !old || $isPresenterNode(node)) return $recountAll(touched);
        addLine(totals, old, -1);
        const line = { ...$countNode(node), rates: old.rates };
        lines.set(key, line);
        addLine(totals, line, 1);
      }
    };

    const $timing = (): LiveTiming => {
      let read = ZERO_COUNT;
      let readExact = 0;
      for (const [rates, count] of totals.read) {
        read = addCounts(read, count);
        readExact += secondsToRead(count, rates);
      }
      const readSec = Math.round(readExact);
      const selection = $getSelection();
      let selected: LiveTiming['selection'] = null;
      if ($isRangeSelection(selection) && !selection.isCollapsed()) {
        const inRead = selection.getNodes().filter((n) => $isParagraphNode(n.getTopLevelElement()));
        const count = countText(
          inRead.length === selection.getNodes().length
            ? selection.getTextContent()
            : inRead.map((n) => n.getTextContent()).join(' '),
        );
        selected = { read: count, readSec: secondsToRead(count, storyRates) };
      }
      return {
        read,
        readSec,
        mediaSec: totals.mediaSec,
        estimatedMedia: totals.estimatedMedia,
        totalSec: readSec + totals.mediaSec,
        characters: totals.characters,
        selection: selected,
      };
    };

    let frame = 0;
    const publish = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        onTimingRef.current(editor.getEditorState().read($timing));
      });
    };

    editor.getEditorState().read(() => $recountAll('all'));
    publish();
    const unregister = editor.registerUpdateListener((payload) => {
      payload.editorState.read(() => $apply(payload));
      publish();
    });
    return () => {
      unregister();
      cancelAnimationFrame(frame);
    };
  }, [editor, settings, presenter]);
  return null;
}
