import { defineConfig } from 'vitest/config';

// The built panel is served from more than one place: the panel jar puts it under `static/panel/`, the dev
// launcher serves `target/dist` from disk at `/`. Relative asset URLs work in both.
export default defineConfig({
  base: './',
  esbuild: {
    jsx: 'automatic',
    jsxImportSource: 'preact',
  },
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    // Vite would inline small assets as data: URLs; the CSP allows them for images only, so keep files.
    assetsInlineLimit: 0,
  },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
