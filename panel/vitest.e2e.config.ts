import { defineConfig } from 'vitest/config';

// The Playwright scenario against the real dev stack; the devstack module's PanelInBrowserTest starts the stack and
// runs this with PANEL_URL and the other variables set. One file, steps in order, one browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
