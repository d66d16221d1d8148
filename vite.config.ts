import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: built once into dist/renderer, loaded by Electron from file and served
// by the browser host. `base: './'` keeps asset URLs relative for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
