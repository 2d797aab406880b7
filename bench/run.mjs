// `npm run bench`: measures policyc as it is (cold processes on the sample,
// builds of large synthetic projects, in-process diff and validate) against
// the baselines and targets of issue 6, prints a table and writes every
// figure to bench/results.json.
//
//   node bench/run.mjs [--smoke] [--out FILE] [--work DIR] [--seed N] [--budget SECONDS]
//
// --smoke: tiny projects and one run of everything, to check the harness works.
// --budget: time allowed for the runs of each slow measurement (default 600 s):
//   more runs of the large builds fit as they get faster.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureProject, ensureSample, generatorVersion, repoRoot } from './generate.mjs';
import { repeat, runProcess, usageMethod } from './measure.mjs';
import { checks, figures, judge } from './plan.mjs';
import { measureServeEdits } from './serve-edit.mjs';

const { values: options } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(repoRoot, 'bench/results.json') },
    work: { type: 'string', default: path.join(repoRoot, 'bench/.work') },
    seed: { type: 'string', default: '1' },
    budget: { type: 'string', default: '600' },
  },
});

const node = process.execPath;
const bin = path.join(repoRoot, 'lib/cli/bin.js');
const work = path.resolve(options.work);
const runsDir = path.join(work, options.smoke ? 'runs-smoke' : 'runs');
const log = (message) => process.stderr.write(`${message}\n`);

/** Project sizes and repeat settings: `fast` for processes of milliseconds, `slow` for builds of minutes. */
const modes = {
  full: {
    large: 'large',
    large50: 'large-50',
    fast: { warmup: 3, minRuns: 5, maxRuns: 20, budgetMs: 20_000 },
    medium: { warmup: 1, minRuns: 3, maxRuns: 10, budgetMs: 40_000 },
    slow: { warmup: 1, minRuns: 1, maxRuns: 5, budgetMs: Number(options.budget) * 1000, slowMs: 60_000 },
    // Figures without a target get less time when they are slow.
    slowInformative: { warmup: 1, minRuns: 1, maxRuns: 3, budgetMs: 180_000, slowMs: 60_000 },
    probe: { warmup: 3, maxRuns: 20, budgetMs: 20_000 },
    // Edits saved while `policyc serve` runs: the first ones compile the draft's templates.
    serve: { warmup: 3, runs: 11 },
  },
  // One tiny project plays both large roles: the smoke run checks the harness, not the figures.
  smoke: {
    large: 'tiny',
    large50: 'tiny',
    fast: { warmup: 0, maxRuns: 1 },
    medium: { warmup: 0, maxRuns: 1 },
    slow: { warmup: 0, maxRuns: 1 },
    slowInformative: { warmup: 0, maxRuns: 1 },
    probe: { warmup: 0, maxRuns: 1 },
    serve: { warmup: 0, runs: 1 },
  },
};
const mode = options.smoke ? modes.smoke : modes.full;

// ---- Figures --------------------------------------------------------------

const outDir = (key) => path.join(runsDir, key, 'out');
const commandLine = (args) => ['node', ...args.map((a) => (a === bin ? 'lib/cli/bin.js' : a))].join(' ');

/** A figure measured as whole processes of `node ARGS` in `cwd`, each after `setup`. */
async function processFigure(settings, args, cwd, setup) {
  const summary = await repeat(settings, () => runProcess(node, args, { cwd }), setup);
  return { ...summary, command: commandLine(args) };
}

/** Where a build figure keeps its cache: emptied before each run, so that every run renders everything. */
const cacheDir = (key) => path.join(runsDir, key, 'cache');

/** A `policyc build` of a project into a fresh, empty output folder with an empty cache: the whole site is rendered and written. */
function buildFigure(settings, key, project) {
  const out = outDir(key);
  const cache = cacheDir(key);
  return processFigure(
    settings,
    [bin, 'build', '--out', out, '--cache', cache, '--date', project.meta.buildDate],
    project.project,
    async () => {
      rmSync(out, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    },
  );
}

/** A `policyc build` into an empty output folder with the cache a first, untimed build filled: what CI runs with its cache restored. */
async function warmBuildFigure(settings, key, project) {
  const out = outDir(key);
  const cache = cacheDir(key);
  const args = [bin, 'build', '--out', out, '--cache', cache, '--date', project.meta.buildDate];
  rmSync(cache, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  await runProcess(node, args, { cwd: project.project });
  return processFigure(settings, args, project.project, async () => rmSync(out, { recursive: true, force: true }));
}

/**
 * A build after one more release: a fresh copy of the large project with its
 * next edit (the document and its translations) released with `policyc
 * release`, and copies of the full build's cache and output, built again
 * into that output with that cache. Only the build is timed.
 */
function rebuildFigure(ctx) {
  const dir = path.join(runsDir, 'rebuild-large');
  const project = path.join(dir, 'project');
  const { large } = ctx;
  const setup = async () => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(large.project, project, { recursive: true });
    const { id, next } = large.meta;
    copyFileSync(path.join(large.dir, next.file), path.join(project, 'policy', `${id}.yaml`));
    for (const [locale, file] of Object.entries(next.translations))
      copyFileSync(path.join(large.dir, file), path.join(project, 'policy', `${id}.${locale}.yaml`));
    // The cache and output of the full build, as a project that has just been built has them.
    cpSync(cacheDir('build-large'), path.join(dir, 'cache'), { recursive: true });
    cpSync(outDir('build-large'), path.join(dir, 'out'), { recursive: true });
    // Released (`--released`) with the 30 days' notice its material changes need before it takes effect, and
    // never after today, which `release` refuses (the generated history runs years ahead; the notice then only grows).
    const noticed = new Date(Date.parse(`${large.meta.next.effective}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const released = noticed < today ? noticed : today;
    await runProcess(
      node,
      [bin, 'release', '--effective', large.meta.next.effective, '--released', released, '--cache', path.join(dir, 'cache')],
      { cwd: project },
    );
  };
  return processFigure(
    mode.slow,
    [bin, 'build', '--out', path.join(dir, 'out'), '--cache', path.join(dir, 'cache'), '--date', large.meta.buildDate],
    project,
    setup,
  );
}

/** An in-process measurement, run by probe.mjs in a process of its own. */
async function probeFigure(task, project) {
  const { warmup, maxRuns, budgetMs } = mode.probe;
  const args = [
    path.join(repoRoot, 'bench/probe.mjs'),
    task,
    project.project,
    '--date',
    project.meta.buildDate,
    '--warmup',
    String(warmup),
    '--max-runs',
    String(maxRuns),
    '--budget-ms',
    String(budgetMs),
  ];
  const { stdout } = await runProcess(node, args, { cwd: repoRoot });
  return { ...JSON.parse(stdout), command: `node bench/probe.mjs ${task} (${project.meta.size})` };
}

/**
 * The live preview: `policyc serve` on a copy of the sample, each edit a real
 * save of the working document, timed until a GET sent after the reload event
 * returns the draft page with the new text (see serve-edit.mjs).
 */
async function serveFigure(project) {
  const { warmup, runs } = mode.serve;
  const summary = await measureServeEdits({
    node,
    bin,
    project: project.project,
    dir: path.join(runsDir, 'serve-edit-sample'),
    id: 'privacy',
    date: project.meta.buildDate,
    warmup,
    runs,
  });
  return {
    ...summary,
    command: `node lib/cli/bin.js serve --port 0 --date ${project.meta.buildDate}, ${runs} edits of policy/privacy.yaml`,
  };
}

/** The first executable of that name on PATH. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    if (dir && existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/** Every `.md` file below a folder. */
function markdownPages(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** pandoc converting the sample build's Markdown pages to HTML, one process per page (what a pandoc-based site build does). */
async function pandocFigure() {
  const pandoc = onPath('pandoc');
  if (!pandoc) return { skipped: true, reason: 'pandoc is not on PATH' };
  const pages = markdownPages(outDir('build-sample'));
  const target = path.join(runsDir, 'pandoc-sample', 'page.html');
  mkdirSync(path.dirname(target), { recursive: true });
  const once = async () => {
    const total = { ms: 0, cpuMs: 0, maxRssBytes: 0 };
    for (const page of pages) {
      const run = await runProcess(pandoc, ['--from', 'gfm', '--to', 'html', '--output', target, page], { cwd: repoRoot });
      total.ms += run.ms;
      total.cpuMs = run.cpuMs === null || total.cpuMs === null ? null : total.cpuMs + run.cpuMs;
      total.maxRssBytes = Math.max(total.maxRssBytes, run.maxRssBytes ?? 0);
    }
    return total;
  };
  return { ...(await repeat(mode.medium, once)), pages: pages.length, command: `pandoc --from gfm --to html, ${pages.length} pages` };
}

/** How each figure is measured, by key (the keys and order are plan.mjs's). */
const measurers = {
  'node-e-0': (ctx) => processFigure(mode.fast, ['-e', '0'], ctx.sample.project),
  version: (ctx) => processFigure(mode.fast, [bin, '--version'], ctx.sample.project),
  'validate-sample': (ctx) => processFigure(mode.medium, [bin, 'validate', '--date', ctx.sample.meta.buildDate], ctx.sample.project),
  'build-sample': (ctx) => buildFigure(mode.medium, 'build-sample', ctx.sample),
  'build-sample-warm': (ctx) => warmBuildFigure(mode.medium, 'build-sample-warm', ctx.sample),
  'serve-edit-sample': (ctx) => serveFigure(ctx.sample),
  'pandoc-sample': () => pandocFigure(),
  'yaml-floor-large': (ctx) =>
    processFigure(
      mode.medium,
      [path.join(repoRoot, 'bench/yaml-floor.mjs'), ctx.large.project, path.join(runsDir, 'yaml-floor', 'out')],
      repoRoot,
    ),
  'build-large': (ctx) => buildFigure(mode.slow, 'build-large', ctx.large),
  'build-large-50': (ctx) => buildFigure(mode.slow, 'build-large-50', ctx.large50),
  'rebuild-large': (ctx) => rebuildFigure(ctx),
  'diff-large': (ctx) => probeFigure('diff', ctx.large),
  'validate-large': (ctx) => probeFigure('validate', ctx.large),
  'diff-command-large': (ctx) => {
    const [from, to] = ctx.large.meta.versions.slice(-2);
    return processFigure(mode.slowInformative, [bin, 'diff', from, to, '--format', 'json'], ctx.large.project);
  },
};

// ---- Report ---------------------------------------------------------------

function formatMs(ms) {
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

const times = (ratio) => `${ratio.toFixed(ratio < 10 ? 2 : 1)}×`;

const formatMB = (bytes) => (typeof bytes === 'number' ? `${Math.round(bytes / 1024 / 1024)} MB` : '—');

function runsText(m) {
  return `${m.runs}${m.warmupCounted ? ' (warm-up counted)' : m.warmups ? ` (+${m.warmups} warm-up)` : ''}`;
}

/** One table row per check, and one for each figure that has no check. */
function tableRows(measured, judged) {
  const rows = [];
  for (const figure of figures) {
    const m = measured[figure.key];
    const own = judged.filter((c) => c.figure === figure.key);
    const base = {
      measurement: figure.label,
      runs: m.skipped ? '—' : runsText(m),
      median: m.skipped ? `skipped: ${m.reason}` : formatMs(m.medianMs),
      cpu: m.skipped || m.medianCpuMs === null ? '—' : formatMs(m.medianCpuMs),
      peak: m.skipped ? '—' : formatMB(m.peakRssBytes),
    };
    if (!own.length) rows.push({ ...base, ratio: '', target: figure.baseline ? '(a baseline)' : '', met: '' });
    for (const check of own) {
      const baseline = figures.find((f) => f.key === check.baseline);
      const ratio =
        check.ratio === null
          ? check.baseline
            ? `— (no ${baseline.baseline})`
            : ''
          : `${times(check.ratio)} ${baseline.baseline}${check.cpuRatio === null ? '' : ` (CPU ${times(check.cpuRatio)})`}`;
      const met = check.met === null ? (check.target ? 'n/a' : '') : check.met ? 'met' : 'NOT MET';
      rows.push({ ...base, ratio, target: check.target ?? '', met });
    }
  }
  return rows;
}

function printTable(rows) {
  const columns = [
    ['measurement', 'measurement'],
    ['runs', 'runs'],
    ['median', 'median (wall)'],
    ['cpu', 'CPU (user+sys)'],
    ['peak', 'peak RSS'],
    ['ratio', 'ratio to baseline'],
    ['target', 'target'],
    ['met', 'met'],
  ];
  const widths = columns.map(([key, title]) => Math.max(title.length, ...rows.map((r) => String(r[key]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  const out = [
    line(columns.map(([, title]) => title)),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map((r) => line(columns.map(([key]) => r[key]))),
  ];
  process.stdout.write(`\n${out.join('\n')}\n`);
}

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? null,
    totalMemoryBytes: os.totalmem(),
    usageMethod,
    loadAverage: os.loadavg(),
  };
}

/** The git commit and whether the tree differs from it: the figures are of the working tree, as compiled into lib/. */
function gitState() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', '--', 'src', 'templates', 'schema') !== '' };
  } catch {
    return { commit: null, dirty: null };
  }
}

/** A hash of the compiled library (lib/): what was measured, to tell runs of different code apart. */
function libraryHash() {
  const hash = createHash('sha256');
  const lib = path.join(repoRoot, 'lib');
  for (const file of readdirSync(lib, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.js')) hash.update(file).update(readFileSync(path.join(lib, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** A project's metadata for the results, without the long list of versions. */
function projectSummary({ dir, meta }) {
  const { versions, validation, ...rest } = meta;
  return { dir, ...rest, versionCount: versions.length, newest: versions.slice(-2), warnings: validation?.warnings ?? null };
}

// ---- Main -----------------------------------------------------------------

async function main() {
  const started = new Date();
  const loadBefore = os.loadavg();
  const libraryBefore = libraryHash();
  const seed = Number(options.seed);
  const ctx = {
    sample: await ensureSample({ work }),
    large: await ensureProject({ size: mode.large, seed, work, log }),
    large50: await ensureProject({ size: mode.large50, seed, work, log }),
  };
  const measured = {};
  for (const figure of figures) {
    log(`measuring: ${figure.label}`);
    measured[figure.key] = { label: figure.label, ...(await measurers[figure.key](ctx)) };
    const m = measured[figure.key];
    log(
      m.skipped
        ? `  skipped: ${m.reason}`
        : `  median ${formatMs(m.medianMs)} over ${runsText(m)} run(s), peak ${formatMB(m.peakRssBytes)}`,
    );
  }
  const judged = checks.map((c) => judge(c, measured));
  if (options.smoke)
    process.stdout.write(
      `\nSmoke run: the large projects are the tiny one (${ctx.large.meta.versions.length} versions); the figures mean nothing.\n`,
    );
  printTable(tableRows(measured, judged));
  const library = { ...gitState(), lib: libraryBefore, libAfter: libraryHash() };
  const notes = [
    ...(library.lib !== library.libAfter ? ['lib/ was recompiled during the run: the figures mix two versions of policyc.'] : []),
    'Builds "with an empty cache" get a fresh cache folder (`--cache`) and output folder on every run; the rebuild starts from a copy of the full build\'s.',
    'Peak memory is the largest maximum resident set size of the measured processes (for in-process figures, of the probe process, which also loads the inputs).',
    'Targets are judged on wall time; CPU time (user + system, median) and its ratio are shown too, as they change less when the machine is busy.',
    ...(measured['pandoc-sample'].skipped ? ['pandoc is not on PATH: the "faster than pandoc" target is not judged.'] : []),
  ];
  for (const note of notes) process.stdout.write(`\n* ${note}`);
  process.stdout.write('\n');
  const results = {
    mode: options.smoke ? 'smoke' : 'full',
    startedAt: started.toISOString(),
    durationS: Math.round((Date.now() - started.getTime()) / 1000),
    // Other work on the machine skews timings: the load average before and after tells whether it was quiet.
    machine: { ...machine(), loadAverageBefore: loadBefore },
    library,
    generator: { version: generatorVersion, seed },
    projects: { sample: projectSummary(ctx.sample), large: projectSummary(ctx.large), large50: projectSummary(ctx.large50) },
    figures: measured,
    checks: judged,
    notes,
  };
  mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), path.resolve(options.out))}`);
}

await main();
