// Where the time of a build goes: runs `policyc build` of a generated project
// under `node --cpu-prof` and summarises the profile: CPU time per pipeline
// stage (inclusive time of the library's stage functions), per area (a
// dependency, or a folder of lib/), and the hottest functions.
//
//   node bench/profile.mjs [--size large] [--seed 1] [--profile FILE.cpuprofile]
//
// --profile summarises an existing profile instead of running a build.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureProject, repoRoot } from './generate.mjs';
import { runProcess } from './measure.mjs';

/**
 * The pipeline's stages, by the library functions that do them (their
 * inclusive CPU time). They are synchronous ones: after an `await`, a V8
 * profile no longer shows the async function that awaited on the stack, so
 * `loadProject`, `validate` or `writeSite` would be under-counted. Garbage
 * collection is not on any stack: it is its own line.
 */
const stages = [
  ['load: parse YAML with positions (every file)', 'parse'],
  ['validate: working documents', 'validateFiles'],
  ['validate: history (snapshots, hashes)', 'verifyHistory'],
  ['validate: translations', 'validateTranslation'],
  ['validate: compliance rules', 'judgeDocument'],
  ['render: the whole site in memory', 'compileSite'],
  ['write: the site to disk (synchronous part)', 'writeSite'],
];
/** Functions inside the stages worth seeing on their own. */
const details = [
  'readHistories',
  'validateFile',
  'validateSchema',
  'validateReferences',
  'validateProse',
  'diffPolicies',
  'wordDiff',
  'redline',
  'redlineHtml',
  'historyPages',
  'pageView',
  'proseToHtml',
  'proseToMarkdown',
  'normaliseMarkdown',
  'renderSummary',
  'renderFragment',
  'policyJsonLd',
  'translatePolicy',
  'resolve',
  'sha256',
];

const { values } = parseArgs({
  options: { size: { type: 'string', default: 'large' }, seed: { type: 'string', default: '1' }, profile: { type: 'string' } },
});

/** Run the build under the profiler; returns the profile's path and the wall time. */
async function profileBuild() {
  const { project, meta } = await ensureProject({ size: values.size, seed: Number(values.seed), log: (m) => console.error(m) });
  const dir = path.join(repoRoot, 'bench/.work/profiles', values.size);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, 'out');
  console.error(`profiling policyc build of the ${values.size} project (${meta.versions.length} versions)...`);
  const run = await runProcess(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, path.join(repoRoot, 'lib/cli/bin.js'), 'build', '--out', out, '--date', meta.buildDate],
    { cwd: project },
  );
  rmSync(out, { recursive: true, force: true });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  return { file: path.join(dir, file), wallMs: run.ms, peakRssBytes: run.maxRssBytes };
}

/** Where a function's code lives: a dependency's name, a folder of policyc's lib/, or Node's internals. */
function areaOf(url) {
  if (!url) return '(native / VM)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  const lib = /\/lib\/([^/]+)\//.exec(url);
  if (lib && url.includes(repoRoot)) return `policyc lib/${lib[1]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

/** Self and inclusive time per function (and self time per area) from a V8 CPU profile. */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n) =>
    `${n.callFrame.functionName || '(anonymous)'} ${path.relative(repoRoot, n.callFrame.url.replace('file://', ''))}:${n.callFrame.lineNumber + 1}`;
  const self = new Map();
  const inclusive = new Map();
  const areas = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    add(self, keyOf(node), ms);
    add(areas, node.callFrame.url ? areaOf(node.callFrame.url) : node.callFrame.functionName || '(native / VM)', ms);
    // Inclusive: every function on the stack, once per sample even when recursive.
    const seen = new Set();
    for (let n = node; n; n = byId.get(parent.get(n.id))) seen.add(keyOf(n));
    for (const key of seen) add(inclusive, key, ms);
  });
  const total = (profile.endTime - profile.startTime) / 1000;
  return { total, self, inclusive, areas };
}

/** The inclusive time of the library's function of that name (the largest, when several share it). */
function timeOf(inclusive, name) {
  let best = 0;
  for (const [key, ms] of inclusive) if (key.startsWith(`${name} lib/`) && ms > best) best = ms;
  return best;
}

const pct = (ms, total) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
const fmt = (ms) => `${(ms / 1000).toFixed(1).padStart(7)} s`;
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);

function report({ total, self, inclusive, areas }, run) {
  const lines = [];
  if (run) lines.push(`build wall time ${fmt(run.wallMs)}, peak RSS ${Math.round(run.peakRssBytes / 1048576)} MB (under the profiler)`);
  lines.push(`profiled time ${fmt(total)}`, '', 'Stages (inclusive CPU time):');
  const stageTimes = stages.map(([label, fn]) => ({ label, fn, ms: timeOf(inclusive, fn) }));
  stageTimes.push({ label: 'garbage collection', fn: '(garbage collector)', ms: areas.get('(garbage collector)') ?? 0 });
  for (const s of stageTimes) lines.push(`  ${fmt(s.ms)} ${pct(s.ms, total)}  ${s.label} (${s.fn})`);
  lines.push('', 'Inside them (inclusive):');
  for (const fn of details) {
    const ms = timeOf(inclusive, fn);
    if (ms > total / 1000) lines.push(`  ${fmt(ms)} ${pct(ms, total)}  ${fn}`);
  }
  lines.push('', 'By area (self time):');
  for (const [area, ms] of top(areas, 15)) lines.push(`  ${fmt(ms)} ${pct(ms, total)}  ${area}`);
  lines.push('', 'Hottest functions (self time):');
  for (const [fn, ms] of top(self, 25)) lines.push(`  ${fmt(ms)} ${pct(ms, total)}  ${fn}`);
  lines.push('', 'Library functions with the most inclusive time:');
  for (const [fn, ms] of top(new Map([...inclusive].filter(([k]) => / lib\//.test(k))), 25))
    lines.push(`  ${fmt(ms)} ${pct(ms, total)}  ${fn}`);
  return { text: lines.join('\n'), stageTimes };
}

const run = values.profile ? undefined : await profileBuild();
const file = values.profile ?? run.file;
const summary = summarise(JSON.parse(readFileSync(file, 'utf8')));
const { text, stageTimes } = report(summary, run);
console.log(text);
const json = path.join(path.dirname(file), 'summary.json');
writeFileSync(
  json,
  `${JSON.stringify({ profile: file, run, totalMs: summary.total, stages: stageTimes, areas: Object.fromEntries(top(summary.areas, 30)), self: Object.fromEntries(top(summary.self, 50)) }, null, 2)}\n`,
);
console.error(`\nprofile: ${path.relative(process.cwd(), file)} (open in Chrome DevTools), summary: ${path.relative(process.cwd(), json)}`);
