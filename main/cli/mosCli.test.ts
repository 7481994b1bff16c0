import { afterEach, describe, expect, it } from 'vitest';
import { cliWorkspace } from './testing/cliWorkspace';
import { freePorts, startTestDevice, type TestDevice } from '../mos/testing/testDevice';
import type { MosPorts } from '../../shared/mos/model';

const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

const portFlags = (p: MosPorts) =>
  (['lower', 'upper', 'query'] as const).flatMap((which) => [`--${which}`, String(p[which])]);

async function showWithDevice() {
  const ws = cliWorkspace();
  const json = async (...argv: string[]) => {
    const out = await ws.run(...argv, '--json');
    if (out.code !== 0) throw new Error(`${argv.join(' ')}: ${out.stderr}`);
    return JSON.parse(out.stdout) as Record<string, unknown>;
  };
  const ncs = await freePorts();
  const ports = await freePorts();
  await json('mos', 'settings', '--ncs-id', 'copydesk.cli', ...portFlags(ncs));
  const added = await json(
    'mos',
    'device',
    'add',
    'Prompter 1',
    '--mos-id',
    'prompter.cli.mos',
    '--host',
    '127.0.0.1',
    ...portFlags(ports),
  );
  const show = await json(
    'rundown',
    'new',
    'LATE NEWS',
    '--date',
    '2026-11-30',
    '--on-air',
    '22:00',
    '--length',
    '30:00',
  );
  const id = show.id as string;
  for (const slug of ['FIRE', 'FLOOD', 'FAIR']) {
    const story = await json('rundown', 'add', id, '--item', slug, '--length', '0:30');
    void story;
  }
  const device: TestDevice = await startTestDevice({
    mosId: 'prompter.cli.mos',
    ports,
    ncs: { id: 'copydesk.cli', ports: ncs },
  });
  stops.push(() => device.stop());
  return { ws, json, id, added, device };
}

describe('copydesk mos', () => {
  it('adds and lists devices, ports defaulting to the protocol’s', async () => {
    const { run } = cliWorkspace();
    const add = await run(
      'mos',
      'device',
      'add',
      'CG',
      '--mos-id',
      'cg.studio.mos',
      '--host',
      '10.1.2.3',
      '--json',
    );
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({
      name: 'CG',
      mosId: 'cg.studio.mos',
      host: '10.1.2.3',
      ports: { lower: 10540, upper: 10541, query: 10542 },
    });
    const again = await run('mos', 'device', 'add', 'cg', '--mos-id', 'other.mos', '--host', 'x');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already a device named “CG”');
    const list = await run('mos', 'device', 'list');
    expect(list.stdout).toBe('CG  cg.studio.mos  10.1.2.3:10540/10541/10542\n');
    expect((await run('mos', 'device', 'add', 'X', '--host', 'h')).code).toBe(2);
    expect((await run('mos', 'send', 'abcd', '--device', 'nobody')).code).toBe(2);
  });

  it('says at once when the device is not there (exit 1), and the show stays sent to it for later', async () => {
    const { run } = cliWorkspace();
    const json = async (...argv: string[]) =>
      JSON.parse((await run(...argv, '--json')).stdout) as Record<string, unknown>;
    const nobody = await freePorts();
    await json('mos', 'settings', '--no-listen-ports');
    await json(
      'mos',
      'device',
      'add',
      'PROMPTER 2',
      '--mos-id',
      'p2.mos',
      '--host',
      '127.0.0.1',
      ...portFlags(nobody),
    );
    const show = await json(
      'rundown',
      'new',
      'LATE NEWS',
      '--date',
      '2026-11-30',
      '--on-air',
      '22:00',
      '--length',
      '30:00',
    );
    const sent = await run('mos', 'send', show.id as string, '--device', 'PROMPTER 2');
    expect(sent.code).toBe(1);
    expect(sent.stderr).toContain(
      `“LATE NEWS” did not reach PROMPTER 2: Nothing answers at 127.0.0.1 on the MOS ports`,
    );
    // Said as soon as the connection is refused, well inside the test's time, not after the
    // 30 s the command gives a device that is there to answer.
    expect(sent.stderr).toContain('The show stays marked as sent to it');
  });

  it('sends a rundown, waits for the device to take it, and --follow sends what other commands change', async () => {
    const { ws, json, id, device } = await showWithDevice();
    const story = await json(
      'import',
      '--json',
      new URL('../../fixtures/harbor-bridge.txt', import.meta.url).pathname,
    );
    const storyId = (story.stories as { id: string }[])[0]!.id;
    await json('rundown', 'add', id, '--story', storyId, '--at', '1');
    const sent = await json('mos', 'send', id.slice(0, 8), '--device', 'prompter 1');
    expect(sent).toMatchObject({
      title: 'LATE NEWS',
      device: 'Prompter 1',
      inStep: true,
      queued: 0,
    });
    const ro = `copydesk-ro-${id}`;
    expect(device.memory.ros.get(ro)!.stories).toHaveLength(1);

    // Another story in the show, from another command, while `--follow` runs.
    let stop!: () => void;
    const interrupted = new Promise<void>((resolve) => (stop = resolve));
    const following = await ws.runWith(
      { interrupted },
      'mos',
      'send',
      id,
      '--device',
      'Prompter 1',
      '--follow',
    );
    expect(following.code).toBeNull();
    // It had the show already: the fresh roCreate is refused and the show goes as a roReplace.
    await device.until((m) => m.log.includes('roReplace'));
    const second = await json(
      'import',
      '--json',
      new URL('../../fixtures/harbor-bridge.txt', import.meta.url).pathname,
    );
    await json(
      'rundown',
      'add',
      id,
      '--story',
      (second.stories as { id: string }[])[0]!.id,
      '--at',
      '1',
    );
    await device.until((m) => m.ros.get(ro)?.stories.length === 2);
    expect(device.memory.log).toContain('roStoryInsert');
    stop();
  });
});
