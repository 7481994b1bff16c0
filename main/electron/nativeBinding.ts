import { join } from 'node:path';

export const BINDING_FILE = 'better_sqlite3.node';

export type RuntimeFacts = {
  isPackaged: boolean;
  /** app.getAppPath(): the checkout in development, resources/app.asar when installed. */
  appPath: string;
  /** process.resourcesPath: where extraResources land in an installed app. */
  resourcesPath: string;
  electronVersion: string;
  platform: string;
  arch: string;
  exists(path: string): boolean;
};

export type BindingChoice = { path: string } | { problem: string };

/** The development build scripts/native-electron.mjs makes (the same path it computes). */
export function devBindingPath(
  facts: Pick<RuntimeFacts, 'appPath' | 'electronVersion' | 'platform' | 'arch'>,
): string {
  return join(
    facts.appPath,
    'native',
    `electron-${facts.electronVersion}-${facts.platform}-${facts.arch}`,
    BINDING_FILE,
  );
}

/**
 * Which better-sqlite3 binary the desktop app loads. Never node_modules' own build: that one is
 * compiled for Node, and Electron would refuse it with an unhelpful NODE_MODULE_VERSION error.
 * An installed app loads only what the installer put in resources/native/, never a path into a
 * development checkout.
 */
export function chooseNativeBinding(facts: RuntimeFacts): BindingChoice {
  if (facts.isPackaged) {
    const path = join(facts.resourcesPath, 'native', BINDING_FILE);
    return facts.exists(path)
      ? { path }
      : {
          problem: `This installation of Copydesk is incomplete (${BINDING_FILE} is missing). Please reinstall it.`,
        };
  }
  const path = devBindingPath(facts);
  return facts.exists(path)
    ? { path }
    : {
        problem: `SQLite has not been built for Electron ${facts.electronVersion} yet. Start the app with \`npm start\`, which builds it.`,
      };
}
