import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isElementNode,
  type EditorState,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import {
  addCounts,
  countText,
  mediaSeconds,
  secondsToRead,
  ZERO_COUNT,
  type ReadRates,
  type TextCount,
} from '../../../shared/story/timing';
import { $isCueNode } from '../cue/CueNode';
import { $isInstructionNode } from '../instruction/InstructionNode';
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

type NodeCount = { count: TextCount; chars: number; mediaSec: number; estimated: boolean };

/**
 * Live timing without re-reading the whole story on each keystroke: counts are cached per
 * top-level block and an update forgets only the blocks it dirtied, so only the edited line is
 * counted again. (Caching per node object went stale: typing clones the text node but not its
 * paragraph, so the paragraph kept its first count.) The work runs at most once per frame.
 */
export function TimingPlugin({
  rates,
  onTiming,
}: {
  rates: ReadRates;
  onTiming: (timing: LiveTiming) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const onTimingRef = useRef(onTiming);
  useEffect(() => {
    onTimingRef.current = onTiming;
  }, [onTiming]);

  useEffect(() => {
    const cache = new Map<NodeKey, NodeCount>();
    let frame = 0;

    const countNode = (node: LexicalNode): NodeCount => {
      const cached = cache.get(node.getKey());
      if (cached) return cached;
      let result: NodeCount;
      if ($isMediaNode(node)) {
        const media = node.getMedia();
        result = {
          count: ZERO_COUNT,
          chars: 0,
          mediaSec: mediaSeconds(media, rates),
          estimated: media.durationSec === null,
        };
      } else if ($isCueNode(node) || $isInstructionNode(node) || $isPresenterNode(node)) {
        result = {
          count: ZERO_COUNT,
          chars: node.getTextContentSize(),
          mediaSec: 0,
          estimated: false,
        };
      } else {
        const text = node.getTextContent();
        result = { count: countText(text), chars: text.length, mediaSec: 0, estimated: false };
      }
      cache.set(node.getKey(), result);
      return result;
    };

    const compute = (state: EditorState) => {
      frame = 0;
      state.read(() => {
        let read = ZERO_COUNT;
        let mediaSec = 0;
        let estimatedMedia = 0;
        let characters = 0;
        const children = $getRoot().getChildren();
        // Deleted blocks leave their keys behind; drop them once they outnumber the living.
        if (cache.size > 2 * children.length + 64) {
          const alive = new Set(children.map((c) => c.getKey()));
          for (const key of cache.keys()) if (!alive.has(key)) cache.delete(key);
        }
        for (const child of children) {
          const c = countNode(child);
          read = addCounts(read, c.count);
          mediaSec += c.mediaSec;
          characters += c.chars;
          if (c.estimated) estimatedMedia++;
        }
        const readSec = Math.round(secondsToRead(read, rates));
        const selection = $getSelection();
        let selected: LiveTiming['selection'] = null;
        if ($isRangeSelection(selection) && !selection.isCollapsed()) {
          const readable = selection
            .getNodes()
            .filter(
              (n) =>
                !n
                  .getParents()
                  .some((p) => $isElementNode(p) && ($isCueNode(p) || $isInstructionNode(p))),
            );
          const text =
            readable.length === selection.getNodes().length
              ? selection.getTextContent()
              : readable.map((n) => n.getTextContent()).join(' ');
          const count = countText(text);
          selected = { read: count, readSec: secondsToRead(count, rates) };
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

    // The counts are worked out just after the frame that shows the keystroke (a message posted
    // from requestAnimationFrame runs once that frame is painted), so the typed character never
    // waits for them; they reach the screen one frame later.
    let latest = editor.getEditorState();
    let disposed = false;
    const afterPaint = new MessageChannel();
    afterPaint.port1.onmessage = () => {
      if (!disposed) compute(latest);
    };
    const schedule = (state: EditorState) => {
      latest = state;
      if (frame) return;
      frame = requestAnimationFrame(() => afterPaint.port2.postMessage(null));
    };
    schedule(latest);
    const unregister = editor.registerUpdateListener(
      ({ editorState, dirtyElements, dirtyLeaves }) => {
        // A changed leaf marks its parents dirty too, so its top-level block is in dirtyElements.
        for (const key of dirtyElements.keys()) cache.delete(key);
        for (const key of dirtyLeaves) cache.delete(key);
        schedule(editorState);
      },
    );
    return () => {
      unregister();
      disposed = true;
      if (frame) cancelAnimationFrame(frame);
      afterPaint.port1.close();
    };
  }, [editor, rates]);
  return null;
}
