import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The kitchen screen. base './' lets the same build load from file:// in Electron and from the
// host's own HTTP server on the restaurant network.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: { port: 5173, strictPort: false },
});
