import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The kitchen screen. base './' lets the same build load from file:// in Electron and from the
// host's own HTTP server on the restaurant network. No React plugin: Vite 8 transforms TSX with
// oxc (automatic runtime); fast refresh is not needed for a kitchen display.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
  },
  server: { port: 5173, strictPort: false },
});
