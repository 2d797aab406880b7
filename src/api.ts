import { existsSync, statSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diskCache, type Cache, type DiskCache } from './cache/cache.js';
import { diagnostic, fileStart, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { diffPolicies } from './diff/diff.js';
import type { ChangeSet, WeakenedGate } from './diff/types.js';
import { checkAgainstBase } from './project/base-revision.js';
import { outputFolderProblem, outputMarker, type ProtectedFolders } from './emit/output-folder.js';
import { OutputLockedError, OutputRefusedError, stageSite, type StagedSite } from './emit/write-site.js';
import { serialiseManifest, type Manifest } from './history/manifest.js';
import { missingHistory } from './history/missing.js';
import { planTranslationRelease, type TranslationReleasePlan, type WorkingTranslation } from './history/release-translations.js';
import { planRelease, type BumpOption, type ReleasePlan } from './history/release.js';
import { verifyHistory, type HistoryFiles, type Release } from './history/verify.js';
import { defaultParseSettings, parse, type ParsedFile } from './load/parse.js';
import { placeOfKey, placeOfPath } from './load/positions.js';
import { listPolicyFiles, listTranslationFiles, readSourceFile } from './load/read.js';
import { leavesProject } from './load/inside-project.js';
import { lstatOrUndefined } from './load/read-safely.js';
import { historyRoot, pendingSuffix, readHistories } from './load/read-history.js';
import { describeGitProblem, isGitProblem, openRevision } from './load/read-git.js';
import { readTemplates } from './load/read-templates.js';
import type { Policy } from './model/policy.generated.js';
import { configFileName, loadConfig, materialityOverrides, type Config } from './config/config.js';
import { announcement, notificationFiles } from './notify/announcement.js';
import { renderNotification, type Notification } from './notify/notification.js';
import { sendNotification } from './notify/mail.js';
import { insecureSmtpProblem, readSmtpUrl, redactUrl, scrubCredentials, type SmtpServer } from './notify/smtp-url.js';
import { compileSite, type SiteFiles, type SiteOutput, type VersionedDocument } from './render/site.js';
import { createRenderer, type Renderer } from './render/templates.js';
import { resolve, type PolicyModel } from './resolve/resolve.js';
import { judgeDocument } from './rules/judge.js';
import { translatePolicy } from './translate/translation.js';
import { validateTranslation } from './translate/validate.js';
import { validateFile, validateFiles } from './validate/validate.js';

/** Where a project's files are. Relative paths are resolved against `cwd`. */
export interface ProjectOptions {
  /** Folder of policy documents (default: `policy`). */
  policy?: string;
  /** Check only these files instead of every document in the policy folder. */
  files?: readonly string[];
  /** Working directory; paths in diagnostics are relative to it (default: `process.cwd()`). */
  cwd?: string;
  /** Largest policy file accepted, in bytes (default: 5 MiB). */
  maxBytes?: number;
  /**
   * Where what is derived from released versions is kept between runs (their
   * checked data, change sets, pages), so that unchanged versions are not
   * checked and rendered again: a folder (the CLI's default is
   * `defaultCacheDir`), a `Cache`, or `false` for none. A hit is
   * byte-identical to computing afresh; a folder's entries are
   * authenticated, and a folder reached through a link is not used.
   */
  cache?: string | Cache | false;
}

/** A loaded project: its parsed working documents, their histories, and problems finding them. */
export interface Project {
  files: ParsedFile[];
  histories: HistoryFiles[];
  /** Translation files (`policy/<id>.<locale>.yaml`), parsed. */
  translations: ParsedFile[];
  diagnostics: Diagnostic[];
}

/** Read and parse a project's policy documents and their release histories. Never throws for bad input. */
export async function loadProject(options: ProjectOptions = {}): Promise<Project> {
  const cwd = options.cwd ?? process.cwd();
  const policyDir = path.resolve(cwd, options.policy ?? 'policy');
  const display = (file: string) => path.relative(cwd, file) || file;
  const maxBytes = options.maxBytes ?? defaultParseSettings.maxBytes;
  const settings = { ...defaultParseSettings, maxBytes };
  const diagnostics: Diagnostic[] = [];
  let paths: string[];
  if (options.files?.length) {
    paths = options.files.map((f) => path.resolve(cwd, f));
  } else if (leavesProject(policyDir, cwd)) {
    diagnostics.push(
      diagnostic(display(policyDir), fileStart, 'policy-folder-outside', 'load', `Policy folder \`${display(policyDir)}\` is a symbolic link that leads out of the project: it was not read`, {
        hint: 'Replace the link with the folder itself, or name a folder outside the project explicitly with `--policy DIR`.',
      }),
    );
    return { files: [], histories: [], translations: [], diagnostics };
  } else if (!existsSync(policyDir) || !statSync(policyDir).isDirectory()) {
    // A link to nothing is named as such: "does not exist" would send the reader looking for a folder that is there.
    const dangling = lstatOrUndefined(policyDir)?.isSymbolicLink();
    diagnostics.push(
      diagnostic(
        display(policyDir),
        fileStart,
        'policy-folder-missing',
        'load',
        dangling ? `Policy folder \`${display(policyDir)}\` is a symbolic link to a folder that does not exist` : `Policy folder \`${display(policyDir)}\` does not exist`,
        { hint: dangling ? 'Point the link at the policy folder, or replace it with the folder itself.' : 'Run policyc from your project folder, or name the folder with `--policy DIR`.' },
      ),
    );
    return { files: [], histories: [], translations: [], diagnostics };
  } else {
    paths = await listPolicyFiles(policyDir);
    if (paths.length === 0) {
      diagnostics.push(
        diagnostic(display(policyDir), fileStart, 'policy-folder-empty', 'load', `Policy folder \`${display(policyDir)}\` has no \`.yaml\` documents`, {
          hint: 'Add a policy document such as `policy/privacy.yaml`.',
        }),
      );
    }
  }
  const files: ParsedFile[] = [];
  for (const file of paths) {
    // lstat: a link to nothing is there (and reported by the reader as a link), not missing.
    if (!lstatOrUndefined(file)) {
      diagnostics.push(diagnostic(display(file), fileStart, 'file-missing', 'load', `File \`${display(file)}\` does not exist`, { hint: 'Check the path.' }));
      continue;
    }
    files.push(parse(await readSourceFile(file, maxBytes, display(file)), settings));
  }
  const history = options.files?.length ? { histories: [], diagnostics: [] } : await readHistories(policyDir, display, settings);
  const { histories } = history;
  diagnostics.push(...history.diagnostics);
  const translations: ParsedFile[] = [];
  if (!options.files?.length && existsSync(policyDir)) {
    for (const file of await listTranslationFiles(policyDir)) translations.push(parse(await readSourceFile(file, maxBytes, display(file)), settings));
  }
  return { files, histories, translations, diagnostics };
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

/** Options of `validate`. */
export interface ValidateOptions extends ProjectOptions {
  /** The run date (YYYY-MM-DD), for rules about staleness (default: today). */
  date?: string;
  /** Warnings count as errors. */
  strict?: boolean;
  /** Skip the compliance rules (schema, reference and history checks only). */
  noRules?: boolean;
  /**
   * A git revision (a pull request's base, `origin/main`): the release
   * history there must be a prefix of the history now, and config changes
   * since then that loosen a check are reported. Read with git.
   */
  base?: string;
}

/**
 * Load and validate a project's working documents, verify their histories,
 * and judge every version with the compliance rules as of its effective date.
 */
export async function validate(options: ValidateOptions = {}): Promise<ValidateResult> {
  const project = await loadProject(options);
  const { config, diagnostics: configProblems, text: configText } = await loadConfig(options.cwd ?? process.cwd());
  // The config first: the hosts prose may show images from decide its warnings.
  const checked = validateFiles(project.files, { imageHosts: config.images?.allowHosts ?? [] });
  const diagnostics = [...project.diagnostics, ...checked.diagnostics];
  diagnostics.push(...configProblems);
  const byId = new Map<string, VersionedDocument>();
  for (const model of checked.models) byId.set(model.policy.id, { id: model.policy.id, working: model, releases: [] });
  const frozenFiles = new Map<string, { path: string; text: string }>();
  const cache = openCache(options.cache, options.cwd);
  const manifests = new Map<string, Manifest | undefined>();
  for (const history of project.histories) {
    const verified = verifyHistory(history, { ...(cache ? { cache } : {}) });
    diagnostics.push(...verified.diagnostics);
    const doc = byId.get(history.id) ?? { id: history.id, releases: [] };
    doc.releases = verified.releases;
    // An unreadable manifest is reported as such, not as a missing history.
    if (history.manifestText === undefined || verified.manifest) manifests.set(history.id, verified.manifest);
    byId.set(history.id, doc);
    for (const frozen of verified.translations) {
      const checked = validateTranslation(frozen.parsed, [doc], { frozen: true });
      diagnostics.push(...checked.diagnostics);
      const { translation, model } = checked;
      if (!translation || !model) continue;
      if (translation.translates !== doc.id || translation.locale !== frozen.entry.locale || translation.source !== frozen.entry.version) {
        diagnostics.push(
          diagnostic(frozen.parsed.path, fileStart, 'history-snapshot-invalid', 'history', `The frozen translation \`${frozen.entry.file}\` does not say what the manifest records (${doc.id}, ${frozen.entry.locale}, ${frozen.entry.version})`, {
            hint: 'Released versions are immutable: restore the file from git (`git checkout -- <file>`).',
          }),
        );
        continue;
      }
      frozenFiles.set(`${doc.id}/${translation.locale}/${translation.source}`, { path: frozen.parsed.path, text: frozen.parsed.text });
      (doc.translations ??= []).push({ locale: translation.locale, version: translation.source, model: resolve(translatePolicy(model.policy, translation), frozen.parsed.path), file: frozen.parsed.path, frozen: true });
    }
  }
  const cwd = options.cwd ?? process.cwd();
  const policyDir = path.resolve(cwd, options.policy ?? 'policy');
  // The history is read only when the whole policy folder is: then a version its history cannot account for is an error.
  if (!options.files?.length) {
    for (const model of checked.models) {
      const id = model.policy.id;
      if (project.histories.some((h) => h.id === id) && !manifests.has(id)) continue;
      const parsed = project.files.find((f) => f.path === model.file);
      const place = parsed?.yaml ? placeOfPath(parsed.yaml, parsed.lineCounter, ['version']) : fileStart;
      const historyDir = path.relative(cwd, path.join(historyRoot(policyDir), id)).split(path.sep).join('/');
      diagnostics.push(...missingHistory({ id, version: model.policy.version, file: model.file }, manifests.get(id), place, historyDir));
    }
  }
  let weakenedGates: WeakenedGate[] | undefined;
  if (options.base !== undefined) {
    const anchored = await checkAgainstBase({
      cwd,
      policyDir,
      revision: options.base,
      ...(options.files?.length ? {} : { histories: project.histories }),
      ...(configProblems.length ? {} : { config }),
      ...(configText !== undefined ? { configText } : {}),
    });
    diagnostics.push(...anchored.diagnostics);
    weakenedGates = anchored.weakenedGates;
  }
  for (const file of project.translations) {
    const checked = validateTranslation(file, [...byId.values()]);
    diagnostics.push(...checked.diagnostics);
    if (!checked.translation || !checked.model) continue;
    const { translation } = checked;
    const doc = byId.get(translation.translates)!;
    (doc.workingTranslations ??= []).push({ locale: translation.locale, version: translation.source, file: file.path });
    const frozen = frozenFiles.get(`${translation.translates}/${translation.locale}/${translation.source}`);
    if (frozen !== undefined) {
      // The frozen translation is what was published: the working file may equal it, never replace it.
      if (frozen.text !== file.text) {
        diagnostics.push(
          diagnostic(file.path, placeOfKey(file.yaml!, file.lineCounter, ['source']), 'translation-frozen', 'translation', `The ${translation.locale} translation of ${translation.source} was frozen when it was released, and this file differs from it`, {
            hint: `Released text is never changed. To translate the next version, set \`version:\` in the document to it and \`source:\` here to the same; to undo the edit, copy \`${frozen.path}\` back.`,
          }),
        );
      }
      continue;
    }
    (doc.translations ??= []).push({
      locale: translation.locale,
      version: checked.model.policy.version,
      model: resolve(translatePolicy(checked.model.policy, translation), file.path),
      file: file.path,
      frozen: false,
    });
  }
  const sources = new Map([...project.files, ...project.translations].map((f) => [f.path, f.text]));
  // Config problems are reported at their keys: the text gives them a code frame.
  if (configText !== undefined) sources.set(configFileName, configText);
  for (const history of project.histories) {
    if (history.manifestText !== undefined) sources.set(history.manifestPath, history.manifestText);
  }
  const documents = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (!options.noRules) {
    for (const doc of documents) {
      const parsed = doc.working && project.files.find((f) => f.path === doc.working!.file);
      const history = project.histories.find((h) => h.id === doc.id);
      diagnostics.push(
        ...judgeDocument(
          { ...(doc.working && parsed ? { working: { model: doc.working, parsed } } : {}), releases: doc.releases, ...(history ? { history } : {}) },
          {
            today: options.date ?? today(),
            ...(config.rules ? { severities: config.rules } : {}),
            ...(options.strict ? { strict: true } : {}),
            ...(config.noticeDays !== undefined ? { noticeDays: config.noticeDays } : {}),
            materiality: materialityOverrides(config),
            ...(cache ? { cache } : {}),
          },
        ),
      );
    }
  }
  // Snapshots are many and large: their text is kept only where a diagnostic needs it for a code frame.
  const named = new Set(diagnostics.map((d) => d.file));
  for (const history of project.histories) {
    for (const snapshot of history.snapshots.values()) if (named.has(snapshot.path)) sources.set(snapshot.path, snapshot.parse().text);
  }
  // A cache found unsafe or without its key was not used: said once, as a warning.
  diagnostics.push(...(cache?.diagnostics ?? []));
  return { models: checked.models, documents, diagnostics: sortDiagnostics(diagnostics), sources, config, ...(cache ? { cache } : {}), ...(weakenedGates ? { weakenedGates } : {}) };
}

/** The cache an option names: a folder (relative to `cwd`), a given cache, or none. */
function openCache(option: ProjectOptions['cache'], cwd = process.cwd()): Cache | undefined {
  if (option === undefined || option === false) return undefined;
  if (typeof option !== 'string') return option;
  const dir = path.resolve(cwd, option);
  return diskCache(dir, { root: cwd, display: path.relative(cwd, dir) || dir });
}

/** The cache folder the CLI uses unless told otherwise (`--cache DIR`, `--no-cache`). */
export const defaultCacheDir = 'node_modules/.cache/policyc';

/** Options of `build`. */
export interface BuildOptions extends ValidateOptions {
  /** Output folder (default: `dist`). */
  out?: string;
  /** Folder whose files override the built-in templates by name (default: `templates`, when it exists). */
  templates?: string;
  /** The date the site is built for (YYYY-MM-DD): the version in effect then is the current one (default: today). */
  date?: string;
  /** Also publish a working document that differs from its latest release, under `draft/`. */
  drafts?: boolean;
  /** Absolute URL where the output folder is published (default: `baseUrl` in policyc.config.json, else the controller's website). */
  baseUrl?: string;
}

/** The outcome of `build`. */
export interface BuildResult {
  diagnostics: Diagnostic[];
  /** The text of each policy file read, by its display path (for code frames). */
  sources: Map<string, string>;
  /** Paths written, relative to the output folder, sorted; empty when nothing was written. */
  written: string[];
  /** The output folder, absolute. */
  out: string;
}

/** Today's date in UTC (YYYY-MM-DD): the one place policyc reads the clock. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The outcome of `compile`: the site's files, unless an error prevented them. */
export interface CompileResult {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  files?: SiteFiles;
}

/**
 * Validate the project and compile the site in memory: every file of it, or
 * the diagnostics that prevented it (a document, history, config or
 * template error). `build` writes the result; `serve` serves it.
 */
export async function compile(options: Omit<BuildOptions, 'out'> = {}): Promise<CompileResult> {
  const prepared = await prepareSite(options);
  const done = (diagnostics: Diagnostic[], files?: SiteFiles): CompileResult => ({ diagnostics: sortDiagnostics(diagnostics), sources: prepared.sources, ...(files ? { files } : {}) });
  if (!prepared.compile) return done(prepared.diagnostics);
  const site = prepared.compile(new Map());
  return hasErrors(site.diagnostics) ? done(site.diagnostics) : done(site.diagnostics, site.files);
}

/** A validated project with its templates, ready to compile into an output; or the diagnostics that prevent it. */
interface PreparedSite {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** Compile every file into `output`; the diagnostics returned include validation's. */
  compile?: <T extends SiteOutput>(output: T) => { files: T; diagnostics: Diagnostic[] };
  /** The cache validation opened, for `build` to prune. */
  cache?: Cache;
}

async function prepareSite(options: Omit<BuildOptions, 'out'>): Promise<PreparedSite> {
  const cwd = options.cwd ?? process.cwd();
  const checked = await validate(options);
  const { sources } = checked;
  if (hasErrors(checked.diagnostics)) return { diagnostics: checked.diagnostics, sources };
  const { config } = checked;
  const templates = await loadRenderer(cwd, options.templates, config);
  if (templates.missing) return { diagnostics: [...checked.diagnostics, templates.missing], sources };
  const { renderer } = templates;
  const baseUrl = options.baseUrl ?? config.baseUrl;
  const settings = {
    date: options.date ?? today(),
    drafts: options.drafts ?? false,
    ...(baseUrl ? { baseUrl } : {}),
    materiality: materialityOverrides(config),
    ...(checked.cache ? { cache: checked.cache } : {}),
  };
  return {
    diagnostics: checked.diagnostics,
    sources,
    compile: (output) => {
      const site = compileSite(checked.documents, renderer, settings, output);
      // A cache found unsafe while rendering says so too (sortDiagnostics drops the copy validation already reported).
      return { files: site.files, diagnostics: [...checked.diagnostics, ...site.diagnostics, ...(checked.cache?.diagnostics ?? [])] };
    },
    ...(checked.cache ? { cache: checked.cache } : {}),
  };
}

/**
 * The renderer for a project: the built-in templates overlaid with the
 * templates folder (`templates/` when it exists, or the one named). A named
 * folder that does not exist is reported in `missing`.
 */
async function loadRenderer(cwd: string, templates: string | undefined, config: Config): Promise<{ renderer: Renderer; missing?: Diagnostic }> {
  const overrideDir = path.resolve(cwd, templates ?? 'templates');
  if (leavesProject(overrideDir, cwd)) {
    const shown = path.relative(cwd, overrideDir);
    const outside = diagnostic(shown, fileStart, 'templates-folder-outside', 'templates', `Templates folder \`${shown}\` is a symbolic link that leads out of the project: it was not read`, {
      hint: 'Replace the link with the folder itself, or name a folder outside the project explicitly with `--templates DIR`.',
    });
    return { renderer: createRenderer(await readTemplates([], cwd), { imageHosts: config.images?.allowHosts ?? [] }), missing: outside };
  }
  const overrides = existsSync(overrideDir) ? [overrideDir] : [];
  const renderer = createRenderer(await readTemplates(overrides, cwd), { imageHosts: config.images?.allowHosts ?? [] });
  if (templates === undefined || overrides.length) return { renderer };
  const shown = path.relative(cwd, overrideDir) || overrideDir;
  const missing = diagnostic(shown, fileStart, 'templates-folder-missing', 'templates', `Templates folder \`${shown}\` does not exist`, {
    hint: 'Name an existing folder with `--templates DIR`, or leave the option out to use the built-in templates.',
  });
  return { renderer, missing };
}

/** The folders a build's output must neither be, contain nor sit inside: the project's sources and cache. */
function protectedFolders(options: BuildOptions): ProtectedFolders {
  const cwd = options.cwd ?? process.cwd();
  return {
    cwd,
    sources: [
      { name: 'policy folder', dir: path.resolve(cwd, options.policy ?? 'policy') },
      { name: 'templates folder', dir: path.resolve(cwd, options.templates ?? 'templates') },
      ...(typeof options.cache === 'string' ? [{ name: 'cache folder', dir: path.resolve(cwd, options.cache) }] : []),
    ],
  };
}

function outputRefused(cwd: string, out: string, reason: string): Diagnostic {
  const shown = path.relative(cwd, out) || '.';
  return diagnostic(shown, fileStart, 'output-folder-refused', 'build', `Refusing to build into \`${shown}\`: ${reason}. A build deletes and replaces its output folder; nothing was written`, {
    hint: `Name another folder with \`--out DIR\` (default \`dist\`). policyc replaces only a folder it built (it holds a \`${outputMarker}\` file), an empty folder, or a missing one.`,
  });
}

/**
 * Whether `build` would refuse its output folder (`output-folder-refused`, a
 * usage error: the CLI exits 2): the project folder, the filesystem root, the
 * home folder or a folder holding one of them; the policy, templates or
 * cache folder, a folder holding one or inside one; a file; or a non-empty
 * folder policyc did not build. Undefined when the folder may be replaced.
 */
export function checkOutputFolder(options: BuildOptions = {}): Diagnostic | undefined {
  const cwd = options.cwd ?? process.cwd();
  const out = path.resolve(cwd, options.out ?? 'dist');
  const reason = outputFolderProblem(out, protectedFolders(options));
  return reason ? outputRefused(cwd, out, reason) : undefined;
}

/**
 * Validate the project and compile it into the output folder. Writes
 * nothing when any document, history or template has an error; otherwise
 * replaces the output folder atomically.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const out = path.resolve(cwd, options.out ?? 'dist');
  // A wrong output folder is refused before anything else: the build would delete it.
  const refused = checkOutputFolder(options);
  if (refused) return { diagnostics: [refused], sources: new Map(), written: [], out };
  const prepared = await prepareSite(options);
  const result = { diagnostics: sortDiagnostics(prepared.diagnostics), sources: prepared.sources, written: [] as string[], out };
  if (!prepared.compile) return result;
  let staged: StagedSite;
  try {
    staged = await stageSite(out, protectedFolders(options));
  } catch (error) {
    if (error instanceof OutputRefusedError) return { ...result, diagnostics: sortDiagnostics([...result.diagnostics, outputRefused(cwd, out, error.reason)]) };
    if (!(error instanceof OutputLockedError)) throw error;
    const shown = path.relative(cwd, error.lockFile) || error.lockFile;
    const message =
      error.pid === undefined
        ? `\`${shown}\` is in the way of the lock for \`${path.relative(cwd, out) || out}\` and cannot be taken over; nothing was written`
        : `Another policyc (process ${error.pid}) is writing \`${path.relative(cwd, out) || out}\`; nothing was written`;
    const locked = diagnostic(shown, fileStart, 'build-locked', 'build', message, {
      hint: error.pid === undefined ? `Delete \`${shown}\` and build again.` : `Wait for it to finish and build again. If no policyc is running, delete \`${shown}\`.`,
    });
    return { ...result, diagnostics: sortDiagnostics([...result.diagnostics, locked]) };
  }
  // Pages go to the staging folder as they are rendered; the output folder is replaced only when all are there.
  let site: { files: StagedSite; diagnostics: Diagnostic[] };
  try {
    site = prepared.compile(staged);
  } catch (error) {
    await staged.abort();
    throw error;
  }
  if (hasErrors(site.diagnostics)) {
    await staged.abort();
    return { ...result, diagnostics: sortDiagnostics(site.diagnostics) };
  }
  await staged.commit();
  // Entries no build has used for a while go, so the cache folder does not grow without end (only its own, verified entries).
  if (typeof options.cache === 'string' && prepared.cache && 'prune' in prepared.cache) (prepared.cache as DiskCache).prune();
  return { ...result, diagnostics: sortDiagnostics([...site.diagnostics, ...(prepared.cache?.diagnostics ?? [])]), written: [...staged.keys()].sort() };
}

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
  /** Release even when a translation leaves a material change untranslated (that locale then lacks the new version). */
  allowUntranslated?: boolean;
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

/**
 * Freeze the working document as a new version: validate, compare with the
 * latest release, choose and check the version, then write the snapshot
 * (never over an existing file), the manifest entry, and the working
 * document's new version and effective date. Translations are frozen with
 * it (see `planTranslationRelease`); when the document has not changed, a
 * release freezes the translations finished since their version was released.
 */
export async function release(options: ReleaseOptions = {}): Promise<ReleaseResult> {
  const cwd = options.cwd ?? process.cwd();
  const checked = await validate({ ...options, files: undefined });
  const done = (diagnostics: Diagnostic[], plans: { plan?: ReleasePlan; translations?: TranslationReleasePlan } = {}, written: string[] = []): ReleaseResult => ({
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
    return done([...checked.diagnostics, diagnostic(options.policy ?? 'policy', fileStart, 'release-which-document', 'release', message, { hint: 'Name the document: `policyc release ID`.' })]);
  }
  const doc = candidates[0]!;
  const working = doc.working!;
  const maxBytes = options.maxBytes ?? defaultParseSettings.maxBytes;
  const reparse = async (file: string) => parse(await readSourceFile(path.resolve(cwd, file), maxBytes, file));
  const parsed = await reparse(working.file);
  const policyDir = path.resolve(cwd, options.policy ?? 'policy');
  const historyDir = path.join(historyRoot(policyDir), doc.id);
  const manifestFile = path.join(historyDir, 'manifest.json');
  const manifest = existsSync(manifestFile) ? (JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest) : undefined;
  // First finish or undo what an interrupted release left (pending snapshots), whatever this release then does or refuses.
  if (existsSync(historyDir)) await settleHistory(historyDir, manifest);
  const date = options.today ?? today();
  const planned = planRelease({
    materiality: materialityOverrides(checked.config),
    working,
    text: parsed.text,
    yaml: parsed.yaml!,
    lineCounter: parsed.lineCounter,
    releases: doc.releases,
    manifest,
    ...(options.bump ? { bump: options.bump } : {}),
    ...(options.effective ? { effective: options.effective } : {}),
    today: date,
  });
  // With nothing changed in the document, the release may still freeze translations.
  const unchanged = 'diagnostics' in planned && planned.diagnostics.every((d) => d.ruleId === 'release-no-changes');
  if ('diagnostics' in planned && !unchanged) return done([...checked.diagnostics, ...planned.diagnostics]);
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
    ...(plan ? { newVersion: { version: plan.version, model: working, file: working.file, ...(plan.changes ? { changes: plan.changes } : {}) } } : {}),
    today: date,
    ...(options.allowUntranslated ? { allowUntranslated: true } : {}),
  });
  if ('diagnostics' in translationPlanned) return done([...checked.diagnostics, ...translationPlanned.diagnostics]);
  const translations = translationPlanned.plan;
  if (!plan && translations.freezes.length === 0) return done([...checked.diagnostics, ...('diagnostics' in planned ? planned.diagnostics : [])]);

  const nextManifest: Manifest = { ...(plan?.manifest ?? manifest!), ...(translations.entries.length ? { translations: translations.entries } : {}) };
  const snapshots = [...(plan ? [{ file: plan.entry.file, text: plan.snapshot, what: `Version ${plan.version}` }] : []), ...translations.freezes.map((f) => ({ file: f.entry.file, text: f.snapshot, what: `The ${f.entry.locale} translation of ${f.entry.version}` }))];
  await mkdir(historyDir, { recursive: true });
  const existing = snapshots.find((snapshot) => existsSync(path.join(historyDir, snapshot.file)));
  if (existing) {
    return done([
      ...checked.diagnostics,
      diagnostic(path.relative(cwd, path.join(historyDir, existing.file)), fileStart, 'release-version-exists', 'release', `${existing.what} is already released`, {
        hint: 'Released versions are never overwritten: choose a higher version.',
      }),
    ]);
  }
  // Write-ahead: the snapshots go in as `.pending` files, the manifest's replacement is the commit, then they take their names.
  // Killed before the commit, the pending files are ignored and removed by the next release; killed after it, readers take
  // them as the snapshots the manifest records and the next release renames them. Either way snapshot and entry go together.
  for (const snapshot of snapshots) await writeFile(path.join(historyDir, `${snapshot.file}${pendingSuffix}`), snapshot.text, { flag: 'wx' });
  await replaceFile(manifestFile, serialiseManifest(nextManifest));
  await settleHistory(historyDir, nextManifest);
  const rewritten = [...(plan ? [{ file: working.file, text: plan.working }] : []), ...translations.freezes.flatMap((f) => (f.working ? [f.working] : []))];
  for (const r of rewritten) await replaceFile(path.resolve(cwd, r.file), r.text);
  const written = [...snapshots.map((s) => path.join(historyDir, s.file)), manifestFile, ...rewritten.map((r) => path.resolve(cwd, r.file))].map((f) => path.relative(cwd, f));
  return done(checked.diagnostics, { ...(plan ? { plan } : {}), translations }, written);
}

/**
 * Finish or undo what an interrupted release left in a history folder:
 * pending snapshots the manifest records take their names (link() never
 * replaces a file), others are removed, as are half-written temporary files.
 */
async function settleHistory(historyDir: string, manifest: Manifest | undefined): Promise<void> {
  const recorded = new Set([...(manifest?.releases ?? []), ...(manifest?.translations ?? [])].map((e) => e.file));
  for (const name of await readdir(historyDir)) {
    const file = path.join(historyDir, name);
    if (name.endsWith(pendingSuffix)) {
      const final = name.slice(0, -pendingSuffix.length);
      if (recorded.has(final) && !existsSync(path.join(historyDir, final))) await link(file, path.join(historyDir, final));
      await rm(file, { force: true });
    } else if (/\.tmp-\d+$/.test(name)) {
      await rm(file, { force: true });
    }
  }
}

/** Write a file by writing a sibling and renaming it over the original, so readers never see half of it. */
async function replaceFile(file: string, content: string): Promise<void> {
  const staged = `${file}.tmp-${process.pid}`;
  await writeFile(staged, content);
  await rename(staged, file);
}

/** Options of `diff`. */
export interface DiffOptions extends ProjectOptions {
  /** What to compare from: a released version (`1.0.0`), a file path, or `git:REV` (default: the latest release). */
  from?: string;
  /** What to compare to: the same forms (default: the working document). */
  to?: string;
  /** The document (default: the only one). */
  document?: string;
  /**
   * A git revision (a pull request's base): the history there must be a
   * prefix of the history now, config changes since then that loosen a
   * check are listed first in the change set (`weakenedGates`), and FROM
   * defaults to `git:REV`.
   */
  base?: string;
}

/** The outcome of `diff`. */
export interface DiffResult {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  changes?: ChangeSet;
}

/** Compare two versions of a policy: released versions, files, or git revisions of the working document. */
export async function diff(options: DiffOptions = {}): Promise<DiffResult> {
  const cwd = options.cwd ?? process.cwd();
  const checked = await validate({ ...options, files: undefined, noRules: true });
  const sources = checked.sources;
  const failWith = (diagnostics: Diagnostic[]) => ({ diagnostics: sortDiagnostics(diagnostics), sources });
  const historyErrors = checked.diagnostics.filter((d) => d.severity === 'error' && (d.source === 'history' || d.source === 'config'));
  if (historyErrors.length) return failWith(historyErrors);
  const docs = checked.documents.filter((d) => !options.document || d.id === options.document);
  if (docs.length !== 1) {
    return failWith([
      diagnostic(options.policy ?? 'policy', fileStart, 'diff-which-document', 'diff', docs.length ? 'Several documents: name one with `--document ID`' : 'No such document', {
        hint: 'Run `policyc validate` to list the documents.',
      }),
    ]);
  }
  const doc = docs[0]!;
  const side = async (ref: string | undefined, fallback: 'latest' | 'working'): Promise<{ label: string; policy: Policy } | Diagnostic[]> => {
    if (ref === undefined) {
      if (fallback === 'working') {
        if (doc.working) return { label: 'working copy', policy: doc.working.policy };
        return checked.diagnostics.filter((d) => d.severity === 'error');
      }
      const latest = doc.releases[doc.releases.length - 1];
      if (latest) return { label: latest.entry.version, policy: latest.model.policy };
      return [diagnostic(doc.working?.file ?? 'policy', fileStart, 'diff-no-release', 'diff', `\`${doc.id}\` has no release to compare with`, { hint: 'Name what to compare: `policyc diff FROM TO`, or release a first version with `policyc release`.' })];
    }
    const released = doc.releases.find((r) => r.entry.version === ref);
    if (released) return { label: ref, policy: released.model.policy };
    if (ref.startsWith('git:')) return readGitRevision(ref.slice(4), doc, cwd);
    if (/^\d+\.\d+\.\d+$/.test(ref)) {
      return [diagnostic(doc.working?.file ?? 'policy', fileStart, 'diff-unknown-version', 'diff', `Version ${ref} is not released`, { hint: `Released versions: ${doc.releases.map((r) => r.entry.version).join(', ') || 'none'}.` })];
    }
    return readPolicyFile(path.resolve(cwd, ref), path.relative(cwd, path.resolve(cwd, ref)) || ref, ref);
  };
  const from = await side(options.from ?? (options.base !== undefined ? `git:${options.base}` : undefined), 'latest');
  const to = await side(options.to, 'working');
  const problems = [...(Array.isArray(from) ? from : []), ...(Array.isArray(to) ? to : [])];
  if (problems.length || Array.isArray(from) || Array.isArray(to)) return failWith(problems);
  const changes = diffPolicies(from.policy, to.policy, { from: from.label, to: to.label }, materialityOverrides(checked.config));
  // A loosened check heads the change set: it is what a reviewer must see first.
  return { diagnostics: [], sources, changes: checked.weakenedGates?.length ? { weakenedGates: checked.weakenedGates, ...changes } : changes };
}

async function readPolicyFile(file: string, shown: string, label: string): Promise<{ label: string; policy: Policy } | Diagnostic[]> {
  if (!existsSync(file)) {
    return [diagnostic(shown, fileStart, 'diff-unknown-ref', 'diff', `\`${label}\` is neither a released version, a file, nor a git revision (\`git:REV\`)`, { hint: 'Use a released version such as `1.0.0`, a path to a policy file, or `git:origin/main`.' })];
  }
  const bytes = await readFile(file);
  return checkedPolicy(parse({ path: shown, bytes, size: bytes.length }), label);
}

function checkedPolicy(parsed: ParsedFile, label: string): { label: string; policy: Policy } | Diagnostic[] {
  const errors = validateFile(parsed, { snapshot: true }).filter((d) => d.severity === 'error');
  if (errors.length || !parsed.data) return errors;
  return { label, policy: resolve(parsed.data as unknown as Policy, parsed.path).policy };
}

/** Read the working document as it was at a git revision, with real git. */
async function readGitRevision(revision: string, doc: VersionedDocument, cwd: string): Promise<{ label: string; policy: Policy } | Diagnostic[]> {
  const file = doc.working?.file ?? `policy/${doc.id}.yaml`;
  const label = `git:${revision}`;
  const fail = (message: string, hint: string) => [diagnostic(file, fileStart, 'diff-git', 'diff', message, { hint })];
  const opened = await openRevision(cwd, revision);
  if (isGitProblem(opened)) {
    const { message, hint } = describeGitProblem(opened, cwd);
    return fail(message, `${hint} Or compare a file or a released version instead.`);
  }
  // A path git cannot read at the revision (outside the repository) is as good as absent there.
  const bytes = await opened.readFile(path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/')).catch(() => undefined);
  if (!bytes) return fail(`\`${file}\` does not exist at git revision \`${revision}\``, 'Compare with a revision that has the document.');
  return checkedPolicy(parse({ path: `${label}:${file}`, bytes, size: bytes.length }), label);
}

/** Options of `notify`. */
export interface NotifyOptions extends ProjectOptions {
  /** The released version compared from (default: the one before `to`). */
  from?: string;
  /** The released version announced (default: the newest). */
  to?: string;
  document?: string;
  /** Folder to write `subject.txt`, `email.html`, `email.txt` and `email.eml` into. */
  out?: string;
  /**
   * Send through this SMTP server: `smtps://[USER:PASSWORD@]HOST[:PORT]` (TLS)
   * or `smtp://[USER:PASSWORD@]HOST[:PORT]` (STARTTLS, required unless the host
   * is this machine or `insecureSmtp`). Messages never show the user or password.
   */
  send?: string;
  /** Allow plain SMTP to another machine (a relay that needs no password); a URL with a password is still refused. */
  insecureSmtp?: boolean;
  /** The recipient when sending. */
  recipient?: string;
  /** Absolute URL where the site is published (default: config, else the controller's website). */
  baseUrl?: string;
  /** Folder whose files override the built-in templates (default: `templates`, when it exists). */
  templates?: string;
  /** The readers' language: the document's own locale (default) or one the announced version is translated into. */
  locale?: string;
}

/** The outcome of `notify`. */
export interface NotifyResult {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  notification?: Notification;
  written: string[];
  sent?: { messageId: string; accepted: string[] };
}

/** Render the notification e-mail announcing one released version, write it, and send it over SMTP when asked. */
export async function notify(options: NotifyOptions = {}): Promise<NotifyResult> {
  const cwd = options.cwd ?? process.cwd();
  const checked = await validate({ ...options, files: undefined, noRules: true });
  const done = (diagnostics: Diagnostic[], rest: Partial<NotifyResult> = {}): NotifyResult => ({
    diagnostics: sortDiagnostics(diagnostics),
    sources: checked.sources,
    written: [],
    ...rest,
  });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error' && (d.source === 'history' || d.source === 'config'));
  if (errors.length) return done(errors);
  const docs = checked.documents.filter((d) => d.releases.length && (!options.document || d.id === options.document));
  const problem = (ruleId: string, message: string, hint: string) => done([diagnostic(options.policy ?? 'policy', fileStart, ruleId, 'notify', message, { hint })]);
  if (docs.length !== 1) return problem('notify-which-document', docs.length ? 'Several documents: name one with `--document ID`' : 'No released document to announce', 'Release a version first with `policyc release`.');
  const doc = docs[0]!;
  const find = (version: string | undefined, fallback: number) => (version === undefined ? doc.releases[fallback] : doc.releases.find((r) => r.entry.version === version));
  const to = find(options.to, doc.releases.length - 1);
  const from = options.from === undefined && to ? doc.releases[doc.releases.indexOf(to) - 1] : find(options.from, -1);
  if (!to || !from) {
    const known = doc.releases.map((r) => r.entry.version).join(', ');
    return problem('notify-unknown-version', `Cannot announce ${options.from ?? '(previous)'} to ${options.to ?? '(newest)'}: both must be released versions, the second after the first`, `Released versions: ${known}.`);
  }
  const { config } = checked;
  const { renderer, missing } = await loadRenderer(cwd, options.templates, config);
  if (missing) return done([missing]);
  const baseUrl = (options.baseUrl ?? config.baseUrl ?? to.model.policy.controller.website?.url ?? 'https://example.invalid/').replace(/\/?$/, '/');
  const locale = options.locale ?? to.model.policy.locale;
  const input = announcement(doc, { from, to }, diffPolicies(from.model.policy, to.model.policy, undefined, materialityOverrides(config)), {
    locale,
    messages: renderer.messages(locale),
    baseUrl,
    ...(config.mail ? { headers: config.mail } : {}),
  });
  if (!input) {
    const locales = [`\`${to.model.policy.locale}\` (the document’s own)`, ...(doc.translations ?? []).filter((tr) => tr.version === to.entry.version).map((tr) => `\`${tr.locale}\``)];
    return problem('notify-unknown-locale', `Version ${to.entry.version} has no translation into \`${locale}\` to announce it in`, `Locales of ${to.entry.version}: ${locales.join(', ')}.`);
  }
  const notification = renderNotification(input, renderer);
  if (!notification) return done(renderer.diagnostics);
  const written: string[] = [];
  if (options.out) {
    const out = path.resolve(cwd, options.out);
    await mkdir(out, { recursive: true });
    for (const [name, content] of notificationFiles(notification)) {
      await replaceFile(path.join(out, name), content);
      written.push(path.relative(cwd, path.join(out, name)));
    }
  }
  let sent: NotifyResult['sent'];
  if (options.send) {
    if (!options.recipient) return problem('notify-no-recipient', '`--send` needs a recipient', 'Add `--to ADDRESS`.');
    // The URL may hold a password: every message shows it without.
    const shown = redactUrl(options.send);
    let server: SmtpServer;
    try {
      server = readSmtpUrl(options.send);
    } catch (error) {
      return done([diagnostic(shown, fileStart, 'notify-send-failed', 'notify', error instanceof Error ? error.message : String(error), { hint: 'Give the server as `smtps://USER:PASSWORD@HOST:PORT` or `smtp://HOST:PORT`, the user and password %-encoded.' })], { notification, written });
    }
    const insecure = insecureSmtpProblem(server, options.insecureSmtp ?? false);
    if (insecure) {
      return done([diagnostic(shown, fileStart, 'notify-smtp-insecure', 'notify', insecure, { hint: 'Leave out `--insecure-smtp` (STARTTLS is then required), or use `smtps://`.' })], { notification, written });
    }
    try {
      sent = await sendNotification(notification, { smtp: options.send, to: options.recipient, ...(options.insecureSmtp ? { insecure: true } : {}), ...(config.mail?.from ? { from: config.mail.from } : {}) });
    } catch (error) {
      const reason = scrubCredentials(error instanceof Error ? error.message : String(error), server.auth);
      return done([diagnostic(shown, fileStart, 'notify-send-failed', 'notify', `Sending through ${shown} failed: ${reason}`, { hint: 'Check that the SMTP server is running, accepts mail from this machine, and that the user and password are right. A server other than this machine must offer TLS (`smtps://`, or STARTTLS).' })], { notification, written });
    }
  }
  return done([], { notification, written, ...(sent ? { sent } : {}) });
}

export type { Release, VersionedDocument };
