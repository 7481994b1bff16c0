import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeRow, makeRundown } from '../../shared/rundown/testing/makeRundown';
import { viewRundown } from '../../shared/rundown/view';
import { render, unmountAll } from '../testing/dom';
import { ShowClock } from './ShowClock';

afterEach(() => {
  unmountAll();
  vi.useRealTimers();
});

/** The half-hour 6 PM show of 2026-11-30: a 6:02 block, then a row with a hard hit at `hit`. */
function showWithHit(hitSec: number) {
  return viewRundown(
    makeRundown([
      makeRow('open', { estSec: 362 }),
      makeRow('strike', { estSec: 30, hitSec }),
      makeRow('goodnight', { estSec: 15 }),
    ]),
    new Map(),
  );
}

describe('the show clock', () => {
  it('says a hard hit the rows above run past, though the show itself is light', () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 30, 12, 0, 0) });
    const host = render(<ShowClock airDate="2026-11-30" view={showWithHit(18 * 3600 + 120)} />);
    const status = host.querySelector('[data-testid="show-over-under"]')!;
    expect(status.getAttribute('aria-label')).toMatch(/light$/);
    const hit = host.querySelector('[data-testid="hit-over-under"]')!;
    expect(hit.textContent).toBe('A2 hit 18:02 +4:02 heavy');
    expect(hit.className).toContain('cd-rd-heavy');
    expect(hit.getAttribute('title')).toBe(
      'A2 STRIKE. Hard hit 18:02:00: the rows above end at 18:06:02, 4:02 heavy. Cut 4:02 above it, or it is missed.',
    );
  });

  it('says nothing of a hit the rows above reach on time', () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 30, 12, 0, 0) });
    const host = render(<ShowClock airDate="2026-11-30" view={showWithHit(18 * 3600 + 362)} />);
    expect(host.querySelector('[data-testid="hit-over-under"]')).toBeNull();
  });

  it('counts down to air in hours and minutes, never as a time of day', () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 29, 23, 0, 10) });
    const host = render(<ShowClock airDate="2026-11-30" view={showWithHit(18 * 3600 + 362)} />);
    expect(host.querySelector('[data-testid="time-to-air"]')!.textContent).toBe(
      'To air 18 h 59 min',
    );
  });

  it('counts the last hour down in minutes and seconds', () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 30, 17, 50, 30) });
    const host = render(<ShowClock airDate="2026-11-30" view={showWithHit(18 * 3600 + 362)} />);
    expect(host.querySelector('[data-testid="time-to-air"]')!.textContent).toBe('To air 9:30');
  });

  it('says how many days ahead a show is', () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 30, 9, 0, 0) });
    const host = render(<ShowClock airDate="2026-12-07" view={showWithHit(18 * 3600 + 362)} />);
    expect(host.textContent).toContain('Airs in 7 days');
  });

  it('says a show more than a day off but on tomorrow’s date airs tomorrow', () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 29, 17, 0, 0) });
    const host = render(<ShowClock airDate="2026-11-30" view={showWithHit(18 * 3600 + 362)} />);
    expect(host.textContent).toContain('Airs tomorrow');
  });
});
