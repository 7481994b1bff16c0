import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The Node side: the Electron entry and the CLI (which also serves browser mode).
// Everything is bundled except the native SQLite module and Electron itself, so the
// installed app and the `copydesk` bin need nothing from node_modules but better-sqlite3.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/main',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      input: { electron: 'main/electron/main.ts', cli: 'main/cli/cli.ts' },
      external: ['better-sqlite3', 'electron', ...builtinModules.flatMap((m) => [m, `node:${m}`])],
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
  ssr: { noExternal: true },
});
