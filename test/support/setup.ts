// Run before every test file (vitest.config.ts `setupFiles`): what every file shares.
import { afterAll, beforeAll } from 'vitest';
import { removeTempDirs } from './project.js';

// The temporary folders of tempDir() and copySample() go when the file is done, passed or failed.
afterAll(() => {
  if (process.env.POLICYC_KEEP_TEMP === '1') return;
  const left = removeTempDirs();
  if (left.length > 0) console.warn(`policyc tests: could not remove ${left.join(', ')}`);
});

// The Markdown parser (src/markdown/parser-slot.ts), which the CLI loads on first need: tests call the
// synchronous prose checks and the diff directly. Loaded after the file's own mocks are in place.
beforeAll(async () => {
  const { loadMarkdownParser } = await import('../../src/markdown/parser-slot.js');
  await loadMarkdownParser();
});
