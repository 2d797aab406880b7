/**
 * policyc: privacy policies as validated YAML, compiled to HTML and Markdown.
 * This module is the public API; the CLI is a thin shell over it.
 */
import { parseMarkdown } from './markdown/parser.js';
import { useMarkdownParser } from './markdown/parser-slot.js';

// The library's synchronous checks (validateFile, verifyHistory) may parse prose at once: the
// parser comes with it. (The CLI loads it only when the cache does not know a text's findings.)
useMarkdownParser(parseMarkdown);

export { build, checkOutputFolder } from './commands/build.js';
export type { BuildOptions, BuildResult } from './commands/build.js';
export { diff } from './commands/diff.js';
export type { DiffOptions, DiffResult } from './commands/diff.js';
export { init } from './commands/init.js';
export type { InitOptions, InitResult } from './commands/init.js';
export { notify } from './commands/notify.js';
export type { NotifyOptions, NotifyResult } from './commands/notify.js';
export { release } from './commands/release.js';
export { review } from './commands/review.js';
export type { ReviewOptions, ReviewResult } from './commands/review.js';
export { applyDecisions, changeFingerprint, changeKeys, reviewItems } from './diff/decisions.js';
export type { AppliedDecisions, DecisionProblem, ReviewItem } from './diff/decisions.js';
export type { ReleaseOptions, ReleaseResult } from './commands/release.js';
export { scan } from './commands/scan.js';
export type { ScanOptions, ScanResult } from './commands/scan.js';
export type { Observation } from './scan/observation.js';
export { validate } from './commands/validate.js';
export type { ValidateOptions, ValidateResult } from './commands/validate.js';
export { loadProject } from './project/load.js';
export type { Project } from './project/load.js';
export { today } from './project/options.js';
export type { ProjectOptions } from './project/options.js';
export type { Release } from './history/verify.js';
export type { VersionedDocument } from './publish/site.js';
export { loadConfig, parseConfig, configFileName } from './config/config.js';
export { weakenedGates } from './config/gates.js';
export { changeRules } from './diff/change-rules.js';
export type { Config } from './config/config.js';
export { diffPolicies, days } from './diff/diff.js';
export { formatChanges, changeFormats } from './render/change-formats.js';
export type { ChangeFormat } from './render/change-formats.js';
export type { Change, ChangeDecision, ChangeSet, EntityKind, FieldChange, ReviewDecision, WeakenedGate, WordPart } from './diff/types.js';
export { wordDiff } from './diff/words.js';
export { bumpVersion, canonicalJson, compareVersions, entryHash, sha256 } from './history/manifest.js';
export type { Manifest, ReleaseEntry } from './history/manifest.js';
export { migrate, migrations } from './history/migrate.js';
export type { Migration } from './history/migrate.js';
export { planRelease } from './history/release.js';
export type { BumpOption, ReleasePlan } from './history/release.js';
export { verifyHistory } from './history/verify.js';
export type { HistoryFiles } from './history/verify.js';
export { renderNotification } from './notify/notification.js';
export type { Notification, NotificationInput } from './notify/notification.js';
export { sendNotification } from './notify/mail.js';
export { localizeChanges } from './render/localize-changes.js';
export type { LocalizeSettings, LocalizedSide } from './render/localize-changes.js';
export { redline } from './render/redline.js';
export type { LinkChange, RedlineBlock } from './render/redline.js';
export { compareText, hasErrors, sortDiagnostics } from './diagnostics/diagnostic.js';
export type { Diagnostic, Place, Point, Severity } from './diagnostics/diagnostic.js';
export { writeSite } from './emit/write-site.js';
export { outputMarker } from './emit/output-folder.js';
export { parse, defaultParseSettings } from './load/parse.js';
export type { ParsedFile, ParseSettings, SourceFile } from './load/parse.js';
export { readTemplates, builtinTemplatesDir } from './load/read-templates.js';
export type * from './model/policy.generated.js';
export { policySchema, schemaVersion } from './model/schema.js';
export { compileSite, changesToHtml, changesToMarkdown } from './publish/site.js';
export type { SiteFiles, SiteSettings } from './publish/site.js';
export { createRenderer } from './render/templates.js';
export type { PageContext, Renderer, TemplateSet } from './render/templates.js';
export { resolve } from './resolve/resolve.js';
export type { PolicyModel, SectionSlot } from './resolve/resolve.js';
export { validateFile, validateFiles } from './validate/validate.js';
export { formatDiagnostics, formatJson, formatPretty, diagnosticFormats } from './report/report.js';
export type { DiagnosticFormat, PrettyOptions } from './report/report.js';
