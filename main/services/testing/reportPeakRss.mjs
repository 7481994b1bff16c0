// Loaded with `node --import` into a child process a test watches: when the process exits, its
// peak resident memory (bytes) is written to the file named by COPYDESK_PEAK_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.COPYDESK_PEAK_RSS_FILE;
if (target) {
  process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));
}
