import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { PrompterDocument } from '../../shared/prompter/document';
import { positionAt, type Motion } from '../../shared/prompter/motion';
import { pixelAt, type Track } from '../../shared/prompter/track';
import { measureTrack } from './measure';
import { sharedNow } from './outputChannel';

/**
 * One screen of the prompter: measures the laid-out text into a track whenever the text, the
 * type or the screen's size changes, and moves the text every frame to where the motion says the
 * show is. The position is in words, so re-measuring never moves the place being read.
 */
export function useScrollSurface(options: {
  doc: PrompterDocument | null;
  /** Anything that changes the layout (font size, line height, margins). */
  layoutKey: string;
  readingLine: number;
  motion: RefObject<Motion | null>;
  /** Where the measured track is kept (the engine reads the operator's preview's). */
  track?: RefObject<Track | null>;
  onFrame?: (w: number) => void;
}) {
  const regionRef = useRef<HTMLElement>(null);
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  // The text is drawn only once the show has loaded: measuring waits for it to be there.
  const [scrollerElement, setScrollerElement] = useState<HTMLDivElement | null>(null);
  const attachScroller = useCallback((el: HTMLDivElement | null) => {
    scrollerRef.current = el;
    setScrollerElement(el);
  }, []);
  const ownTrack = useRef<Track | null>(null);
  const trackRef = options.track ?? ownTrack;
  const readingLine = useRef(options.readingLine);
  readingLine.current = options.readingLine;
  const onFrame = useRef(options.onFrame);
  onFrame.current = options.onFrame;
  const total = useRef(0);
  total.current = options.doc?.words ?? 0;
  const { doc, layoutKey, motion } = options;

  useLayoutEffect(() => {
    const scroller = scrollerElement;
    if (!scroller || !doc) return;
    const measure = () => {
      trackRef.current = measureTrack(scroller);
    };
    measure();
    // Wrapping changes with the width (a resized window, a display change) and when fonts load.
    let width = scroller.offsetWidth;
    const observer = new ResizeObserver(() => {
      if (scroller.offsetWidth !== width) {
        width = scroller.offsetWidth;
        measure();
      }
    });
    observer.observe(scroller);
    void document.fonts?.ready.then(measure);
    return () => observer.disconnect();
  }, [doc, layoutKey, trackRef, scrollerElement]);

  useEffect(() => {
    let frame = 0;
    let last = '';
    const tick = () => {
      frame = requestAnimationFrame(tick);
      const m = motion.current;
      const track = trackRef.current;
      const scroller = scrollerRef.current;
      const region = regionRef.current;
      if (!m || !track || !scroller || !region) return;
      const w = positionAt(m, sharedNow(), total.current);
      const y = (region.clientHeight * readingLine.current) / 100 - pixelAt(track, w);
      const transform = `translate3d(0, ${y.toFixed(1)}px, 0)`;
      if (transform !== last) {
        scroller.style.transform = transform;
        last = transform;
      }
      onFrame.current?.(w);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [motion, trackRef]);

  return { regionRef, scrollerRef: attachScroller, trackRef };
}
