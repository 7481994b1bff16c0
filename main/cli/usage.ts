import { EXPORT_FORMATS, exportFormatSpec } from '../../shared/export/formats';
import { version } from '../common/version';
import { COMMANDS } from './commands';
import { EXPORT_OPTION_FLAGS, optionFlagName } from './commands/export';
import { FILTER_FLAGS } from './commands/filters';
import { STATUS_VALUES } from './commands/status';
import { RUNDOWN_USAGE } from './commands/rundown';
import { SERVER_USAGE } from './commands/server';
import { MOS_USAGE } from './commands/mos';
import { EXIT_SUMMARY } from './exitCodes';
import { flagHelp } from './flags';

const WIDTH = 100;

/**
 * Items laid out after `head` in lines of at most WIDTH characters, `sep` between them, every
 * line after the first indented. An item is never split.
 */
function wrap(items: readonly string[], head: string, indent: number, sep = ' '): string {
  const lines = [head];
  for (const item of items) {
    const line = lines[lines.length - 1]!;
    const fresh = line.trim() === '';
    if (!fresh && line.length + sep.length + item.length > WIDTH)
      lines.push(`${' '.repeat(indent)}${item}`);
    else lines[lines.length - 1] = fresh ? `${' '.repeat(indent)}${item}` : `${line}${sep}${item}`;
  }
  return lines.join('\n');
}

function formatLine(format: (typeof EXPORT_FORMATS)[number]): string {
  const spec = exportFormatSpec(format);
  const head = `  ${format.padEnd(14)} ${spec.label}${spec.fileHolds === 'story' ? ', one file per story' : spec.fileHolds === 'rundown' ? ', rundown export only' : ''}`;
  if (spec.options.length === 0) return head;
  return wrap(
    spec.options.map((o) => `--${optionFlagName(o)}`),
    `${head}:`,
    17,
  );
}

/** The help text, made from the commands, the contract's schemas and the format records. */
export const USAGE = `Copydesk ${version}: newsroom script archive

Usage:
${COMMANDS.map((c) => `  copydesk ${c.name}${c.synopsis ? ` ${c.synopsis}` : ''}`).join('\n')}

Every command takes --archive PATH; --json prints JSON (and a failure as {"error": {code, message}}).
The archive is --archive PATH, else $COPYDESK_ARCHIVE, else the archive in your user data folder.

STATUS (status): ${STATUS_VALUES.join('|')}
FILTERS (list, search):
${wrap(Object.values(FILTER_FLAGS).map(flagHelp), '', 2, '   ')}

FORMAT (export), and the OPTIONS each format reads:
${EXPORT_FORMATS.map(formatLine).join('\n')}
A format written one file per story needs --out FOLDER for several stories; without --out a single
text file goes to stdout.

RUNDOWN (a show's running order; RID and ROW are ids as \`rundown list\` and \`rundown show\`
print them, or their first characters; N counts rows from 1):
${RUNDOWN_USAGE.replaceAll('  rundown', '  copydesk rundown')}

SERVER (the newsroom server: PostgreSQL from --database URL or $COPYDESK_DATABASE_URL; it listens
on 127.0.0.1:7433 unless --listen says otherwise, and only over TLS beyond this machine):
${SERVER_USAGE.replaceAll('  server', '  copydesk server')}

MOS (live running orders to prompters and graphics devices; ports default to 10540/10541/10542;
NAME is a device's name as \`mos device list\` prints it; --follow sends every change until Ctrl+C):
${MOS_USAGE.replaceAll('  mos', '  copydesk mos')}

OPTIONS (export, rundown export):
${wrap(Object.values(EXPORT_OPTION_FLAGS).map(flagHelp), '', 2, '   ')}

${EXIT_SUMMARY}
`;
