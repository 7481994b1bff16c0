import { readFileSync } from 'node:fs';
import { ROLES, ROLE_LABELS } from '../../../shared/newsroom/roles';
import { UserNameSchema } from '../../../shared/newsroom/protocol';
import { version } from '../../common/version';
import { addUser, disableUser, enableUser, listUsers, resetPassword } from '../../server/accounts';
import { NewsroomError } from '../../server/errors';
import { DEFAULT_LISTEN, parseListen } from '../../server/listen';
import { redactUrl, startNewsroomServer, withNewsroomDatabase } from '../../server/server';
import type { Db } from '../../server/db';
import { noExtra, type Command, type CommandContext } from '../command';
import { CliFailure, UsageError } from '../exitCodes';
import { checkValue, schemaFlag, type Flag } from '../flags';
import { displayPad, print } from '../output';
import { z } from 'zod';

const text = (name: string, metavar: string): Flag<string> => ({ name, type: 'string', metavar });
const databaseFlag = text('database', 'URL');
const listenFlag = text('listen', 'HOST:PORT');
const tlsCertFlag = text('tls-cert', 'PATH');
const tlsKeyFlag = text('tls-key', 'PATH');
const insecureFlag: Flag<boolean> = { name: 'insecure-http', type: 'boolean' };
const roleFlag = schemaFlag('role', z.enum(ROLES), 'ROLE');
const displayNameFlag = text('display-name', 'NAME');

const SUBCOMMANDS = `  server [--database URL] [--listen HOST:PORT] [--tls-cert PATH --tls-key PATH] [--insecure-http]
  server user add NAME --role ${ROLES.join('|')} [--display-name NAME] [--database URL]
  server user list [--database URL]
  server user disable|enable NAME [--database URL]
  server user reset NAME [--database URL]   (a forgotten password: a new one-time password)`;

/** The newsroom database: --database, else $COPYDESK_DATABASE_URL. */
function databaseUrl(ctx: CommandContext): string {
  const url = ctx.flag(databaseFlag) ?? ctx.io.env.COPYDESK_DATABASE_URL;
  if (!url)
    throw new UsageError(
      'the newsroom server needs its PostgreSQL database: --database postgres://HOST/NAME or COPYDESK_DATABASE_URL',
    );
  return url;
}

/** A newsroom failure as the CLI reports it (its code picks the exit status). */
function asFailure(error: unknown): unknown {
  return error instanceof NewsroomError ? new CliFailure(error.code, error.message) : error;
}

async function withDatabase<T>(ctx: CommandContext, work: (pool: Db) => Promise<T>): Promise<T> {
  try {
    return await withNewsroomDatabase(databaseUrl(ctx), work);
  } catch (error) {
    throw asFailure(error);
  }
}

async function serve(ctx: CommandContext): Promise<number | null> {
  noExtra(ctx.args);
  const url = databaseUrl(ctx);
  const cert = ctx.flag(tlsCertFlag);
  const key = ctx.flag(tlsKeyFlag);
  if ((cert === undefined) !== (key === undefined))
    throw new UsageError('HTTPS needs both --tls-cert and --tls-key');
  let listen;
  try {
    listen = parseListen(ctx.flag(listenFlag) ?? DEFAULT_LISTEN);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const read = (path: string, what: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new CliFailure(
        'NOT_FOUND',
        `cannot read the TLS ${what} ${path}: ${(error as Error).message}`,
      );
    }
  };
  const log = (line: string) => ctx.io.stderr(`${line}\n`);
  let server;
  try {
    server = await startNewsroomServer({
      databaseUrl: url,
      ...listen,
      tls: cert && key ? { cert: read(cert, 'certificate'), key: read(key, 'key') } : undefined,
      insecureHttp: ctx.flag(insecureFlag) ?? false,
      version,
      log,
    });
  } catch (error) {
    throw asFailure(error);
  }
  ctx.io.stdout(`${server.url}\n`);
  ctx.io.stderr(
    `Copydesk newsroom server ${version} on ${server.url}, database ${redactUrl(url)}. Press Ctrl+C to stop.\n`,
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return null;
}

async function user(ctx: CommandContext): Promise<number> {
  const [action, name, ...rest] = ctx.args.slice(1);
  noExtra(rest);
  const needName = () => {
    if (!name) throw new UsageError(`server user ${action} needs a user NAME`);
    return checkValue('NAME', UserNameSchema, name);
  };
  switch (action) {
    case 'add': {
      const who = needName();
      const role = ctx.flag(roleFlag);
      if (!role) throw new UsageError(`server user add needs --role ${ROLES.join('|')}`);
      const displayName = ctx.flag(displayNameFlag);
      const password = await withDatabase(ctx, (pool) =>
        addUser(pool, { name: who, role, displayName }),
      );
      return print(
        ctx,
        { name: who, role, oneTimePassword: password },
        () =>
          `Added ${who}, ${article(ROLE_LABELS[role])}. One-time password (shown once; ${who} chooses a new one at the first sign-in):\n${password}\n`,
      );
    }
    case 'list': {
      if (name) noExtra([name]);
      const users = await withDatabase(ctx, listUsers);
      return print(ctx, users, (list) =>
        list.length === 0
          ? 'No users yet: add one with `copydesk server user add NAME --role ROLE`.\n'
          : list
              .map(
                (u) =>
                  `${displayPad(u.name, 16)} ${displayPad(u.displayName, 24)} ${u.role.padEnd(9)} ${u.disabled ? 'disabled' : u.mustChangePassword ? 'not signed in yet' : 'active'}\n`,
              )
              .join(''),
      );
    }
    case 'disable': {
      const who = needName();
      const ended = await withDatabase(ctx, (pool) => disableUser(pool, who));
      return print(
        ctx,
        { name: who, disabled: true, sessionsEnded: ended },
        () => `Disabled ${who}; ${ended === 1 ? '1 session' : `${ended} sessions`} ended.\n`,
      );
    }
    case 'enable': {
      const who = needName();
      await withDatabase(ctx, (pool) => enableUser(pool, who));
      return print(ctx, { name: who, disabled: false }, () => `Enabled ${who}.\n`);
    }
    case 'reset': {
      const who = needName();
      const password = await withDatabase(ctx, (pool) => resetPassword(pool, who));
      return print(
        ctx,
        { name: who, oneTimePassword: password },
        () =>
          `New one-time password for ${who} (shown once; every session of ${who} has ended, and ${who} chooses a new password at the next sign-in):\n${password}\n`,
      );
    }
    default:
      throw new UsageError(
        action === undefined
          ? 'server user needs add, list, disable, enable or reset'
          : `server user has no “${action}”`,
      );
  }
}

function article(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** `copydesk server`: the newsroom server, and the people who may use it. */
export const serverCommand: Command = {
  name: 'server',
  synopsis: '[user add|list|disable|enable|reset] …  (see SERVER below)',
  flags: [
    databaseFlag,
    listenFlag,
    tlsCertFlag,
    tlsKeyFlag,
    insecureFlag,
    roleFlag,
    displayNameFlag,
  ],
  async run(ctx) {
    if (ctx.args[0] === 'user') return user(ctx);
    return serve(ctx);
  },
};

export const SERVER_USAGE = SUBCOMMANDS;
