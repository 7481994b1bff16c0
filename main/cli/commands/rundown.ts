import { contract } from '../../../shared/ipc/contract';
import type { RundownDetail } from '../../../shared/rundown/channels';
import {
  DAY_SEC,
  formatClock,
  formatOverUnder,
  hitInShow,
  parseClock,
} from '../../../shared/rundown/clock';
import { viewRundown, type RundownView } from '../../../shared/rundown/view';
import { formatDuration, parseDuration, parseLength } from '../../../shared/story/timing';
import { runSubcommand, type CommandContext, type Command, type Subcommands } from '../command';
import { UsageError } from '../exitCodes';
import { schemaFlag, type Flag } from '../flags';
import { displayPad, displayWidth, print } from '../output';
import {
  EXPORT_OPTION_FLAGS,
  exportOptionValues,
  formatFlag,
  outFlag,
  forceFlag,
  writeExport,
} from './export';

const text = (name: string, metavar: string): Flag<string> => ({ name, type: 'string', metavar });
const toggle = (name: string): Flag<boolean> => ({ name, type: 'boolean' });

const dateFlag = schemaFlag('date', contract['rundowns.create'].input.shape.airDate, 'YYYY-MM-DD');
const onAirFlag = text('on-air', 'HH:MM[:SS]');
const offAirFlag = text('off-air', 'HH:MM[:SS]');
const lengthFlag = text('length', 'M:SS');
const templateFlag = text('template', 'NAME');
const storyFlag: Flag<string[]> = { name: 'story', type: 'string', multiple: true, metavar: 'ID' };
const breakFlag = text('break', 'LABEL');
const itemFlag = text('item', 'TEXT');
const atFlag = text('at', 'N');
const pageFlag = text('page', 'P');
const toFlag = text('to', 'N');
const afterFlag = text('after', 'ROW');
const hitFlag = text('hit', 'HH:MM:SS');
const actualFlag = text('actual', 'M:SS');
const estFlag = text('est', 'M:SS');
const floatFlag = toggle('float');
const unfloatFlag = toggle('unfloat');
const noHitFlag = toggle('no-hit');

const SUBCOMMANDS = `  rundown new TITLE --date YYYY-MM-DD --on-air HH:MM[:SS] (--off-air HH:MM[:SS] | --length M:SS) [--template NAME]
  rundown list [--date YYYY-MM-DD]
  rundown show RID
  rundown add RID (--story ID | --break LABEL --length M:SS | --item TEXT --length M:SS) [--at N | --after ROW] [--page P]
  rundown move RID ROW (--to N | --after ROW)
  rundown set RID ROW [--float | --unfloat] [--hit HH:MM:SS | --no-hit] [--actual M:SS] [--est M:SS] [--page P]
  rundown remove RID ROW
  rundown export RID --format FORMAT [--out PATH] [OPTIONS]`;

function clockFlag(ctx: CommandContext, flag: Flag<string>): number | undefined {
  const raw = ctx.flag(flag);
  if (raw === undefined) return undefined;
  const sec = parseClock(raw);
  if (sec === null) throw new UsageError(`--${flag.name} is a time of day like 18:00 or 18:00:30`);
  return sec;
}

/** A show's length: up to a day, unlike a row's. */
function showLengthOf(ctx: CommandContext, flag: Flag<string>): number | undefined {
  const raw = ctx.flag(flag);
  if (raw === undefined) return undefined;
  const sec = parseDuration(raw);
  if (sec === null || sec < 1 || sec > DAY_SEC)
    throw new UsageError(`--${flag.name} is a show's length like 30:00 or 3:00:00, up to 24:00:00`);
  return sec;
}

/** A row's length (an estimate, an actual, a break): up to six hours. */
function lengthOf(ctx: CommandContext, flag: Flag<string>): number | undefined {
  const raw = ctx.flag(flag);
  if (raw === undefined) return undefined;
  const sec = parseLength(raw);
  if (sec === null)
    throw new UsageError(`--${flag.name} is a length like 1:30 or 0:45, up to 6:00:00`);
  return sec;
}

/** A row number counted from 1, as people count rows; the contract counts from 0. */
function position(ctx: CommandContext, flag: Flag<string>): number | undefined {
  const raw = ctx.flag(flag);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${flag.name} is a row number, counting from 1`);
  return n - 1;
}

/**
 * Where a row goes: a row number (`numbered`, from 1), or `--after ROW`, right after that row
 * wherever it is when the change is made (the number it has now is kept as the fallback).
 * `others` reads the show's rows the row goes among (without the row being moved), only when
 * they are needed.
 */
async function placeOf(
  ctx: CommandContext,
  numbered: Flag<string>,
  others: () => Promise<readonly { id: string }[]>,
): Promise<{ at?: number; after?: string }> {
  const at = position(ctx, numbered);
  const anchor = ctx.flag(afterFlag);
  if (anchor === undefined) return at === undefined ? {} : { at };
  if (at !== undefined) throw new UsageError(`give --${numbered.name} N or --after ROW, not both`);
  const rows = await others();
  const after = resolveId(
    'row',
    anchor,
    rows.map((r) => r.id),
  );
  return { at: rows.findIndex((r) => r.id === after) + 1, after };
}

/**
 * An id as the list and show commands print it, or the start of one when only one matches (as
 * git takes a short hash).
 */
function resolveId(kind: string, given: string, ids: readonly string[]): string {
  if (ids.includes(given)) return given;
  const matches = given.length >= 4 ? ids.filter((id) => id.startsWith(given.toLowerCase())) : [];
  if (matches.length === 1) return matches[0]!;
  throw new UsageError(
    matches.length > 1
      ? `“${given}” is the start of ${matches.length} ${kind} ids: type more of it`
      : `there is no ${kind} “${given}” (use the id \`rundown ${kind === 'row' ? 'show RID' : 'list'}\` prints)`,
  );
}

export async function rundownId(ctx: CommandContext, given: string | undefined): Promise<string> {
  if (!given) throw new UsageError('give the rundown’s id (RID), as `rundown list` prints it');
  if (/^[0-9a-f-]{36}$/i.test(given)) return given;
  const all = await ctx.call('rundowns.list', {});
  return resolveId(
    'rundown',
    given,
    all.map((r) => r.id),
  );
}

function rowId(detail: RundownDetail, given: string | undefined): string {
  if (!given) throw new UsageError('give the row’s id (ROW), as `rundown show RID` prints it');
  return resolveId(
    'row',
    given,
    detail.rundown.rows.map((r) => r.id),
  );
}

function viewOf(detail: RundownDetail): RundownView {
  return viewRundown(detail.rundown, new Map(detail.stories.map((s) => [s.id, s])));
}

/** The JSON `rundown show --json` prints: times of day as HH:MM:SS, lengths in seconds. */
export function rundownJson(detail: RundownDetail) {
  const { rundown } = detail;
  const view = viewOf(detail);
  return {
    id: rundown.id,
    title: rundown.title,
    date: rundown.airDate,
    onAir: formatClock(view.onAirSec),
    offAir: formatClock(view.offAirSec),
    lengthSec: rundown.lengthSec,
    version: rundown.version,
    overUnderSec: view.overUnderSec,
    blocks: view.blocks,
    rows: view.lines.map((line) => ({
      id: line.row.id,
      page: line.page,
      kind: line.row.kind,
      storyId: line.row.storyId,
      slug: line.slug,
      format: line.story?.format ?? null,
      presenter: line.story?.presenter ?? null,
      reporter: line.story?.reporter ?? null,
      status: line.story?.status ?? null,
      estSec: line.estSec,
      actualSec: line.row.actualSec,
      floated: line.row.floated,
      hit: line.row.hitSec === null ? null : formatClock(line.row.hitSec),
      front: line.clock ? formatClock(line.clock.frontSec) : null,
      back: line.clock ? formatClock(line.clock.backSec) : null,
      cumeSec: line.clock?.cumeSec ?? null,
    })),
  };
}

function rundownText(detail: RundownDetail): string {
  const json = rundownJson(detail);
  const view = viewOf(detail);
  const state = view.overUnderSec > 0 ? 'heavy' : view.overUnderSec < 0 ? 'light' : 'on time';
  const head = `${json.title}  ${json.date}  ${json.onAir}–${json.offAir}  over/under ${formatOverUnder(view.overUnderSec)} (${state})\n`;
  const cells = [
    ['PAGE', 'SLUG', 'FORMAT', 'EST', 'ACTUAL', 'HIT', 'FRONT', 'BACK', 'CUME', 'ROW'],
    ...json.rows.map((r) => [
      r.page,
      `${r.slug || 'UNTITLED'}${r.floated ? ' (float)' : ''}`,
      r.format ?? r.kind.toUpperCase(),
      formatDuration(r.estSec),
      r.actualSec === null ? '' : formatDuration(r.actualSec),
      r.hit ?? '',
      r.front ?? '',
      r.back ?? '',
      r.cumeSec === null ? '' : formatDuration(r.cumeSec),
      r.id,
    ]),
  ];
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((row) => displayWidth(row[c]!))));
  const lines = cells.map((row) =>
    row.map((cell, c) => (c === row.length - 1 ? cell : displayPad(cell, widths[c]!))).join('  '),
  );
  return `${head}${lines.join('\n')}\n`;
}

const SUBS: Subcommands = {
  async new(ctx, [title, ...rest]) {
    if (!title || rest.length)
      throw new UsageError('rundown new needs the show’s TITLE (quote it if it has spaces)');
    const airDate = ctx.flag(dateFlag);
    if (!airDate) throw new UsageError('rundown new needs --date YYYY-MM-DD');
    const template = ctx.flag(templateFlag);
    const onAirSec = clockFlag(ctx, onAirFlag);
    if (onAirSec === undefined && !template)
      throw new UsageError('rundown new needs --on-air HH:MM');
    const offAirSec = clockFlag(ctx, offAirFlag);
    const lengthSec = showLengthOf(ctx, lengthFlag);
    if (offAirSec !== undefined && lengthSec !== undefined)
      throw new UsageError('give --off-air or --length, not both');
    if (offAirSec === undefined && lengthSec === undefined && !template)
      throw new UsageError('rundown new needs --off-air HH:MM or --length M:SS');
    const detail = await ctx.call('rundowns.create', {
      title,
      airDate,
      ...(onAirSec !== undefined && { onAirSec }),
      ...(offAirSec !== undefined && { offAirSec }),
      ...(lengthSec !== undefined && { lengthSec }),
      ...(template !== undefined && { template }),
    });
    return print(
      ctx,
      rundownJson(detail),
      (r) => `Created ${r.title} (${r.date} ${r.onAir}–${r.offAir}): ${r.id}\n`,
    );
  },

  async list(ctx, args) {
    if (args.length) throw new UsageError(`unexpected argument “${args[0]}”`);
    const date = ctx.flag(dateFlag);
    const all = await ctx.call('rundowns.list', date ? { from: date, to: date } : {});
    return print(ctx, all, (list) =>
      list.length === 0
        ? 'No rundowns.\n'
        : `${list
            .map(
              (r) =>
                `${r.id}  ${r.airDate}  ${formatClock(r.onAirSec).slice(0, 5)}  ${displayPad(r.title, 28)}  ${formatDuration(r.lengthSec).padStart(7)}  ${r.rowCount} rows`,
            )
            .join('\n')}\n`,
    );
  },

  async show(ctx, [rid, ...rest]) {
    if (rest.length) throw new UsageError(`unexpected argument “${rest[0]}”`);
    const detail = await ctx.call('rundowns.get', { id: await rundownId(ctx, rid) });
    return print(ctx, rundownJson(detail), rundownTextOf(detail));
  },

  async add(ctx, [rid, ...rest]) {
    if (rest.length) throw new UsageError(`unexpected argument “${rest[0]}”`);
    const id = await rundownId(ctx, rid);
    const stories = ctx.flag(storyFlag) ?? [];
    const brk = ctx.flag(breakFlag);
    const item = ctx.flag(itemFlag);
    if (
      [stories.length > 0, brk !== undefined, item !== undefined].filter(Boolean).length !== 1 ||
      stories.length > 1
    )
      throw new UsageError('rundown add needs one of --story ID, --break LABEL or --item TEXT');
    const estSec = lengthOf(ctx, lengthFlag);
    if (stories.length === 0 && estSec === undefined)
      throw new UsageError(`a ${brk !== undefined ? 'break' : 'item'} needs --length M:SS`);
    const page = ctx.flag(pageFlag);
    const { at, after } = await placeOf(
      ctx,
      atFlag,
      async () => (await ctx.call('rundowns.get', { id })).rundown.rows,
    );
    const row =
      stories.length > 0
        ? { kind: 'story' as const, storyId: stories[0]!, ...(estSec !== undefined && { estSec }) }
        : {
            kind: brk !== undefined ? ('break' as const) : ('item' as const),
            label: (brk ?? item)!,
            estSec,
          };
    const detail = await ctx.call('rundowns.addRow', {
      id,
      row: { ...row, ...(page !== undefined && { page }) },
      ...(at !== undefined && { at }),
      ...(after !== undefined && { after }),
    });
    return print(ctx, { ...rundownJson(detail), rowId: detail.rowId }, (r) => {
      const added = r.rows.find((x) => x.id === r.rowId)!;
      return `Added ${added.slug || 'UNTITLED'} as ${added.page} (row ${r.rows.indexOf(added) + 1}): ${added.id}\n`;
    });
  },

  async move(ctx, [rid, row, ...rest]) {
    if (rest.length) throw new UsageError(`unexpected argument “${rest[0]}”`);
    const id = await rundownId(ctx, rid);
    const before = await ctx.call('rundowns.get', { id });
    const moving = rowId(before, row);
    const { at: to, after } = await placeOf(ctx, toFlag, async () =>
      before.rundown.rows.filter((r) => r.id !== moving),
    );
    if (to === undefined)
      throw new UsageError('rundown move needs --to N (a row number, from 1) or --after ROW');
    const detail = await ctx.call('rundowns.moveRow', {
      id,
      rowId: moving,
      to,
      ...(after !== undefined && { after }),
    });
    return print(ctx, rundownJson(detail), rundownTextOf(detail));
  },

  async set(ctx, [rid, row, ...rest]) {
    if (rest.length) throw new UsageError(`unexpected argument “${rest[0]}”`);
    const id = await rundownId(ctx, rid);
    const float = ctx.flag(floatFlag);
    const unfloat = ctx.flag(unfloatFlag);
    if (float && unfloat) throw new UsageError('give --float or --unfloat, not both');
    const detail0 = await ctx.call('rundowns.get', { id });
    const hitClock = clockFlag(ctx, hitFlag);
    if (hitClock !== undefined && ctx.flag(noHitFlag))
      throw new UsageError('give --hit or --no-hit, not both');
    const change = {
      ...(float && { floated: true }),
      ...(unfloat && { floated: false }),
      ...(hitClock !== undefined && { hitSec: hitInShow(hitClock, detail0.rundown.onAirSec) }),
      ...(ctx.flag(noHitFlag) && { hitSec: null }),
      ...(ctx.flag(actualFlag) !== undefined && { actualSec: lengthOf(ctx, actualFlag) }),
      ...(ctx.flag(estFlag) !== undefined && { estSec: lengthOf(ctx, estFlag) }),
      ...(ctx.flag(pageFlag) !== undefined && { page: ctx.flag(pageFlag) || null }),
    };
    if (Object.keys(change).length === 0)
      throw new UsageError(
        'rundown set needs something to set: --float, --unfloat, --hit, --no-hit, --actual, --est or --page',
      );
    const detail = await ctx.call('rundowns.setRow', { id, rowId: rowId(detail0, row), ...change });
    return print(ctx, rundownJson(detail), rundownTextOf(detail));
  },

  async remove(ctx, [rid, row, ...rest]) {
    if (rest.length) throw new UsageError(`unexpected argument “${rest[0]}”`);
    const id = await rundownId(ctx, rid);
    const detail = await ctx.call('rundowns.removeRow', {
      id,
      rowId: rowId(await ctx.call('rundowns.get', { id }), row),
    });
    return print(ctx, rundownJson(detail), rundownTextOf(detail));
  },

  async export(ctx, [rid, ...rest]) {
    if (rest.length) throw new UsageError(`unexpected argument “${rest[0]}”`);
    const id = await rundownId(ctx, rid);
    const format = ctx.flag(formatFlag);
    if (format === undefined) throw new UsageError('rundown export needs --format FORMAT');
    const { files } = await ctx.call('export.stories', {
      selection: { rundown: id },
      format,
      options: exportOptionValues(ctx),
    });
    return writeExport(ctx, format, files, ctx.flag(outFlag));
  },
};

function rundownTextOf(detail: RundownDetail) {
  return () => rundownText(detail);
}

/** `copydesk rundown …`: shows and their running orders. */
export const rundownCommand: Command = {
  name: 'rundown',
  synopsis: 'new|list|show|add|move|set|remove|export …  (see RUNDOWN below)',
  flags: [
    dateFlag,
    onAirFlag,
    offAirFlag,
    lengthFlag,
    templateFlag,
    storyFlag,
    breakFlag,
    itemFlag,
    atFlag,
    pageFlag,
    toFlag,
    afterFlag,
    hitFlag,
    actualFlag,
    estFlag,
    floatFlag,
    unfloatFlag,
    noHitFlag,
    formatFlag,
    outFlag,
    forceFlag,
    ...Object.values(EXPORT_OPTION_FLAGS),
  ],
  run: (ctx) => runSubcommand('rundown', SUBS, ctx, ctx.args),
};

/** The subcommands, for the usage text. */
export const RUNDOWN_USAGE = SUBCOMMANDS;
