import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  type EditorState,
  type LexicalNode,
  type NodeKey,
  HISTORIC_TAG,
} from 'lexical';
import {
  addCounts,
  countText,
  mediaSeconds,
  ratesFor,
  secondsToRead,
  ZERO_COUNT,
  type TextCount,
  type TimingSettings,
} from '../../../shared/story/timing';
import { $isMediaNode } from '../media/MediaNode';
import { $isPresenterNode } from '../presenter/PresenterNode';
import { afterPaintScheduler } from '../afterPaint';

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

/**
 * Live timing without re-reading the whole story on each keystroke: counts are cached per
 * top-level line (by node key), and an update only drops the lines it touched (Lexical reports
 * the dirty nodes), so typing recounts one paragraph. Rates apply while summing, so a presenter
 * cue switches them from that line on. The work runs at most once per frame.
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
    const cache = new Map<NodeKey, NodeCount>();

    const countNode = (node: LexicalNode): NodeCount => {
      const cached = cache.get(node.getKey());
      if (cached) return cached;
      let result: NodeCount;
      if ($isMediaNode(node)) {
        const media = node.getMedia();
        result = {
          count: ZERO_COUNT,
          chars: 0,
          media: {
            sec: mediaSeconds(media, settings.defaults),
            estimated: media.durationSec === null,
          },
        };
      } else if ($isParagraphNode(node)) {
        // A pronouncer lives on its node, not in the text, so the text is exactly what is read.
        const text = node.getTextContent();
        result = { count: countText(text), chars: text.length, media: null };
      } else {
        result = { count: ZERO_COUNT, chars: node.getTextContentSize(), media: null };
      }
      cache.set(node.getKey(), result);
      return result;
    };

    /** Forgets the counts of every line an update touched, and of lines that are gone. */
    const invalidate = (state: EditorState, dirty: Iterable<NodeKey>) => {
      state.read(() => {
        for (const key of dirty) {
          const node = $getNodeByKey(key);
          const top = node && !$isRootNode(node) ? (node.getTopLevelElement() ?? node) : null;
          cache.delete(key);
          if (top) cache.delete(top.getKey());
        }
        if (cache.size > $getRoot().getChildrenSize() * 2) {
          const live = new Set($getRoot().getChildrenKeys());
          for (const key of cache.keys()) if (!live.has(key)) cache.delete(key);
        }
      });
    };

    const compute = (state: EditorState) => {
      state.read(() => {
        let rates = ratesFor(settings, presenter);
        let read = ZERO_COUNT;
        let readExact = 0;
        let mediaSec = 0;
        let estimatedMedia = 0;
        let characters = 0;
        for (const child of $getRoot().getChildren()) {
          if ($isPresenterNode(child)) rates = ratesFor(settings, child.getTextContent());
          const c = countNode(child);
          read = addCounts(read, c.count);
          readExact += c.count === ZERO_COUNT ? 0 : secondsToRead(c.count, rates);
          characters += c.chars;
          if (c.media) {
            mediaSec += c.media.sec;
            if (c.media.estimated) estimatedMedia++;
          }
        }
        const readSec = Math.round(readExact);
        const selection = $getSelection();
        let selected: LiveTiming['selection'] = null;
        if ($isRangeSelection(selection) && !selection.isCollapsed()) {
          const inRead = selection
            .getNodes()
            .filter((n) => $isParagraphNode(n.getTopLevelElement()));
          const count = countText(
            inRead.length === selection.getNodes().length
              ? selection.getTextContent()
              : inRead.map((n) => n.getTextContent()).join(' '),
          );
          selected = { read: count, readSec: secondsToRead(count, ratesFor(settings, presenter)) };
        }
        onTimingRef.current({
          read,
          readSec,
          mediaSec,
          estimatedMedia,
          totalSec: readSec + mediaSec,
          characters,
          selection: selected,
        });
      });
    };

    // The counts are worked out just after the frame that shows the keystroke, so the typed
    // character never waits for them; they reach the screen one frame later.
    let latest = editor.getEditorState();
    const scheduler = afterPaintScheduler(() => compute(latest));
    const schedule = (state: EditorState) => {
      latest = state;
      scheduler.schedule();
    };
    schedule(latest);
    const unregister = editor.registerUpdateListener(
      ({ editorState, dirtyElements, dirtyLeaves, tags }) => {
        // Undo, redo and a whole new state (setEditorState) report only the root as dirty,
        // though any line may differ: the counts of every line are stale then.
        const wholeState =
          dirtyLeaves.size === 0 && dirtyElements.size === 1 && dirtyElements.has('root');
        if (tags.has(HISTORIC_TAG) || wholeState) cache.clear();
        else invalidate(editorState, [...dirtyElements.keys(), ...dirtyLeaves]);
        schedule(editorState);
      },
    );
    return () => {
      unregister();
      scheduler.dispose();
    };
  }, [editor, settings, presenter]);
  return null;
}
