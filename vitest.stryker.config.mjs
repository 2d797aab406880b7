// The test configuration mutation testing runs (stryker.config.mjs): the fast tier of vitest.config.ts
// (unit tests, fixtures, goldens) and the fault tests that attack the code in this process (the
// cache, the history, control characters, holes in the model, names), so that each mutant is
// judged by the tests that cover it. Fault tests that spawn the built CLI (lib/) cannot see a
// mutant of src/ and only cost time (killed processes, YAML bombs, the filesystem, fuzzing); the
// CLI and browser tiers test lib/ and pages. With per-test coverage, Stryker runs for each mutant
// only the tests that reached its code.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

const inProcessFaults = ['cache', 'control-characters', 'history-base', 'history-missing', 'holes', 'names'].map(
  (name) => `test/faults/${name}.test.ts`,
);

const fast = base.test.projects.find((project) => project.test?.name === 'fast');
const faults = base.test.projects.find((project) => project.test?.name === 'faults');
if (!fast || !faults) throw new Error('vitest.stryker.config.mjs: vitest.config.ts has no projects named fast and faults');

export default defineConfig({
  ...base,
  test: { ...base.test, projects: [fast, { ...faults, test: { ...faults.test, include: inProcessFaults } }] },
});
