// In-process measurements, each in a process of its own so that its peak
// memory is its own (not the harness's, nor another measurement's). Prints
// one JSON line: the repeat summary and the process's peak memory.
//
//   node bench/probe.mjs diff|validate PROJECT_DIR --date YYYY-MM-DD [--warmup N] [--max-runs N] [--budget-ms N]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { diffPolicies, parse, resolve, validate } from '../lib/index.js';
import { repeat } from './measure.mjs';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    date: { type: 'string' },
    warmup: { type: 'string', default: '2' },
    'max-runs': { type: 'string', default: '20' },
    'budget-ms': { type: 'string', default: '30000' },
  },
});
const [task, project] = positionals;
const manifestOf = (id) => JSON.parse(readFileSync(path.join(project, 'policy/history', id, 'manifest.json'), 'utf8'));
/** The project's document: the one with a history (the benchmark's projects have one). */
const documentId = () => readdirSync(path.join(project, 'policy/history'))[0];

/** `work` as a measured run: its wall time and the process's CPU time (every thread, GC included) while it ran. */
function timed(work) {
  return async () => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await work();
    const ms = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    return { ms, cpuMs: (user + system) / 1000 };
  };
}

/** A released version's resolved policy, read and parsed by the library (outside the timed part). */
function releasedPolicy(id, entry) {
  const file = path.join(project, 'policy/history', id, entry.file);
  const bytes = readFileSync(file);
  const parsed = parse({ path: file, bytes, size: bytes.length });
  if (!parsed.data) throw new Error(`Cannot parse ${file}`);
  return resolve(parsed.data, file).policy;
}

/** The library's semantic diff of the two newest released versions, both already in memory. */
function diffTask() {
  const id = documentId();
  const releases = manifestOf(id).releases;
  const [older, newer] = releases.slice(-2);
  const before = releasedPolicy(id, older);
  const after = releasedPolicy(id, newer);
  let changes = 0;
  const once = timed(async () => {
    changes = diffPolicies(before, after, { from: older.version, to: newer.version }).changes.length;
  });
  return { once, details: () => ({ from: older.version, to: newer.version, changes }) };
}

/** `validate` of the working document alone (one large version): read, parse, schema, references, compliance rules. */
function validateTask() {
  const file = `policy/${documentId()}.yaml`;
  let errors = 0;
  const once = timed(async () => {
    const result = await validate({ cwd: project, files: [file], date: values.date });
    errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors) throw new Error(`${file} has ${errors} errors: the benchmark needs a valid document`);
  });
  return { once, details: () => ({ file, errors }) };
}

const tasks = { diff: diffTask, validate: validateTask };
if (!tasks[task]) throw new Error(`Unknown probe task \`${task}\` (known: ${Object.keys(tasks).join(', ')})`);
const { once, details } = tasks[task]();
const summary = await repeat(
  { warmup: Number(values.warmup), minRuns: 1, maxRuns: Number(values['max-runs']), budgetMs: Number(values['budget-ms']) },
  once,
);
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ ...summary, peakRssBytes, ...details() })}\n`);
