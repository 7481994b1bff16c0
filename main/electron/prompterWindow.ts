import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { PrompterDisplay } from '../../shared/ipc/api';
import { APP_ENTRY } from './protocol';
import { SECURE_WEB_PREFERENCES } from './window';

/** What the output window needs of Electron's `Display`. */
export type DisplayLike = { id: number; label?: string; bounds: Rectangle };

/** The talent output's page: the same renderer, on its own route. */
export const PROMPTER_OUTPUT_URL = `${APP_ENTRY}#/prompter/output`;

export function describeDisplays(
  displays: readonly DisplayLike[],
  primaryId: number,
): PrompterDisplay[] {
  return displays.map((d, i) => ({
    id: d.id,
    label: d.label || `Display ${i + 1}`,
    primary: d.id === primaryId,
    width: d.bounds.width,
    height: d.bounds.height,
  }));
}

function contains(area: Rectangle, point: { x: number; y: number }): boolean {
  return (
    point.x >= area.x &&
    point.x < area.x + area.width &&
    point.y >= area.y &&
    point.y < area.y + area.height
  );
}

/**
 * Where the talent output goes: the display asked for; or, asked for none (or one that has been
 * unplugged), the first display the operator's window is not on — the talent's monitor — and the
 * only display when there is one.
 */
export function outputDisplay(
  displays: readonly DisplayLike[],
  operatorBounds: Rectangle | null,
  wanted: number | null,
): DisplayLike | null {
  const asked = displays.find((d) => d.id === wanted);
  if (asked) return asked;
  if (!operatorBounds) return displays[0] ?? null;
  const centre = {
    x: operatorBounds.x + operatorBounds.width / 2,
    y: operatorBounds.y + operatorBounds.height / 2,
  };
  return displays.find((d) => !contains(d.bounds, centre)) ?? displays[0] ?? null;
}

/**
 * The output window: no preload (it needs nothing from main: the operator's window sends it the
 * show), Electron's secure defaults, black from the first frame, covering the display.
 */
export function outputWindowOptions(bounds: Rectangle): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    title: 'Copydesk prompter output',
    show: false,
    frame: false,
    fullscreen: true,
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    webPreferences: { ...SECURE_WEB_PREFERENCES, spellcheck: false },
  };
}
