import { buildTrack, type LaidOutItem, type Track } from '../../shared/prompter/track';

/**
 * The track of a laid-out show: every word (`.pw`, with its share of words in `data-w`) grouped
 * into the line it sits on, and every marker or instruction (an element with `data-w`) on its
 * own. Offsets are layout pixels inside the scrolled text, unaffected by the mirroring
 * transforms, so a mirrored screen scrolls exactly like a plain one.
 */
export function measureTrack(scroller: HTMLElement): Track {
  const items: LaidOutItem[] = [];
  let top = 0;
  let bottom = 0;
  let words = 0;
  let paragraph: Element | null = null;
  const flush = () => {
    if (words > 0) items.push({ center: (top + bottom) / 2, words });
    words = 0;
  };
  for (const el of scroller.querySelectorAll<HTMLElement>('[data-w]')) {
    const w = Number(el.dataset.w);
    if (el.classList.contains('pw')) {
      const at = el.offsetTop;
      const height = el.offsetHeight;
      const parent = el.closest('p');
      // A new line when the word sits lower than half a line below the line's top.
      if (parent !== paragraph || words === 0 || at > top + height / 2) {
        flush();
        top = at;
        bottom = at + height;
        paragraph = parent;
      }
      words += w;
    } else {
      flush();
      paragraph = null;
      items.push({ center: el.offsetTop + el.offsetHeight / 2, words: w });
    }
  }
  flush();
  return buildTrack(items, scroller.offsetHeight);
}
