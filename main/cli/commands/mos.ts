import { z } from 'zod';
import { contract } from '../../../shared/ipc/contract';
import type { MosDevice, SentRundown } from '../../../shared/mos/model';
import { runSubcommand, type CommandContext, type Command, type Subcommands } from '../command';
import { CliFailure, EXIT, UsageError } from '../exitCodes';
import { schemaFlag, type Flag } from '../flags';
import { displayPad, displayWidth, print } from '../output';
import { rundownId } from './rundown';

const input = contract['mos.devices.save'].input;
const portSchema = z.int().min(1).max(65535);
const mosIdFlag = schemaFlag('mos-id', input.shape.mosId, 'ID');
const hostFlag = schemaFlag('host', input.shape.host, 'H');
const lowerFlag = schemaFlag('lower', portSchema, 'P');
const upperFlag = schemaFlag('upper', portSchema, 'P');
const queryFlag = schemaFlag('query', portSchema, 'P');
const cuesFlag = schemaFlag('cues', z.enum(['storyItem', 'pi']), 'storyItem|pi');
const deviceFlag: Flag<string> = { name: 'device', type: 'string', metavar: 'NAME' };
const followFlag: Flag<boolean> = { name: 'follow', type: 'boolean' };
const notReadyFlag: Flag<boolean> = { name: 'not-ready', type: 'boolean' };
const ncsIdFlag = schemaFlag('ncs-id', input.shape.mosId, 'ID');
const listenFlag: Flag<boolean> = { name: 'listen-ports', type: 'boolean' };
const noListenFlag: Flag<boolean> = { name: 'no-listen-ports', type: 'boolean' };

/** How long a one-off `mos send` waits for the device to take the whole show. */
const SEND_WAIT_MS = 30_000;

const SUBCOMMANDS = `  mos device add NAME --mos-id ID --host H [--lower P --upper P --query P] [--cues storyItem|pi]
  mos device list
  mos device remove NAME
  mos settings [--ncs-id ID] [--listen-ports | --no-listen-ports] [--lower P --upper P --query P]
  mos send RID --device NAME [--follow]
  mos ready RID [--not-ready]
  mos withdraw RID --device NAME`;

async function deviceNamed(ctx: CommandContext, name: string | undefined): Promise<MosDevice> {
  if (!name) throw new UsageError('say which device: --device NAME (`mos device list` names them)');
  const devices = await ctx.call('mos.devices.list', {});
  const found = devices.find(
    (d) => d.name.toLocaleLowerCase() === name.toLocaleLowerCase() || d.id === name,
  );
  if (!found)
    throw new CliFailure(
      'NOT_FOUND',
      `there is no MOS device named “${name}” (add it with \`mos device add\`)`,
    );
  return found;
}

function deviceLine(d: MosDevice, width: number): string {
  return `${displayPad(d.name, width)}  ${d.mosId}  ${d.host}:${d.ports.lower}/${d.ports.upper}/${d.ports.query}${d.cues === 'pi' ? '  cues as pi' : ''}\n`;
}

function sentLine(device: string, title: string, sent: SentRundown | null): string {
  if (!sent) return `“${title}” is not on ${device}.\n`;
  const state = sent.inStep
    ? 'in step'
    : `${sent.queued} message${sent.queued === 1 ? '' : 's'} waiting`;
  const problem = sent.lastProblem ? `; ${sent.lastProblem.message}` : '';
  return `${device} · “${title}”: ${state}${sent.ready ? ', ready to air' : ''}${problem}\n`;
}

const DEVICE_SUBS: Subcommands = {
  async add(ctx, [name, ...rest]) {
    if (!name) throw new UsageError('mos device add needs the device’s NAME');
    if (rest.length) throw new UsageError(`unexpected argument “${rest[0]}”`);
    const mosId = ctx.flag(mosIdFlag);
    const host = ctx.flag(hostFlag);
    if (mosId === undefined || host === undefined)
      throw new UsageError('mos device add needs --mos-id ID and --host H');
    const device = await ctx.call('mos.devices.save', {
      name,
      mosId,
      host,
      ports: {
        lower: ctx.flag(lowerFlag) ?? 10540,
        upper: ctx.flag(upperFlag) ?? 10541,
        query: ctx.flag(queryFlag) ?? 10542,
      },
      cues: ctx.flag(cuesFlag) ?? 'storyItem',
    });
    return print(ctx, device, (d) => `Added ${deviceLine(d, displayWidth(d.name))}`);
  },
  async list(ctx, rest) {
    if (rest.length) throw new UsageError(`unexpected argument “${rest[0]}”`);
    const devices = await ctx.call('mos.devices.list', {});
    const width = Math.max(0, ...devices.map((d) => displayWidth(d.name)));
    return print(ctx, devices, (ds) =>
      ds.length === 0
        ? 'No MOS devices yet: add one with `copydesk mos device add`.\n'
        : ds.map((d) => deviceLine(d, width)).join(''),
    );
  },
  async remove(ctx, [name, ...rest]) {
    if (rest.length) throw new UsageError(`unexpected argument “${rest[0]}”`);
    const device = await deviceNamed(ctx, name);
    await ctx.call('mos.devices.remove', { id: device.id });
    return print(ctx, { id: device.id, name: device.name }, (d) => `Removed ${d.name}.\n`);
  },
};

const SUBS: Subcommands = {
  device: (ctx, args) => runSubcommand('mos device', DEVICE_SUBS, ctx, args),

  async send(ctx, [rid, ...rest]) {
    if (rest.length) throw new UsageError(`unexpected argument “${rest[0]}”`);
    const rundown = await rundownId(ctx, rid);
    const device = await deviceNamed(ctx, ctx.flag(deviceFlag));
    const { title } = (await ctx.call('rundowns.get', { id: rundown })).rundown;
    const hub = ctx.mos();
    await ctx.call('mos.send', { rundownId: rundown, deviceId: device.id });
    const report = (sent: SentRundown | null) => {
      const status = hub.status().devices.find((d) => d.device.id === device.id);
      const value = {
        rundownId: rundown,
        title,
        device: device.name,
        state: status?.state ?? 'stopped',
        lastError: status?.lastError ?? null,
        ...sent,
      };
      if (ctx.json) ctx.io.stdout(`${JSON.stringify(value)}\n`);
      else ctx.io.stdout(sentLine(device.name, title, sent));
    };
    if (ctx.flag(followFlag)) {
      // Every change from now on — made here, in the app, or by another copydesk — goes to the
      // device until Ctrl+C; a line each time the device falls behind or catches up.
      ctx.io.stderr(
        `Following “${title}” on ${device.name}. Every change is sent as it happens; press Ctrl+C to stop.\n`,
      );
      hub.watch();
      let last = '';
      const stopWatching = hub.onUpdate(() => {
        const sent = hub.rundownStatus(rundown).devices.find((d) => d.id === device.id)?.sent;
        const line = JSON.stringify(sent ?? null);
        if (line === last) return;
        last = line;
        report(sent ?? null);
      });
      const interrupted =
        ctx.io.interrupted ??
        new Promise((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
      void interrupted.then(async () => {
        stopWatching();
        await hub.close();
        ctx.archive().close();
      });
      return null;
    }
    const linkOf = () => hub.status().devices.find((d) => d.device.id === device.id);
    let timer: NodeJS.Timeout | undefined;
    let stopLooking = () => {};
    const sent = await Promise.race([
      hub.settled(device.id, rundown),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), SEND_WAIT_MS);
      }),
      // A device that is not there is said at once, not after the whole wait.
      new Promise<null>((resolve) => {
        const look = () => linkOf()?.state === 'disconnected' && resolve(null);
        stopLooking = hub.onUpdate(look);
        look();
      }),
    ]);
    clearTimeout(timer);
    stopLooking();
    if (!sent || !sent.inStep) {
      const status = linkOf();
      const why =
        sent?.lastProblem?.message ??
        status?.lastError?.message ??
        (status?.state === 'disconnected'
          ? `${device.name} is not answering (${status.detail})`
          : `${device.name} did not answer within ${SEND_WAIT_MS / 1000} seconds`);
      const after = sent?.lastProblem
        ? ''
        : ` The show stays marked as sent to it: Copydesk sends it when ${device.name} answers, while the app or \`copydesk mos send --follow\` runs.`;
      const stop = /[.?!]$/.test(why) ? '' : '.';
      throw new CliFailure(
        'FORBIDDEN',
        `“${title}” did not reach ${device.name}: ${why}${stop}${after}`,
      );
    }
    report(sent);
    return EXIT.ok;
  },

  async settings(ctx, rest) {
    if (rest.length) throw new UsageError(`unexpected argument “${rest[0]}”`);
    if (ctx.flag(listenFlag) && ctx.flag(noListenFlag))
      throw new UsageError('give --listen-ports or --no-listen-ports, not both');
    const current = await ctx.call('mos.settings.get', {});
    const change = {
      ...(ctx.flag(ncsIdFlag) !== undefined && { ncsId: ctx.flag(ncsIdFlag)! }),
      ...(ctx.flag(listenFlag) && { listen: true }),
      ...(ctx.flag(noListenFlag) && { listen: false }),
      ports: {
        lower: ctx.flag(lowerFlag) ?? current.ports.lower,
        upper: ctx.flag(upperFlag) ?? current.ports.upper,
        query: ctx.flag(queryFlag) ?? current.ports.query,
      },
    };
    const settings = await ctx.call('mos.settings.save', { ...current, ...change });
    return print(
      ctx,
      settings,
      (s) =>
        `Copydesk is ${s.ncsId} on MOS links; ${s.listen ? `it listens for device status on ports ${s.ports.lower}/${s.ports.upper}/${s.ports.query}` : 'it does not listen for device status'}.\n`,
    );
  },

  async ready(ctx, [rid, ...rest]) {
    if (rest.length) throw new UsageError(`unexpected argument “${rest[0]}”`);
    const rundown = await rundownId(ctx, rid);
    const ready = !ctx.flag(notReadyFlag);
    const { devices } = await ctx.call('mos.ready', { rundownId: rundown, ready });
    return print(
      ctx,
      { rundownId: rundown, ready, devices },
      (r) => `Marked ${r.ready ? 'ready' : 'not ready'} to air on ${r.devices} device(s).\n`,
    );
  },

  async withdraw(ctx, [rid, ...rest]) {
    if (rest.length) throw new UsageError(`unexpected argument “${rest[0]}”`);
    const rundown = await rundownId(ctx, rid);
    const device = await deviceNamed(ctx, ctx.flag(deviceFlag));
    await ctx.call('mos.withdraw', { rundownId: rundown, deviceId: device.id });
    return print(
      ctx,
      { rundownId: rundown, device: device.name },
      (r) => `Withdrawn from ${r.device}.\n`,
    );
  },
};

/** `copydesk mos …`: MOS devices, and rundowns sent live to them. */
export const mosCommand: Command = {
  name: 'mos',
  synopsis: 'device|settings|send|ready|withdraw …  (see MOS below)',
  flags: [
    mosIdFlag,
    hostFlag,
    lowerFlag,
    upperFlag,
    queryFlag,
    cuesFlag,
    deviceFlag,
    followFlag,
    notReadyFlag,
    ncsIdFlag,
    listenFlag,
    noListenFlag,
  ],
  run: (ctx) => runSubcommand('mos', SUBS, ctx, ctx.args),
};

/** The subcommands, for the usage text. */
export const MOS_USAGE = SUBCOMMANDS;
