import { existsSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

// The browser tests (test/browser/) drive the system Chromium. On CI they always run
// (.ci/run installs Chromium, and a missing one fails them loudly); on a machine
// without Chromium they are skipped with a note, so `npm test` works out of the box.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skipBrowser = !existsSync(chromium) && !process.env.CI;
if (skipBrowser) {
  console.warn(`policyc: no Chromium at ${chromium}; skipping the browser tests in test/browser/ (CI runs them). Install it with \`apt-get install -y chromium\`.`);
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(skipBrowser ? ['test/browser/**'] : [])],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
