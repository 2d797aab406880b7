// The test configuration mutation testing runs (stryker.config.mjs): the fast tier of vitest.config.ts
// (unit tests, fixtures, goldens) and the fault tier (test/faults/: hostile inputs, broken
// filesystems, the cache and the history under attack), so that each mutant is judged by the
// tests that cover it. A fault test that spawns the built CLI (lib/) cannot see a mutant of src/;
// with per-test coverage Stryker runs for each mutant only the tests that reached its code in this
// process. The CLI and browser tiers test lib/ and pages, and are left out.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

const names = ['fast', 'faults'];
const projects = base.test.projects.filter((project) => names.includes(project.test?.name));
if (projects.length !== names.length)
  throw new Error(`vitest.stryker.config.mjs: vitest.config.ts has no projects named ${names.join(' and ')}`);

export default defineConfig({ ...base, test: { ...base.test, projects } });
