import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

/**
 * The page background of renderer/styles/base.css (`--bg`), light and dark, so the window never
 * flashes another colour before the page paints or when the OS theme changes. A test reads the
 * stylesheet to keep the two in step.
 */
export const WINDOW_BACKGROUND = { light: '#eef0f3', dark: '#15181d' } as const;

export function windowBackground(dark: boolean): string {
  return dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light;
}

export const DEFAULT_SIZE = { width: 1360, height: 880 } as const;
export const MIN_SIZE = { width: 900, height: 560 } as const;

/**
 * Electron's secure defaults, spelled out so that no default changing under us weakens them. Every
 * window of ours starts from these (the prompter's output window too).
 */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  enableBlinkFeatures: '',
  // Middle-click would otherwise ask for a new window outside the window-open rules.
  disableBlinkFeatures: 'Auxclick',
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const satisfies BrowserWindowConstructorOptions['webPreferences'];

export type MainWindowSetup = {
  preload: string;
  /** Where the window was last time, already checked against today's displays. */
  bounds?: Partial<Rectangle>;
  dark: boolean;
  /** The window icon on Linux and Windows (macOS takes the app bundle's). */
  icon?: string;
};

/** The main window's options: Electron's secure defaults, stated so a test can check each one. */
export function mainWindowOptions(setup: MainWindowSetup): BrowserWindowConstructorOptions {
  return {
    ...DEFAULT_SIZE,
    ...setup.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Copydesk',
    show: false,
    backgroundColor: windowBackground(setup.dark),
    ...(setup.icon ? { icon: setup.icon } : {}),
    webPreferences: {
      preload: setup.preload,
      ...SECURE_WEB_PREFERENCES,
      spellcheck: true,
    },
  };
}
