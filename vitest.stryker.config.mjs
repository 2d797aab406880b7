// The test configuration mutation testing runs (stryker.config.mjs): the fast tier of vitest.config.ts
// only (unit tests, fixtures, goldens: no built lib/, no child process, no browser), so that each
// mutant is judged in seconds by the tests that cover it.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

const fast = base.test.projects.filter((project) => project.test?.name === 'fast');
if (fast.length !== 1) throw new Error('vitest.stryker.config.mjs: vitest.config.ts has no project named `fast`');

export default defineConfig({ ...base, test: { ...base.test, projects: fast } });
