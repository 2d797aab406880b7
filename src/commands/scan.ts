import path from 'node:path';
import type { ScanSettings } from '../config/config.js';
import { isCollection, isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { diagnostic, fileStart, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { replaceFile } from '../history/write-ahead.js';
import { leavesProject } from '../load/inside-project.js';
import { locate, placeOfKey, placeOfPath } from '../load/positions.js';
import { sourceText } from '../load/parse.js';
import { lstatOrUndefined, readRegularFile } from '../load/read-safely.js';
import { checkProject } from '../project/check.js';
import { openProject } from '../project/open.js';
import { today, type ProjectOptions } from '../project/options.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { compareObservation } from '../scan/compare.js';
import { shippedCookieDatabase } from '../scan/cookie-database.js';
import { declared } from '../scan/declared.js';
import { fixDocument, type FixResult } from '../scan/fix.js';
import { readHar } from '../scan/har.js';
import type { Observation } from '../scan/observation.js';
import { forTerminal } from '../text/control.js';
import { defined, type CommandContext } from './context.js';

export { definition } from './definitions/scan.js';

/** Options of `scan`. */
export interface ScanOptions extends ProjectOptions {
  /** The pages to start from (default: `scan.urls` in policyc.config.json). */
  urls?: readonly string[];
  /** A HAR file to read instead of loading pages. */
  har?: string;
  /** The consent button's CSS selector (default: `scan.accept`). */
  accept?: string;
  /** Links followed from each URL (default: `scan.depth`, else 1). */
  depth?: number;
  /** The most pages loaded (default: `scan.maxPages`, else 20). */
  maxPages?: number;
  /** Add entries for what is undeclared to the working document, marked for review. */
  fix?: boolean;
  /** The document compared, when the policy folder has several. */
  document?: string;
  /** The scan's date (YYYY-MM-DD), for the law in force (default: today). */
  date?: string;
  /** Warnings count as errors. */
  strict?: boolean;
  /** The Chromium executable (default: as the browser module finds it). */
  chromium?: string;
  /** Called as pages are loaded: how many were, how many wait, the one loading. */
  onProgress?: (visited: number, queued: number, url: string) => void;
  /** What was observed elsewhere (another crawler, a test), compared instead of loading pages or reading a HAR. */
  observation?: Observation;
}

/** The outcome of `scan`. */
export interface ScanResult {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** What was observed, when something was. */
  observation?: Observation;
  /** The id of the document compared. */
  document?: string;
  /** The entries `fix` added. */
  added: FixResult['added'];
  /** The files written (`fix`). */
  written: string[];
}

/** The crawl's limits when neither the options nor the config set them. */
const defaultDepth = 1;
const defaultMaxPages = 20;

/**
 * Observe a site (in a headless browser, or from a HAR file) and compare what
 * it sets and contacts with what its document declares; with `fix`, declare
 * what is missing in the working document, marked for review.
 */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const { files: _files, ...whole } = options;
  const project = await openProject(whole);
  const checked = await checkProject(project, { ...whole, noRules: true });
  const sources = checked.sources;
  const done = (diagnostics: Diagnostic[], rest: Partial<ScanResult> = {}): ScanResult => ({
    diagnostics: sortDiagnostics(options.strict ? diagnostics.map(strict) : diagnostics),
    sources,
    added: [],
    written: [],
    ...rest,
  });
  const settings = checked.config.scan ?? {};
  const target = scanTarget(options, checked.models, settings);
  if ('message' in target) {
    // A document that is not valid cannot be compared with: its errors say why.
    const errors = target.document ? checked.diagnostics.filter((d) => d.severity === 'error') : [];
    return done(
      errors.length ? errors : [diagnostic(project.policyShown, fileStart, 'scan-usage', 'scan', target.message, { hint: target.hint })],
    );
  }
  const { model, urls } = target;
  const observed = await observe(options, project.cwd, project.display, urls, settings);
  for (const [file, text] of observed.sources) sources.set(file, text);
  if (!observed.observation) return done(observed.diagnostics);
  const observation = observed.observation;
  const date = options.date ?? today();
  const compared = (m: PolicyModel) => compare(m, observation, sources, date);
  const base = { observation, document: model.policy.id };
  const fixed = options.fix ? await fix(model, observation, sources, project.cwd) : {};
  if ('diagnostics' in fixed) return done([...observed.diagnostics, ...fixed.diagnostics, ...compared(model)], base);
  if (!fixed.result) return done([...observed.diagnostics, ...compared(model)], base);
  // The document as written: checked again (schema and references, not the compliance rules), then compared again.
  const again = await checkProject(await openProject(whole), { ...whole, files: [model.file], noRules: true });
  for (const [file, text] of again.sources) sources.set(file, text);
  const after = again.models.find((m) => m.policy.id === model.policy.id);
  const added = addedDiagnostics(model.file, fixed.result, sources.get(model.file) ?? '');
  return done([...observed.diagnostics, ...again.diagnostics, ...added, ...(after ? compared(after) : [])], {
    ...base,
    added: fixed.result.added,
    written: [model.file],
  });
}

/** The document compared and the URLs loaded, or what is wrong with the options (`document`: the problem is which document). */
function scanTarget(
  options: ScanOptions,
  models: readonly PolicyModel[],
  settings: ScanSettings,
): { model: PolicyModel; urls: readonly string[] } | { message: string; hint: string; document?: true } {
  const chosen = models.filter((m) => !options.document || m.policy.id === options.document);
  if (chosen.length !== 1)
    return {
      document: true,
      message: chosen.length
        ? 'Several documents: name the one to compare with `--document ID`'
        : `No valid document${options.document ? ` \`${forTerminal(options.document)}\`` : ''} to compare the site with`,
      hint: `Documents: ${models.map((m) => `\`${m.policy.id}\``).join(', ') || 'none'}.`,
    };
  if (options.har !== undefined && options.urls?.length)
    return { message: 'Give either URLs or `--har FILE`, not both', hint: 'A HAR file records pages already visited: scan it alone.' };
  const urls = options.urls?.length ? options.urls : options.har === undefined ? (settings.urls ?? []) : [];
  const badUrl = urls.find((u) => !/^https?:\/\/[^\s]+$/.test(u));
  if (badUrl !== undefined)
    return { message: `\`${forTerminal(badUrl.slice(0, 200))}\` is not an absolute http(s) URL`, hint: 'Give each page as `https://…`.' };
  if (!options.observation && options.har === undefined && !urls.length)
    return {
      message: 'Nothing to scan',
      hint: 'Give the URLs of pages (`policyc scan https://www.example.com/`), `--har FILE`, or `scan.urls` in policyc.config.json.',
    };
  return { model: chosen[0]!, urls };
}

/** A warning made an error (`--strict`). */
function strict(d: Diagnostic): Diagnostic {
  return d.severity === 'warning' ? { ...d, severity: 'error' } : d;
}

/** The observation: given, read from a HAR, or made by loading the pages in a browser. */
async function observe(
  options: ScanOptions,
  cwd: string,
  display: (file: string) => string,
  urls: readonly string[],
  settings: ScanSettings,
): Promise<{ observation?: Observation; diagnostics: Diagnostic[]; sources: Map<string, string> }> {
  const sources = new Map<string, string>();
  if (options.observation) return { observation: options.observation, diagnostics: [], sources };
  if (options.har !== undefined) {
    const file = path.resolve(cwd, options.har);
    const shown = display(file);
    const read = readHar(file, shown);
    // The HAR's text is kept for code frames only when a diagnostic points into it.
    if (read.diagnostics.length && read.text !== undefined) sources.set(shown, read.text);
    return { ...(read.observation ? { observation: read.observation } : {}), diagnostics: read.diagnostics, sources };
  }
  // playwright-core loads only for a scan of live pages.
  const { observeSite } = await import('../scan/observe-browser.js');
  const accept = options.accept ?? settings.accept;
  const seen = await observeSite({
    urls: [...urls],
    depth: options.depth ?? settings.depth ?? defaultDepth,
    maxPages: options.maxPages ?? settings.maxPages ?? defaultMaxPages,
    ...(accept !== undefined ? { accept } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.chromium !== undefined ? { chromium: options.chromium } : {}),
  });
  return { observation: seen.observation, diagnostics: seen.diagnostics, sources };
}

/** The document's YAML, parsed for places. */
function placesOf(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  // A list (where an undeclared entry belongs) is named by its key; anything else by its value.
  return (segments: readonly string[]) =>
    isCollection(locate(doc, segments).node) ? placeOfKey(doc, lineCounter, segments) : placeOfPath(doc, lineCounter, segments);
}

function compare(model: PolicyModel, observation: Observation, sources: Map<string, string>, date: string): Diagnostic[] {
  const text = sources.get(model.file);
  return compareObservation({
    observation,
    declared: declared(model.policy),
    file: model.file,
    placeOf: text === undefined ? () => fileStart : placesOf(text),
    date,
    database: shippedCookieDatabase(),
  });
}

/**
 * Write the suggested entries into the working document. The file must be
 * the regular file that was validated, unchanged since, in the project (never
 * through a link out of it); it is replaced whole, atomically.
 */
async function fix(
  model: PolicyModel,
  observation: Observation,
  sources: Map<string, string>,
  cwd: string,
): Promise<{ result?: FixResult } | { diagnostics: Diagnostic[] }> {
  const text = sources.get(model.file);
  const file = path.resolve(cwd, model.file);
  const refuse = (message: string) => ({
    diagnostics: [
      diagnostic(model.file, fileStart, 'scan-fix-refused', 'scan', message, {
        hint: 'Nothing was written. Run `policyc scan --fix` again once the file is as validated.',
      }),
    ],
  });
  if (text === undefined) return refuse('The document’s text was not read, so it cannot be fixed');
  if (leavesProject(path.dirname(file), cwd) || lstatOrUndefined(file)?.isFile() !== true)
    return refuse('The document is not a regular file in the project (a link, or a folder leading out of it)');
  const result = fixDocument({ text, observation, declared: declared(model.policy), database: shippedCookieDatabase() });
  if (!result) return {};
  // Compared as validation read it (a byte order mark dropped), and written back with the mark it had.
  const now = readRegularFile(file, Buffer.byteLength(text) + 4);
  if (now.kind !== 'file' || sourceText(now.bytes) !== text) return refuse('The document changed while it was scanned');
  const bom = now.bytes[0] === 0xef && now.bytes[1] === 0xbb && now.bytes[2] === 0xbf ? '\uFEFF' : '';
  await replaceFile(file, bom + result.text);
  return { result };
}

/** One info per entry added, at the entry. */
function addedDiagnostics(file: string, result: FixResult, text: string): Diagnostic[] {
  const placeOf = placesOf(text);
  const doc = parseDocument(text);
  return result.added.map((entry) => {
    const list = entry.list === 'cookies.items' ? ['cookies', 'items'] : ['cookies', 'technologies'];
    const items = doc.getIn(list, true);
    const index = isSeq(items) ? items.items.findIndex((i) => isMap(i) && i.get('id') === entry.id) : -1;
    return diagnostic(
      file,
      placeOf(index === -1 ? list : [...list, String(index)]),
      'scan-fix-added',
      'scan',
      `Added \`${entry.id}\` (\`${forTerminal(entry.name)}\`) to \`${entry.list}\`, marked for review`,
      { severity: 'info', hint: 'Check what its `review` note says, then delete the note.' },
    );
  });
}

/** `policyc scan`: diagnostics on stdout, a progress line on a terminal, and a summary line when there is no error. */
export async function run({ io, options, positionals, format, cache, report }: CommandContext): Promise<number> {
  const progress = format === 'pretty' && Boolean(io.stderr.isTTY);
  const result = await scan(
    defined({
      cwd: io.cwd,
      cache,
      policy: options.policy,
      urls: positionals.length ? positionals : undefined,
      har: options.har,
      accept: options.accept,
      depth: options.depth === undefined ? undefined : Number(options.depth),
      maxPages: options['max-pages'] === undefined ? undefined : Number(options['max-pages']),
      fix: options.fix === 'true',
      document: options.document,
      date: options.date,
      strict: options.strict === 'true',
      chromium: io.env.CHROMIUM_PATH || undefined,
      onProgress: progress
        ? (visited: number, queued: number, url: string) =>
            io.stderr.write(`\r\u001b[K${visited}/${visited + queued} ${forTerminal(url).slice(0, 100)}`)
        : undefined,
    }),
  );
  if (progress && !options.har) io.stderr.write('\r\u001b[K');
  report(result.diagnostics, result.sources, io.stdout);
  if (format === 'pretty' && !hasErrors(result.diagnostics) && result.observation) {
    const o = result.observation;
    const count = (n: number, word: string, words: string) => `${n} ${n === 1 ? word : words}`;
    const added = result.added.length
      ? `; added ${count(result.added.length, 'entry', 'entries')} to ${result.written.join(', ')}, marked for review`
      : '';
    io.stdout.write(
      `✔ scanned ${count(o.pages.length, 'page', 'pages')} (${count(o.cookies.length, 'cookie', 'cookies')}, ${count(o.hosts.length, 'host', 'hosts')}) against \`${result.document}\`${added}\n`,
    );
  }
  return hasErrors(result.diagnostics) ? 1 : 0;
}
