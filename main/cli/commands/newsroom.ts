import type { NewsroomStatus, SyncSummary } from '../../../shared/newsroom/channels';
import { ROLE_LABELS } from '../../../shared/newsroom/roles';
import { PASSWORD_MIN } from '../../../shared/newsroom/protocol';
import { noExtra, onlyArgument, type Command, type CommandContext } from '../command';
import { CliFailure, EXIT, UsageError } from '../exitCodes';
import type { Flag } from '../flags';
import { print } from '../output';

const userFlag: Flag<string> = { name: 'user', type: 'string', metavar: 'NAME' };
const keepDaysFlag: Flag<string> = { name: 'keep-days', type: 'string', metavar: 'N' };
const onceFlag: Flag<boolean> = { name: 'once', type: 'boolean' };

function article(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

function describeStatus(s: NewsroomStatus): string {
  if (s.state === 'alone' || !s.identity)
    return 'This desk works alone: it is not connected to a newsroom server (copydesk connect URL --user NAME).\n';
  const lines = [
    `${s.identity.displayName} (${s.identity.name}), ${article(ROLE_LABELS[s.identity.role])}, at ${s.url}`,
    {
      online: 'Online.',
      offline: `Offline${s.problem ? `: ${s.problem}` : '.'} Work goes on here and goes up later.`,
      signedOut: `Signed out: ${s.problem ?? 'sign in again'} (copydesk connect ${s.url} --user ${s.identity.name}).`,
      alone: '',
    }[s.state],
    `${s.pending === 0 ? 'Nothing' : s.pending === 1 ? '1 change' : `${s.pending} changes`} waiting to go up; last exchange ${s.lastSyncAt ?? 'never'}; keeps the last ${s.keepDays} days.`,
  ];
  for (const c of s.conflicts)
    lines.push(
      `Conflict: “${c.slug || 'Untitled'}” (${c.id}) changed here and in the newsroom: compare and keep one in the app.`,
    );
  for (const n of s.notices) lines.push(`${n.label ? `“${n.label}”: ` : ''}${n.message}`);
  return `${lines.join('\n')}\n`;
}

function describeSummary(s: SyncSummary): string {
  const parts = [`sent ${s.sent}`, `received ${s.received}`];
  if (s.conflicts) parts.push(`${s.conflicts} in conflict (compare and keep one in the app)`);
  if (s.refused) parts.push(`${s.refused} refused (see copydesk whoami)`);
  if (s.waiting) parts.push(`${s.waiting} waiting for someone to finish editing`);
  return `${parts.join(', ')}.\n`;
}

async function askPassword(ctx: CommandContext, prompt: string): Promise<string> {
  const password = await ctx.io.readSecret(prompt);
  if (!password) throw new UsageError('no password given (type it, or send it on standard input)');
  return password;
}

/** `copydesk connect URL --user NAME`: signs this desk in; the password comes from stdin or a prompt. */
export const connectCommand: Command = {
  name: 'connect',
  synopsis: 'URL --user NAME [--keep-days N]',
  flags: [userFlag, keepDaysFlag],
  async run(ctx) {
    const url = onlyArgument(ctx.args, 'connect needs the newsroom server’s URL');
    const name = ctx.flag(userFlag);
    if (!name) throw new UsageError('connect needs --user NAME');
    const keepRaw = ctx.flag(keepDaysFlag);
    const keepDays = keepRaw === undefined ? undefined : Number(keepRaw);
    if (keepDays !== undefined && (!Number.isInteger(keepDays) || keepDays < 1 || keepDays > 3650))
      throw new UsageError('--keep-days is a number of days from 1 to 3650');
    const password = await askPassword(ctx, `Password for ${name} at ${url}: `);
    const input = { url, name, password, keepDays };
    try {
      await ctx.call('newsroom.connect', input);
    } catch (error) {
      if (!(error instanceof CliFailure) || !/one-time password/.test(error.message)) throw error;
      ctx.io.stderr(`${error.message}\n`);
      const newPassword = await askPassword(
        ctx,
        `New password (at least ${PASSWORD_MIN} characters): `,
      );
      if (ctx.io.isTTY && (await askPassword(ctx, 'The new password again: ')) !== newPassword)
        throw new CliFailure('INVALID_INPUT', 'The two new passwords differ; nothing was changed.');
      await ctx.call('newsroom.connect', { ...input, newPassword });
    }
    ctx.io.stderr('Connected. Exchanging changes with the newsroom…\n');
    const summary = await ctx.call('newsroom.sync', {});
    return print(
      ctx,
      { ...(await ctx.call('newsroom.status', {})), summary },
      (s) => `${describeStatus(s)}${describeSummary(summary)}`,
    );
  },
};

/** `copydesk sync [--once]`: exchanges changes now, or stays connected until Ctrl+C. */
export const syncCommand: Command = {
  name: 'sync',
  synopsis: '[--once]',
  flags: [onceFlag],
  async run(ctx) {
    noExtra(ctx.args);
    const summary = await ctx.call('newsroom.sync', {});
    if (ctx.flag(onceFlag)) {
      const status = await ctx.call('newsroom.status', {});
      print(ctx, { summary, status }, () => `${describeSummary(summary)}${describeStatus(status)}`);
      return status.conflicts.length > 0 || summary.refused > 0 ? EXIT.refused : EXIT.ok;
    }
    ctx.io.stderr(describeSummary(summary));
    const sync = ctx.newsroom();
    sync.startLive();
    ctx.io.stderr(
      'Staying connected: changes go both ways as they happen. Press Ctrl+C to stop.\n',
    );
    let cursor = 0;
    let last = '';
    const watch = async () => {
      for (;;) {
        const { cursor: next, events } = await ctx.call('newsroom.events', {
          after: cursor,
          waitMs: 25_000,
        });
        cursor = next;
        if (events.length === 0) continue;
        const status = await ctx.call('newsroom.status', {});
        const line = `${new Date().toISOString().slice(11, 19)} ${status.state}, ${status.pending} waiting, ${status.conflicts.length} in conflict`;
        if (line.slice(9) !== last) ctx.io.stderr(`${line}\n`);
        last = line.slice(9);
      }
    };
    void watch().catch(() => {});
    const stop = () => void sync.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return null;
  },
};

/** `copydesk whoami`: who this desk is signed in as, and how its exchange stands. */
export const whoamiCommand: Command = {
  name: 'whoami',
  synopsis: '',
  flags: [],
  async run(ctx) {
    noExtra(ctx.args);
    return print(ctx, await ctx.call('newsroom.status', {}), describeStatus);
  },
};

/** `copydesk disconnect`: signs this desk out; its archive stays as it is. */
export const disconnectCommand: Command = {
  name: 'disconnect',
  synopsis: '',
  flags: [],
  async run(ctx) {
    noExtra(ctx.args);
    return print(
      ctx,
      await ctx.call('newsroom.disconnect', {}),
      () => 'Signed out of the newsroom. The archive stays on this desk as it is.\n',
    );
  },
};
