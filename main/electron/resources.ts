import { join } from 'node:path';

/**
 * The app icon as a PNG for the window (Linux, Windows) and the About panel: copied into
 * resources/ by the installer (see electron-builder.yml), read from build/ in a checkout.
 */
export function appIconPath(facts: {
  isPackaged: boolean;
  appPath: string;
  resourcesPath: string;
}): string {
  return facts.isPackaged
    ? join(facts.resourcesPath, 'icon.png')
    : join(facts.appPath, 'build', 'icons', '256x256.png');
}
