// Lets Node (with tsx) load the archive's `*.sql?raw` imports as Vite does, for the test helpers
// that run main-side code in a child process: `node --import tsx --import ./rawImports.mjs …`.
import { register } from 'node:module';

register('./rawImportHooks.mjs', import.meta.url);
