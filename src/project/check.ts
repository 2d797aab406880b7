import path from 'node:path';
import type { Cache } from '../cache/cache.js';
import { configFileName, materialityOverrides, type Config } from '../config/config.js';
import { fileStart, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { WeakenedGate } from '../diff/types.js';
import type { Manifest } from '../history/manifest.js';
import { missingHistory } from '../history/missing.js';
import { verifyHistory } from '../history/verify.js';
import { sourceText } from '../load/parse.js';
import { placeOfPath } from '../load/positions.js';
import { historyRoot } from '../load/read-history.js';
import { readReviewFile } from '../load/read-review.js';
import type { VersionedDocument } from '../publish/site.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { loadMarkdownParser, MarkdownParserNotLoaded } from '../markdown/parser-slot.js';
import { judgeDocument } from '../rules/judge.js';
import { prepareProse, proseTexts } from '../validate/prose-rules.js';
import { checkReviewFile } from '../validate/review-decisions.js';
import { validateFiles } from '../validate/validate.js';
import type { Project } from './load.js';
import { readProject } from './load.js';
import type { OpenProject } from './open.js';
import { today, type ProjectOptions } from './options.js';
import { addFrozenTranslations, addWorkingTranslations, type FrozenFiles } from './translations.js';

/** Options of `validate`. */
export interface ValidateOptions extends ProjectOptions {
  /** The run date (YYYY-MM-DD), for rules about staleness (default: today). */
  date?: string;
  /** Warnings count as errors. */
  strict?: boolean;
  /** The working documents' effective date as `release --effective` sets it (of `document` only, when named): they are judged as of that day. */
  workingEffective?: { date: string; document?: string };
  /** Report the compliance findings on versions no longer in force in full, not as one summary line. */
  history?: boolean;
  /** Skip the compliance rules (schema, reference and history checks only). */
  noRules?: boolean;
  /**
   * A git revision (a pull request's base, `origin/main`): the release
   * history there must be a prefix of the history now, and config changes
   * since then that loosen a check are reported. Read with git.
   */
  base?: string;
}

/** The outcome of `validate`. */
export interface ValidateResult {
  /** Resolved models of the valid working documents. */
  models: PolicyModel[];
  /** Every document with its working model (when valid) and its verified releases. */
  documents: VersionedDocument[];
  diagnostics: Diagnostic[];
  /** The text of each file read, by its display path (for code frames). */
  sources: Map<string, string>;
  /** The project's `policyc.config.json`, read once here for every command (empty when absent or invalid: see `diagnostics`). */
  config: Config;
  /** The cache used, for the stages after validation. */
  cache?: Cache;
  /** With `base`: the checks the config loosens since the base revision. */
  weakenedGates?: WeakenedGate[];
}

/**
 * Load and validate an open project's working documents, verify their
 * histories, and judge every version with the compliance rules over the
 * period it is in force.
 */
export async function checkProject(open: OpenProject, options: ValidateOptions): Promise<ValidateResult> {
  const project = await readOpenProject(open, options.files);
  const { config, cache } = open;
  // The findings of the texts the prose checks read (working documents, frozen release notes): from the cache, or parsed now.
  await prepareProse(
    [
      ...project.files.flatMap((file) => proseTexts(file.data)),
      ...project.histories.flatMap((h) => [...(h.notes?.values() ?? [])].map((n) => n.text)),
    ],
    cache,
  );
  // The config first: the hosts prose may show images from decide its warnings.
  // A parent named by id is looked for among the documents read: all of them, unless only some files were named.
  const checked = validateFiles(project.files, {
    imageHosts: config.images?.allowHosts ?? [],
    allDocuments: !options.files?.length,
  });
  const diagnostics = [...project.diagnostics, ...checked.diagnostics, ...open.configDiagnostics];
  const byId = new Map<string, VersionedDocument>();
  for (const model of checked.models) byId.set(model.policy.id, { id: model.policy.id, working: model, releases: [] });
  const frozenFiles: FrozenFiles = new Map();
  const manifests = verifyHistories(project, byId, frozenFiles, cache, diagnostics);
  // The history is read only when the whole policy folder is: then a version its history cannot account for is an error.
  if (!options.files?.length) diagnostics.push(...missingHistories(open, project, checked.models, manifests));
  let weakenedGates: WeakenedGate[] | undefined;
  if (options.base !== undefined) {
    // Git (and node:child_process) loads only for --base; the base's release notes are checked with the parser.
    const [{ checkAgainstBase }] = await Promise.all([import('./base-revision.js'), loadMarkdownParser()]);
    const anchored = await checkAgainstBase({
      cwd: open.cwd,
      policyDir: open.policyDir,
      revision: options.base,
      ...(options.files?.length ? {} : { histories: project.histories }),
      ...(open.configDiagnostics.length ? {} : { config }),
      ...(open.configText !== undefined ? { configText: open.configText } : {}),
    });
    diagnostics.push(...anchored.diagnostics);
    weakenedGates = anchored.weakenedGates;
  }
  diagnostics.push(...addWorkingTranslations(project.translations, byId, frozenFiles));
  const reviewTexts = options.files?.length ? new Map<string, string>() : await addReviewFiles(open, byId, diagnostics);
  const documents = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (!options.noRules) diagnostics.push(...(await parsingIfNeeded(() => judgeDocuments(project, documents, config, options, cache))));
  const sources = readSources(open, project, diagnostics);
  for (const [file, text] of reviewTexts) sources.set(file, text);
  // A cache found unsafe or without its key was not used: said once, as a warning.
  diagnostics.push(...(cache?.diagnostics ?? []));
  return {
    models: checked.models,
    documents,
    diagnostics: sortDiagnostics(diagnostics),
    sources,
    config,
    ...(cache ? { cache } : {}),
    ...(weakenedGates ? { weakenedGates } : {}),
  };
}

/** Read the project; in a session, a snapshot whose bytes have not changed since the last build is not parsed again. */
async function readOpenProject(open: OpenProject, files: readonly string[] | undefined): Promise<Project> {
  const read = await readProject(open, files);
  return open.session ? { ...read, histories: open.session.histories(read.histories) } : read;
}

/** Verify each history, add its releases and frozen translations to its document; the manifests read, by document id. */
function verifyHistories(
  project: Project,
  byId: Map<string, VersionedDocument>,
  frozenFiles: FrozenFiles,
  cache: Cache | undefined,
  diagnostics: Diagnostic[],
): Map<string, Manifest | undefined> {
  const manifests = new Map<string, Manifest | undefined>();
  for (const history of project.histories) {
    const verified = verifyHistory(history, { ...(cache ? { cache } : {}) });
    diagnostics.push(...verified.diagnostics);
    const doc = byId.get(history.id) ?? { id: history.id, releases: [] };
    doc.releases = verified.releases;
    // An unreadable manifest is reported as such, not as a missing history.
    if (history.manifestText === undefined || verified.manifest) manifests.set(history.id, verified.manifest);
    byId.set(history.id, doc);
    diagnostics.push(...addFrozenTranslations(doc, verified.translations, frozenFiles));
  }
  return manifests;
}

/** Read and check each document's decisions file (`policy/review/<id>.yaml`) into the document; the texts read, by display path. */
async function addReviewFiles(
  open: OpenProject,
  byId: Map<string, VersionedDocument>,
  diagnostics: Diagnostic[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const doc of byId.values()) {
    const read = await readReviewFile(open, doc.id);
    if (!read) continue;
    if (!('text' in read)) {
      diagnostics.push(read);
      // The folder is the same for every document: said once.
      break;
    }
    texts.set(read.path, read.text);
    const checked = checkReviewFile(read);
    diagnostics.push(...checked.diagnostics);
    if (checked.file) doc.review = checked.file;
  }
  return texts;
}

/** Working documents whose version their history cannot account for. */
function missingHistories(
  open: OpenProject,
  project: Project,
  models: readonly PolicyModel[],
  manifests: Map<string, Manifest | undefined>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const model of models) {
    const id = model.policy.id;
    if (project.histories.some((h) => h.id === id) && !manifests.has(id)) continue;
    const parsed = project.files.find((f) => f.path === model.file);
    const place = parsed?.yaml ? placeOfPath(parsed.yaml, parsed.lineCounter, ['version']) : fileStart;
    const historyDir = path
      .relative(open.cwd, path.join(historyRoot(open.policyDir), id))
      .split(path.sep)
      .join('/');
    diagnostics.push(...missingHistory({ id, version: model.policy.version, file: model.file }, manifests.get(id), place, historyDir));
  }
  return diagnostics;
}

/**
 * Run `judge` without the Markdown parser, which a judgement whose diffs all
 * come from the cache (or touch no Markdown) never needs; one that does stops
 * at its first parse (MarkdownParserNotLoaded), and runs again with the parser
 * loaded. Judging writes nothing but cache entries named by what they hold, so
 * the second run gives the same findings, reusing what the first finished.
 */
async function parsingIfNeeded<T>(judge: () => T): Promise<T> {
  try {
    return judge();
  } catch (error) {
    if (!(error instanceof MarkdownParserNotLoaded)) throw error;
    await loadMarkdownParser();
    return judge();
  }
}

/** Judge every document, working and released versions, with the compliance rules. */
function judgeDocuments(
  project: Project,
  documents: readonly VersionedDocument[],
  config: Config,
  options: ValidateOptions,
  cache: Cache | undefined,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // A document's rules read the parent it names for the parts it defers to it.
  const byId = new Map(documents.map((d) => [d.id, d]));
  for (const doc of documents) {
    const parsed = doc.working && project.files.find((f) => f.path === doc.working!.file);
    const history = project.histories.find((h) => h.id === doc.id);
    diagnostics.push(
      ...judgeDocument(
        {
          ...(doc.working && parsed ? { working: { model: doc.working, parsed } } : {}),
          releases: doc.releases,
          ...(history ? { history } : {}),
          documents: byId,
        },
        {
          today: options.date ?? today(),
          ...(config.rules ? { severities: config.rules } : {}),
          ...(options.strict ? { strict: true } : {}),
          ...(options.history ? { history: true } : {}),
          ...(options.workingEffective && (options.workingEffective.document ?? doc.id) === doc.id
            ? { workingEffective: options.workingEffective.date }
            : {}),
          ...(config.noticeDays !== undefined ? { noticeDays: config.noticeDays } : {}),
          materiality: materialityOverrides(config),
          ...(cache ? { cache } : {}),
        },
      ),
    );
  }
  return diagnostics;
}

/** The text of each file a diagnostic may quote, by its display path. */
function readSources(open: OpenProject, project: Project, diagnostics: readonly Diagnostic[]): Map<string, string> {
  const sources = new Map([...project.files, ...project.translations].map((f) => [f.path, f.text]));
  // Config problems are reported at their keys: the text gives them a code frame.
  if (open.configText !== undefined) sources.set(configFileName, open.configText);
  for (const history of project.histories) {
    if (history.manifestText !== undefined) sources.set(history.manifestPath, history.manifestText);
  }
  // Snapshots are many and large: their text is kept only where a diagnostic needs it for a code frame.
  const named = new Set(diagnostics.map((d) => d.file));
  for (const history of project.histories) {
    for (const snapshot of history.snapshots.values())
      if (named.has(snapshot.path)) sources.set(snapshot.path, sourceText(snapshot.read()));
  }
  return sources;
}
