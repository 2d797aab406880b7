import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { materialityOverrides } from '../config/config.js';
import { diagnostic, fileStart, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Manifest } from '../history/manifest.js';
import { planTranslationRelease, type TranslationReleasePlan, type WorkingTranslation } from '../history/release-translations.js';
import { planRelease, type BumpOption, type ReleaseInput, type ReleasePlan } from '../history/release.js';
import { withNotes } from '../history/release-notes.js';
import { commitSnapshots, replaceFile, settleHistory } from '../history/write-ahead.js';
import { withoutDecisions } from '../history/decisions-file.js';
import { parse } from '../load/parse.js';
import { maxReviewBytes, reviewFilePath } from '../load/read-review.js';
import { readRegularFile } from '../load/read-safely.js';
import { readSourceFile } from '../load/read.js';
import { historyRoot } from '../load/read-history.js';
import { checkProject, type ValidateOptions, type ValidateResult } from '../project/check.js';
import { openProject, type OpenProject } from '../project/open.js';
import { readReleaseNotes } from '../project/release-notes.js';
import { today, wholeProject, type ProjectOptions } from '../project/options.js';
import type { VersionedDocument } from '../publish/site.js';
import { forTerminal } from '../text/control.js';
import { decisionDiagnostics } from '../validate/review-decisions.js';
import { loadMarkdownParser } from '../markdown/parser-slot.js';
import { defined, type CommandContext } from './context.js';

/** Options of `release`. */
export interface ReleaseOptions extends ProjectOptions {
  /** The document to release (default: the only one). */
  document?: string;
  /** How to choose the version (default: `auto`, the smallest bump the changes allow). */
  bump?: BumpOption;
  /** The new version's effective date (default: the document's `effective`). */
  effective?: string;
  /** Today's date, recorded as the release date (default: the clock's). */
  today?: string;
  /** The day a past version was actually released (importing a history): recorded as its release date, and the day it is judged as of. */
  released?: string;
  /** Release even when a translation leaves a material change untranslated (that locale then lacks the new version). */
  allowUntranslated?: boolean;
  /** Who releases it, recorded in the manifest entry. */
  releasedBy?: string;
  /** Who approved it, recorded in the manifest entry (required with `release.requireApproval` in policyc.config.json). */
  approvedBy?: string;
  /** A release note (Markdown, a path from `cwd`), frozen with the version; its translations beside it (`notes/2.1.0.fr.md`). */
  note?: string;
}

/** The outcome of `release`. */
export interface ReleaseResult {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** The release written, when the document was released. */
  plan?: ReleasePlan;
  /** What happened to the translations: those frozen into the history, and the locales left without the new version. */
  translations?: TranslationReleasePlan;
  /** Files written, relative to `cwd`. */
  written: string[];
}

type Plans = { plan?: ReleasePlan; translations?: TranslationReleasePlan };

/**
 * Freeze the working document as a new version: validate, compare with the
 * latest release, choose and check the version, then write the snapshot
 * (never over an existing file), the manifest entry, and the working
 * document's new version and effective date. Translations are frozen with
 * it (see `planTranslationRelease`); when the document has not changed, a
 * release freezes the translations finished since their version was released.
 */
export async function release(options: ReleaseOptions = {}): Promise<ReleaseResult> {
  // It diffs, which reads prose with the Markdown parser: loaded while the project is read.
  const [project] = await Promise.all([openProject(wholeProject(options)), loadMarkdownParser()]);
  const checked = await checkProject(project, checkOptions(options));
  const done = (diagnostics: Diagnostic[], plans: Plans = {}, written: string[] = []): ReleaseResult => ({
    diagnostics: sortDiagnostics(diagnostics),
    sources: checked.sources,
    written,
    ...plans,
  });
  if (hasErrors(checked.diagnostics)) return done(checked.diagnostics);
  const candidates = checked.documents.filter((d) => d.working && (!options.document || d.id === options.document));
  if (candidates.length !== 1) {
    const message =
      candidates.length === 0
        ? `No working document ${options.document ? `with id \`${options.document}\`` : 'to release'}`
        : `Several documents could be released (${candidates.map((d) => `\`${d.id}\``).join(', ')})`;
    return done([
      ...checked.diagnostics,
      diagnostic(project.policyShown, fileStart, 'release-which-document', 'release', message, {
        hint: 'Name the document: `policyc release ID`.',
      }),
    ]);
  }
  const doc = candidates[0]!;
  const historyDir = path.join(historyRoot(project.policyDir), doc.id);
  const manifestFile = path.join(historyDir, 'manifest.json');
  const manifest = existsSync(manifestFile) ? (JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest) : undefined;
  // First finish or undo what an interrupted release left (pending snapshots), whatever this release then does or refuses.
  if (existsSync(historyDir)) await settleHistory(historyDir, manifest);
  const planned = await planAll(project, checked, doc, manifest, options);
  if ('diagnostics' in planned) return done([...checked.diagnostics, ...planned.diagnostics]);
  // The release note and its translations: checked before anything is written, recorded in the entries.
  const noted = options.note ? await readReleaseNotes(options.note, project.cwd, planned) : undefined;
  if (noted && hasErrors(noted.diagnostics)) return done([...checked.diagnostics, ...noted.diagnostics]);
  const { plan, translations, snapshots: notes } = noted ? withNotes(planned, noted.notes) : { ...planned, snapshots: [] };
  const snapshots = [...snapshotsOf(plan, translations), ...notes];
  const existing = snapshots.find((snapshot) => existsSync(path.join(historyDir, snapshot.file)));
  if (existing) {
    return done([
      ...checked.diagnostics,
      diagnostic(
        path.relative(project.cwd, path.join(historyDir, existing.file)),
        fileStart,
        'release-version-exists',
        'release',
        `${existing.what} is already released`,
        {
          hint: 'Released versions are never overwritten: choose a higher version.',
        },
      ),
    ]);
  }
  await commitSnapshots(historyDir, snapshots, {
    ...(plan?.manifest ?? manifest!),
    ...(translations.entries.length ? { translations: translations.entries } : {}),
  });
  const rewritten = workingRewrites(doc, plan, translations);
  for (const r of rewritten) await replaceFile(path.resolve(project.cwd, r.file), r.text);
  const consumed = await removeFrozenDecisions(project, doc, plan);
  const written = [
    ...snapshots.map((s) => path.join(historyDir, s.file)),
    manifestFile,
    ...rewritten.map((r) => path.resolve(project.cwd, r.file)),
    ...consumed,
  ].map((f) => path.relative(project.cwd, f));
  const warnings = plan && doc.review ? decisionDiagnostics(doc.review, plan.decisionProblems) : [];
  return done([...checked.diagnostics, ...warnings, ...(noted?.diagnostics ?? [])], { ...(plan ? { plan } : {}), translations }, written);
}

/** The working files a release brings in line with what it froze (their new version and date). */
function workingRewrites(
  doc: VersionedDocument,
  plan: ReleasePlan | undefined,
  translations: TranslationReleasePlan,
): { file: string; text: string }[] {
  return [
    ...(plan ? [{ file: doc.working!.file, text: plan.working }] : []),
    ...translations.freezes.flatMap((f) => (f.working ? [f.working] : [])),
  ];
}

/** The snapshots a release writes: the version's and those of the translations it freezes. */
function snapshotsOf(plan: ReleasePlan | undefined, translations: TranslationReleasePlan): { file: string; text: string; what: string }[] {
  return [
    ...(plan ? [{ file: plan.entry.file, text: plan.snapshot, what: `Version ${plan.version}` }] : []),
    ...translations.freezes.map((f) => ({
      file: f.entry.file,
      text: f.snapshot,
      what: `The ${f.entry.locale} translation of ${f.entry.version}`,
    })),
  ];
}

/**
 * Remove from the decisions file the decisions a release froze into its
 * manifest entry: they are history now. The rest of the file (comments,
 * other decisions) is kept; a file left with none keeps `decisions: []`,
 * never deleted (policyc may not have created it). The files written.
 */
async function removeFrozenDecisions(project: OpenProject, doc: VersionedDocument, plan: ReleasePlan | undefined): Promise<string[]> {
  const frozen = plan?.entry.decisions ?? [];
  const file = reviewFilePath(project.policyDir, doc.id);
  if (!frozen.length || !existsSync(file)) return [];
  const read = readRegularFile(file, maxReviewBytes);
  if (read.kind !== 'file') return [];
  const text = read.bytes.toString('utf8');
  const kept = withoutDecisions(text, frozen);
  if (kept === text) return [];
  await replaceFile(file, kept);
  return [file];
}

/** How the project is validated before a release: the document judged as it will be released, from its new effective date, as of its release date. */
function checkOptions(options: ReleaseOptions): ValidateOptions {
  const date = options.released ?? options.today;
  return {
    ...wholeProject(options),
    ...(date ? { date } : {}),
    ...(options.effective
      ? { workingEffective: { date: options.effective, ...(options.document ? { document: options.document } : {}) } }
      : {}),
  };
}

/** The day recorded as the release date: `--released`, else today. */
function releaseDate(options: ReleaseOptions): string {
  return options.released ?? options.today ?? today();
}

/** The refusal of a release date (`--released`) after today. */
function releasedInFuture(project: OpenProject, options: ReleaseOptions): Diagnostic | undefined {
  const now = options.today ?? today();
  if (!options.released || options.released <= now) return undefined;
  return diagnostic(
    project.policyShown,
    fileStart,
    'release-released-future',
    'release',
    `The release date ${options.released} is after today (${now})`,
    {
      hint: '`--released` records the day a past version was released; leave it out to release today.',
    },
  );
}

/**
 * Plan the release of the document and of its translations: the new version
 * (none when the document has not changed), the translations to freeze; or
 * why there is nothing to release.
 */
async function planAll(
  project: OpenProject,
  checked: ValidateResult,
  doc: VersionedDocument,
  manifest: Manifest | undefined,
  options: ReleaseOptions,
): Promise<{ plan?: ReleasePlan; translations: TranslationReleasePlan } | { diagnostics: Diagnostic[] }> {
  const working = doc.working!;
  const reparse = async (file: string) => parse(await readSourceFile(path.resolve(project.cwd, file), project.maxBytes, file));
  const parsed = await reparse(working.file);
  const future = releasedInFuture(project, options);
  if (future) return { diagnostics: [future] };
  const date = releaseDate(options);
  const planned = planRelease({
    ...noticeSetting(checked),
    materiality: materialityOverrides(checked.config),
    working,
    text: parsed.text,
    yaml: parsed.yaml!,
    lineCounter: parsed.lineCounter,
    releases: doc.releases,
    ...(manifest ? { manifest } : {}),
    ...(options.bump ? { bump: options.bump } : {}),
    ...(options.effective ? { effective: options.effective } : {}),
    today: date,
    ...reviewSettings(doc, checked, options),
  });
  // With nothing changed in the document, the release may still freeze translations.
  const unchanged = 'diagnostics' in planned && planned.diagnostics.every((d) => d.ruleId === 'release-no-changes');
  if ('diagnostics' in planned && !unchanged) return { diagnostics: planned.diagnostics };
  const plan = 'plan' in planned ? planned.plan : undefined;
  const workingTranslations: WorkingTranslation[] = [];
  for (const t of doc.workingTranslations ?? []) {
    const file = await reparse(t.file);
    const sourceModel = doc.releases.find((r) => r.entry.version === t.version)?.model ?? working;
    workingTranslations.push({ ...t, text: file.text, yaml: file.yaml!, lineCounter: file.lineCounter, sourceModel });
  }
  const translationPlanned = planTranslationRelease({
    document: doc.id,
    working: workingTranslations,
    frozen: manifest?.translations ?? [],
    released: doc.releases.map((r) => r.entry.version),
    ...(plan
      ? { newVersion: { version: plan.version, model: working, file: working.file, ...(plan.changes ? { changes: plan.changes } : {}) } }
      : {}),
    today: date,
    ...(options.allowUntranslated ? { allowUntranslated: true } : {}),
  });
  if ('diagnostics' in translationPlanned) return { diagnostics: translationPlanned.diagnostics };
  const translations = translationPlanned.plan;
  if (!plan && translations.freezes.length === 0) return { diagnostics: 'diagnostics' in planned ? planned.diagnostics : [] };
  return { ...(plan ? { plan } : {}), translations };
}

/** The notice a material change needs, as the project sets it. */
function noticeSetting(checked: ValidateResult): Pick<ReleaseInput, 'noticeDays'> {
  return checked.config.noticeDays !== undefined ? { noticeDays: checked.config.noticeDays } : {};
}

/** What the release plan needs of people: the decisions on changes to review, who releases and approves, whether approval is required. */
function reviewSettings(
  doc: VersionedDocument,
  checked: ValidateResult,
  options: ReleaseOptions,
): Pick<ReleaseInput, 'decisions' | 'decisionsFile' | 'releasedBy' | 'approvedBy' | 'requireApproval'> {
  return {
    ...(doc.review ? { decisions: doc.review.decisions, decisionsFile: doc.review.path } : {}),
    ...(options.releasedBy !== undefined ? { releasedBy: options.releasedBy } : {}),
    ...(options.approvedBy !== undefined ? { approvedBy: options.approvedBy } : {}),
    ...(checked.config.release?.requireApproval ? { requireApproval: true } : {}),
  };
}

export { definition } from './definitions/release.js';

/** `policyc release`: what was released and frozen, and the files written. */
export async function run({ io, options, positionals, cache, report }: CommandContext): Promise<number> {
  const result = await release(
    defined({
      cwd: io.cwd,
      cache,
      policy: options.policy,
      document: positionals[0],
      bump: options.bump as BumpOption | undefined,
      effective: options.effective,
      released: options.released,
      allowUntranslated: options['allow-untranslated'] === 'true',
      releasedBy: options['released-by'],
      approvedBy: options['approved-by'],
      note: options.note,
    }),
  );
  report(result.diagnostics, result.sources);
  const { plan, translations } = result;
  if (!plan && !translations?.freezes.length) {
    io.stderr.write('policyc: nothing was released\n');
    return 1;
  }
  const material = plan?.changes ? plan.changes.changes.filter((c) => c.material).length : 0;
  const decided = plan?.entry.decisions?.length ? `, ${plan.entry.decisions.length} decided by people` : '';
  const lines = [
    ...(plan
      ? [
          `✔ released ${plan.manifest.document} ${plan.version}, effective ${plan.entry.effective}${plan.changes ? ` (${plan.changes.changes.length} ${plan.changes.changes.length === 1 ? 'change' : 'changes'}, ${material} material${decided})` : ' (first release)'}`,
        ]
      : []),
    ...(translations?.freezes ?? []).map((f) => `✔ froze the ${f.entry.locale} translation of ${f.entry.version}`),
    ...(translations?.untranslated ?? []).map(
      (u) =>
        `⚠ ${u.locale}: not translated, so ${plan?.version ?? 'the new version'} is not published in ${u.locale}${u.material ? ' (material changes, --allow-untranslated)' : ' (editorial changes only)'}`,
    ),
  ];
  io.stdout.write(forTerminal(`${lines.join('\n')}\n${result.written.map((f) => `  wrote ${f}\n`).join('')}`));
  return 0;
}
