import { configDefaults, defineConfig } from 'vitest/config';
import { chromiumExecutable, chromiumInstallHint, chromiumInstalled } from './src/scan/chromium.js';

// The browser tests (test/browser/) drive the system Chromium. On CI they always run
// (.ci/run installs Chromium, and a missing one fails them loudly); on a machine
// without Chromium they are skipped with a note, so `npm test` works out of the box.
const chromium = chromiumExecutable();
const skipBrowser = !chromiumInstalled(chromium) && !process.env.CI;
if (skipBrowser) {
  console.warn(`policyc: no Chromium at ${chromium}; skipping the browser tests in test/browser/ (CI runs them). ${chromiumInstallHint}`);
}

// The tests in four tiers (vitest projects). `npm test` runs them all (after `npm run
// prepare` and a type check); `npx vitest run --project NAME` runs one.
//
// - fast (and fast-isolated): unit tests, fixtures and goldens, all in this process on
//   src/: no `npm run prepare`, no child process, no browser. `npm run test:fast` runs
//   both; `UPDATE=1 npm run test:fast` rewrites their goldens (the CLI's help and diff
//   goldens are the cli tier's: `UPDATE=1 npm run test:cli`).
// - cli: what needs the built lib/ or another process: the CLI run as a user runs it
//   (lib/cli/bin.js), real git, the preview server and its watchers, the benchmark's
//   smoke run. A file that mixes such tests with fast ones is here as a whole.
// - faults: test/faults/, hostile inputs, broken filesystems, killed processes, fuzzing.
// - browser: test/browser/, pages in Chromium.
const cli = [
  'test/action.test.ts', // the GitHub Action's script with real git and a fake gh, in child processes
  'test/bench.test.ts', // runs bench/run.mjs in a child process
  'test/cache.test.ts', // mixed: the cache in-process, and the CLI's default cache through lib/cli/bin.js
  'test/cli.test.ts',
  'test/cli-bundle.test.ts',
  'test/cli-preview.test.ts',
  'test/cold-start.test.ts', // what a cold validate loads: the CLI under a module-load hook, in child processes
  'test/cli-versions.test.ts', // with real git and a real SMTP server
  'test/compliance.test.ts', // mixed: the rules through the API, and through lib/cli/bin.js
  'test/docs-examples.test.ts', // the examples of README.md and docs/, run in child processes on the built lib/
  'test/package.test.ts', // npm pack, installed into a scratch project with npm
  'test/scan-cli.test.ts', // policyc scan --har through lib/cli/bin.js
  'test/sarif-multitool.test.ts', // Microsoft's SARIF multitool, a binary, in a child process
  'test/schema-standalone.test.ts', // mixed: the generated validators, and that lib/ holds the fresh ones
  'test/serve.test.ts', // the preview server in-process: HTTP, file watchers and their debounce, timing-bound
  'test/sites.test.ts', // policyc's output in the example Eleventy and Astro sites, built by their generators
];

// Fast tests that need modules of their own: they import src/ afresh, under mocks.
const isolated = ['test/import-side-effects.test.ts', 'test/snapshot-parsing.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Some files build a site in `beforeAll`: on two busy cores that can take longer than vitest's 10 s.
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/support/setup.ts'],
    projects: [
      // Every test file not in another tier is in the fast one. Its files share the modules they
      // import (not isolated: three times faster); `--isolate` isolates them again.
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...cli, ...isolated, 'test/faults/**', 'test/browser/**'],
          // CI isolates them anyway: a leak of state between files must never pass there unseen.
          isolate: Boolean(process.env.CI),
        },
      },
      { extends: true, test: { name: 'fast-isolated', include: isolated } },
      { extends: true, test: { name: 'cli', include: cli } },
      { extends: true, test: { name: 'faults', include: ['test/faults/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...(skipBrowser ? ['test/browser/**'] : [])],
        },
      },
    ],
  },
});
