/**
 * The run functions of the commands and the project module, in one place:
 * kept for code that imports `api.js` (the package's entry is `index.ts`).
 * Each command lives in its own module under `commands/`.
 */
export { build, checkOutputFolder, compile, type BuildOptions, type BuildResult, type CompileResult } from './commands/build.js';
export { diff, type DiffOptions, type DiffResult } from './commands/diff.js';
export { notify, type NotifyOptions, type NotifyResult } from './commands/notify.js';
export { release, type ReleaseOptions, type ReleaseResult } from './commands/release.js';
export { review, type ReviewOptions, type ReviewResult } from './commands/review.js';
export { scan, type ScanOptions, type ScanResult } from './commands/scan.js';
export { validate, type ValidateOptions, type ValidateResult } from './commands/validate.js';
export { loadProject, type Project } from './project/load.js';
export { defaultCacheDir, today, type ProjectOptions } from './project/options.js';
export type { Release } from './history/verify.js';
export type { VersionedDocument } from './publish/site.js';
