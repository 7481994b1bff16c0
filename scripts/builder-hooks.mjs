// electron-builder hooks (see electron-builder.yml). npmRebuild is off: electron-builder would
// rebuild node_modules/better-sqlite3 in place for Electron and break `npm test` until the next
// `npm rebuild`. Instead, before each platform/arch is packed, the Electron build of
// better-sqlite3 is made (or taken from native/) and staged in native/release/<platform>-<arch>/,
// which the config's extraResources copies to resources/native/ in the installed app.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BINDING_FILE, ensureElectronBinding, PROJECT_ROOT } from './native-electron.mjs';

// builder-util's Arch enum, by value.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** Where the binary for one packed platform/arch waits for electron-builder's extraResources. */
export function releaseBindingDir(root, platform, arch) {
  return join(root, 'native', 'release', `${platform}-${arch}`);
}

/**
 * Stages the Electron build of better-sqlite3 for the platform and arch being packed. The build
 * comes from native/ (made by node-gyp when missing); COPYDESK_NATIVE_CACHE points elsewhere, so
 * the packaging test can hand over a stand-in without touching the real cache. `ensure` is
 * injectable for the same reason.
 * @param {{ arch: number, electronPlatformName: string, packager: { info: { framework: { version: string } } } }} context
 */
export async function beforePack(
  context,
  {
    root = PROJECT_ROOT,
    cacheRoot = process.env.COPYDESK_NATIVE_CACHE || root,
    ensure = ensureElectronBinding,
  } = {},
) {
  const arch = ARCH_NAMES[context.arch];
  if (!arch || arch === 'universal')
    throw new Error(
      `copydesk: cannot stage better-sqlite3 for arch ${String(arch ?? context.arch)}`,
    );
  const platform = context.electronPlatformName;
  const version = context.packager.info.framework.version;
  const binding = ensure({ version, platform, arch, root: cacheRoot });
  const stage = releaseBindingDir(root, platform, arch);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  copyFileSync(binding, join(stage, BINDING_FILE));
  console.log(`  • copydesk: better-sqlite3 for Electron ${version} ${platform}-${arch} staged`);
}
