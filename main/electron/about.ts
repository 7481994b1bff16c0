import type { AboutPanelOptionsOptions } from 'electron';

export type AboutFacts = {
  version: string;
  electron: string;
  chrome: string;
  node: string;
  platform: string;
  arch: string;
  iconPath?: string;
};

/** Help → About Copydesk (the app menu on macOS): the version first, then what it runs on. */
export function aboutPanelOptions(facts: AboutFacts): AboutPanelOptionsOptions {
  const runtime = `Electron ${facts.electron} · Chromium ${facts.chrome} · Node ${facts.node}`;
  return {
    applicationName: 'Copydesk',
    applicationVersion: facts.version,
    version: runtime,
    copyright: 'Copyright © 2026 Copydesk',
    credits: `A newsroom script editor.\n${runtime}\n${facts.platform} ${facts.arch}`,
    ...(facts.iconPath ? { iconPath: facts.iconPath } : {}),
  };
}
