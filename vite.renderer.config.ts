import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: one static bundle served by Electron's app:// protocol and by browser mode alike.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
  },
});
