import { defineConfig } from 'vitest/config';

// Drives the built panel (target/dist) in Debian's Chromium; run `npm run build` first.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
