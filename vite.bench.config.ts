import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The bench runs as a bundle, like the app's Node side: the archive code imports its migrations
// with Vite's `?raw`, so the bench goes through the same bundler (and measures the same code
// shape) rather than a TypeScript loader that would need its own rules for those imports.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/bench',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      input: { cli: 'bench/cli.ts' },
      external: [
        'better-sqlite3',
        'playwright-core',
        'vite',
        '@vitejs/plugin-react',
        ...builtinModules.flatMap((m) => [m, `node:${m}`]),
      ],
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
  ssr: { noExternal: true },
});
