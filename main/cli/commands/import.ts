import { basename } from 'node:path';
import type { Command } from '../command';
import { EXIT, UsageError } from '../exitCodes';
import { readImportBytes } from '../../common/readImportBytes';
import { print, summaryLine } from '../output';

export const importCommand: Command = {
  name: 'import',
  synopsis: 'FILE...',
  flags: [],
  async run(ctx) {
    const files = ctx.args;
    if (files.length === 0) throw new UsageError('import needs at least one FILE');
    const payload = [];
    // Each file is read safely: a device, a pipe or a huge file is refused without reading it.
    for (const file of files)
      payload.push({
        name: basename(file),
        dataBase64: (await readImportBytes(file)).toString('base64'),
      });
    const outcome = await ctx.call('import.files', { files: payload });
    if (ctx.json) return print(ctx, outcome, () => '');
    const { stdout } = ctx.io;
    stdout(
      `Imported ${outcome.stories.length} ${outcome.stories.length === 1 ? 'story' : 'stories'}:\n`,
    );
    stdout(outcome.stories.map((s) => `  ${summaryLine(s)}`).join('\n') + '\n');
    for (const d of outcome.dropped)
      stdout(`  left out of ${d.file}: ${d.lines.map((l) => `“${l}”`).join(', ')}\n`);
    return EXIT.ok;
  },
};
