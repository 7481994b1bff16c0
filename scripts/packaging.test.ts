import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { electronBindingPath, ensureElectronBinding, type runNodeGyp } from './native-electron.mjs';
import { beforePack, releaseBindingDir } from './builder-hooks.mjs';
import { chooseNativeBinding, devBindingPath } from '../main/electron/nativeBinding';

const ROOT = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const CONFIG_TEXT = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
const config = parseYaml(CONFIG_TEXT) as Record<string, unknown> & {
  linux: { icon: string; target: string[] };
  win: { icon: string; target: { target: string }[] };
  mac: { icon: string; target: { target: string }[]; entitlements: string };
  nsis: { installerIcon: string };
  fileAssociations: { ext: string }[];
  extraResources: { from: string; to: string; filter: string[] }[];
  electronFuses: Record<string, boolean>;
};

function validator() {
  const schema = JSON.parse(
    readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
  ) as object;
  // strict: false only because the schema carries electron-builder's own annotation keywords.
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own JSON schema', () => {
    const validate = validator();
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be caught by the schema if it were wrong', () => {
    const validate = validator();
    expect(validate({ ...config, asarUnpak: ['x'] })).toBe(false);
    expect(validate({ ...config, electronFuses: { runAsNod: false } })).toBe(false);
    expect(validate({ ...config, nsis: { oneClick: 'no' } })).toBe(false);
  });

  it('builds AppImage and deb, NSIS and dmg, with the .copydesk association', () => {
    expect(config.appId).toBe('news.copydesk.desktop');
    expect(config.productName).toBe('Copydesk');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.fileAssociations.map((f) => f.ext)).toEqual(['copydesk']);
  });

  it('names only files that are in the repository, by relative path', () => {
    for (const path of [
      config.linux.icon,
      config.win.icon,
      config.mac.icon,
      config.mac.entitlements,
      config.nsis.installerIcon,
      config.beforePack as string,
    ]) {
      expect(path, path).not.toMatch(/^(\/|[A-Za-z]:\\|~)/);
      expect(existsSync(join(ROOT, path)), path).toBe(true);
    }
  });

  it('depends on nothing from one machine: no absolute paths, no environment variables', () => {
    expect(CONFIG_TEXT).not.toMatch(/\$\{env\./);
    expect(CONFIG_TEXT).not.toMatch(/(^|[\s'"])(\/(home|work|root|tmp|Users|usr)\/|[A-Za-z]:\\)/m);
    expect(config).not.toHaveProperty('electronDist');
    expect(config).not.toHaveProperty('electronVersion');
  });

  it('keeps the Node build of better-sqlite3 in place and ships the Electron build outside the asar', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toContain('!**/node_modules/better-sqlite3/{build,deps,src}/**');
    expect(config.extraResources).toContainEqual({
      from: 'native/release/${platform}-${arch}',
      to: 'native',
      filter: ['better_sqlite3.node'],
    });
    expect(config.extraResources).toContainEqual({
      from: 'build/icons/256x256.png',
      to: 'icon.png',
    });
  });

  it('flips every fuse that hardens a packaged app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** node-gyp stand-in: checks what it is asked to do and writes a marker where the binary goes. */
function fakeNodeGyp(calls: { args: string[]; cwd: string; runtime?: string }[], fail = false) {
  const gyp: typeof runNodeGyp = (args, { cwd, env }) => {
    calls.push({ args, cwd, runtime: env.npm_config_runtime });
    if (fail) return { status: 1, output: 'gyp info it worked\ngyp ERR! stack Error: no headers' };
    mkdirSync(join(cwd, 'build', 'Release'), { recursive: true });
    writeFileSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), `electron build in ${cwd}`);
    return { status: 0, output: '' };
  };
  return gyp;
}

describe('the native module’s two lives', () => {
  const nodeBuild = join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

  it('builds for Electron in a scratch copy and leaves node_modules’ Node build untouched', () => {
    const root = mkdtempSync(join(tmpdir(), 'copydesk-native-'));
    const before = sha256(nodeBuild);
    const calls: { args: string[]; cwd: string; runtime?: string }[] = [];
    const target = { version: '45.5.0', platform: process.platform, arch: 'x64' };
    const path = ensureElectronBinding({ ...target, root, nodeGyp: fakeNodeGyp(calls) });

    expect(path).toBe(electronBindingPath(root, target));
    expect(readFileSync(path, 'utf8')).toMatch(/^electron build in /);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args).toEqual([
      'rebuild',
      '--release',
      '--target=45.5.0',
      '--arch=x64',
      '--dist-url=https://electronjs.org/headers',
    ]);
    expect(calls[0]!.runtime).toBe('electron');
    expect(calls[0]!.cwd.startsWith(join(root, 'native', '.build'))).toBe(true);
    expect(existsSync(calls[0]!.cwd)).toBe(false); // the scratch copy is gone

    expect(sha256(nodeBuild)).toBe(before);
    const db = new BetterSqlite3(':memory:');
    expect(db.prepare('select sqlite_version() as v').get()).toHaveProperty('v');
    db.close();

    // A second start reuses the build.
    ensureElectronBinding({ ...target, root, nodeGyp: fakeNodeGyp(calls) });
    expect(calls).toHaveLength(1);
  });

  it('says why when the Electron build fails, and caches nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'copydesk-native-'));
    const target = { version: '45.5.0', platform: process.platform, arch: 'x64', root };
    expect(() => ensureElectronBinding({ ...target, nodeGyp: fakeNodeGyp([], true) })).toThrow(
      /Electron 45\.5\.0 failed: gyp ERR! stack Error: no headers/,
    );
    expect(existsSync(electronBindingPath(root, target))).toBe(false);
  });

  it('refuses to build for another operating system', () => {
    const other = process.platform === 'win32' ? 'linux' : 'win32';
    expect(() =>
      ensureElectronBinding({
        version: '45.5.0',
        platform: other,
        arch: 'x64',
        root: mkdtempSync(join(tmpdir(), 'copydesk-native-')),
        nodeGyp: fakeNodeGyp([]),
      }),
    ).toThrow(/build each OS's installer on that OS/);
  });

  it('the app looks for the development build where the script puts it', () => {
    const facts = {
      appPath: '/checkout',
      electronVersion: '45.5.0',
      platform: 'linux',
      arch: 'x64',
    };
    expect(devBindingPath(facts)).toBe(
      electronBindingPath('/checkout', { version: '45.5.0', platform: 'linux', arch: 'x64' }),
    );
  });

  it('an installed app loads only the binary the installer put in resources/native', () => {
    const seen: string[] = [];
    const facts = {
      isPackaged: true,
      appPath: '/opt/Copydesk/resources/app.asar',
      resourcesPath: '/opt/Copydesk/resources',
      electronVersion: '45.5.0',
      platform: 'linux',
      arch: 'x64',
      exists: (p: string) => (seen.push(p), true),
    };
    expect(chooseNativeBinding(facts)).toEqual({
      path: '/opt/Copydesk/resources/native/better_sqlite3.node',
    });
    expect(seen.every((p) => !p.includes('app.asar') && !p.includes('node_modules'))).toBe(true);
    expect(chooseNativeBinding({ ...facts, exists: () => false })).toMatchObject({
      problem: expect.stringMatching(/incomplete.*reinstall/),
    });
  });

  it('a development run loads the Electron build from native/, never node_modules’ Node build', () => {
    const facts = {
      isPackaged: false,
      appPath: '/checkout',
      resourcesPath: '/checkout/node_modules/electron/dist/resources',
      electronVersion: '45.5.0',
      platform: 'linux',
      arch: 'x64',
      exists: () => true,
    };
    expect(chooseNativeBinding(facts)).toEqual({
      path: '/checkout/native/electron-45.5.0-linux-x64/better_sqlite3.node',
    });
    expect(chooseNativeBinding({ ...facts, exists: () => false })).toMatchObject({
      problem: expect.stringContaining('npm start'),
    });
  });

  it('the beforePack hook stages the Electron build for the arch being packed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'copydesk-pack-'));
    const asked: unknown[] = [];
    const built = join(root, 'built.node');
    writeFileSync(built, 'arm64 electron build');
    await beforePack(
      {
        arch: 3,
        electronPlatformName: process.platform,
        packager: { info: { framework: { version: '45.5.0' } } },
      },
      { root, cacheRoot: root, ensure: (o: unknown) => (asked.push(o), built) },
    );
    expect(asked).toEqual([{ version: '45.5.0', platform: process.platform, arch: 'arm64', root }]);
    // extraResources reads native/release/${platform}-${arch}: the same folder.
    const staged = join(releaseBindingDir(root, process.platform, 'arm64'), 'better_sqlite3.node');
    expect(readFileSync(staged, 'utf8')).toBe('arm64 electron build');
    expect(
      config.extraResources[0]!.from.replace('${platform}', process.platform).replace(
        '${arch}',
        'arm64',
      ),
    ).toBe(`native/release/${process.platform}-arm64`);
  });
});
