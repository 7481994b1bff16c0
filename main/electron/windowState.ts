import type { Rectangle } from 'electron';
import type { WindowState } from './desktopState';
import { MIN_SIZE } from './window';

/** How much of the title bar (its top 40 px) must be on a screen for the window to be reachable. */
const TITLE_BAR_HEIGHT = 40;
const MIN_VISIBLE = { width: 120, height: 20 } as const;

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where to open the window: where it was, if its title bar is still on one of today's screens
 * (a monitor may have been unplugged), shrunk to fit that screen; otherwise the default place.
 */
export function restoreWindowBounds(
  saved: WindowState | undefined,
  workAreas: readonly Rectangle[],
): { bounds?: Rectangle; maximized: boolean } {
  if (!saved) return { maximized: false };
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: TITLE_BAR_HEIGHT };
  const screen = workAreas.find((area) => {
    const seen = overlap(titleBar, area);
    return seen.width >= MIN_VISIBLE.width && seen.height >= MIN_VISIBLE.height;
  });
  if (!screen) return { maximized: saved.maximized };
  const width = Math.max(MIN_SIZE.width, Math.min(saved.width, screen.width));
  const height = Math.max(MIN_SIZE.height, Math.min(saved.height, screen.height));
  const x = Math.min(Math.max(saved.x, screen.x), screen.x + screen.width - width);
  const y = Math.min(Math.max(saved.y, screen.y), screen.y + screen.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

export type WindowLike = {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isFullScreen(): boolean;
};

/** What to remember of a window: its normal (not maximised) bounds, and whether it was maximised. */
export function captureWindowState(window: WindowLike): WindowState {
  const { x, y, width, height } = window.getNormalBounds();
  return {
    x: Math.round(x),
    y: Math.round(y),
    width: Math.round(width),
    height: Math.round(height),
    maximized: window.isMaximized() || window.isFullScreen(),
  };
}
