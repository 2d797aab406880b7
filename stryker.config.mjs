// Mutation testing (StrykerJS): `npm run test:mutation`, on demand, not in `npm test` (a full run takes
// a long while). Stryker changes the code that decides what is published and what is material, one
// small edit (a mutant) at a time, and runs the fast tests that cover it: a mutant no test notices
// points at a missing test. The TypeScript checker discards mutants that do not compile.
//
// One module: `npx stryker run --mutate src/rules/engine.ts`. The report is written to
// reports/mutation/index.html. The score is recorded in CONTRIBUTING.md; `thresholds.break` is the
// floor a run must reach (it fails below it) and only ever rises: raise it to the score measured
// when the tests improve.
// Property tests try a tenth of their cases (test/support/properties.ts): a mutant runs every test
// that covers it, and the fixtures beside them pin each rule at its edges. `npm test` tries them all.
process.env.POLICYC_PROPERTY_RUNS ??= 'quick';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    // The semantic diff and its materiality rules.
    'src/diff/**/*.ts',
    // Releases, the manifest and its hash chain, verifying the history.
    'src/history/**/*.ts',
    // The rules engine: which rules judge a version, and how.
    'src/rules/engine.ts',
    'src/rules/judge.ts',
    // Prose sanitising (in src/render/prose.ts before the Markdown layer moved to src/markdown/).
    'src/{render/prose,markdown/sanitise}.ts',
    // Cache keys and the disk cache.
    'src/cache/**/*.ts',
    // Writing the output folder: staging, the atomic swap, the lock.
    'src/emit/**/*.ts',
    '!src/**/*.generated.ts',
  ],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.mjs', related: true },
  // No type checker: on two cores it halved the mutants tested per minute. A mutant that does not
  // compile runs anyway (vitest strips the types) and is judged by what it does.
  // `--checkers typescript` discards such mutants first, for a run on a larger machine.
  checkers: [],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // A static mutant (in code that runs when a module loads or in a test's setup, such as the rule and
  // list tables) needs every related test for itself: on two cores that is hours per module. They are
  // left out (reported as ignored); run with `--ignoreStatic false` to include them.
  ignoreStatic: true,
  ignorePatterns: ['dist', 'reports', 'bench/.work', 'test-output'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The machines this runs on have two cores.
  concurrency: 2,
  timeoutMS: 10_000,
  // break: the floor, the lowest score of the named modules on their latest runs (CONTRIBUTING.md, "Mutation
  // score"): the rules engine and judge, 79.43% at cc41d78. It only rises.
  thresholds: { high: 80, low: 60, break: 79 },
};
