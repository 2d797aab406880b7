// Timing and memory of whole processes and of in-process work, and the
// repeat policy: a warm-up, then as many runs as fit in a time budget.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const gnuTime = '/usr/bin/time';
const wrapper = fileURLToPath(new URL('./usage-wrapper.mjs', import.meta.url));

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** How peak memory and CPU time are measured for processes: GNU time when present, else a Node wrapper (Node commands only). */
export const usageMethod = existsSync(gnuTime) ? '/usr/bin/time -v' : 'process.resourceUsage() in a wrapper';

/**
 * Run a command to completion: its wall time (measured here, around the
 * whole process), its peak resident memory and CPU time (user + system: less
 * disturbed than wall time when the machine is busy), exit code and output. A
 * non-zero exit throws unless `allowFailure`: a benchmark of a failing
 * command would measure the wrong thing.
 */
export async function runProcess(command, args, { cwd, allowFailure = false } = {}) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'policyc-bench-'));
  const usageFile = path.join(scratch, 'usage');
  const [file, argv] = wrap(command, args, usageFile);
  const started = performance.now();
  const result = await new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
  });
  const ms = performance.now() - started;
  const usage = readUsage(usageFile);
  rmSync(scratch, { recursive: true, force: true });
  if (result.code !== 0 && !allowFailure) {
    throw new Error(
      `\`${[command, ...args].join(' ')}\` (in ${cwd}) exited with ${result.code}:\n${result.stderr.slice(-4000)}${result.stdout.slice(-2000)}`,
    );
  }
  return { ms, ...usage, ...result };
}

/** The program and arguments that run `command` and record its peak memory and CPU time into `usageFile`. */
function wrap(command, args, usageFile) {
  if (existsSync(gnuTime)) return [gnuTime, ['-v', '-o', usageFile, command, ...args]];
  // Without GNU time only Node commands are measured for memory and CPU (the wrapper runs them in its own process).
  if (command === process.execPath) return [process.execPath, [wrapper, usageFile, ...args]];
  return [command, args];
}

/** `{ maxRssBytes, cpuMs }` from GNU time's report or the wrapper's JSON (nulls when neither is there). */
function readUsage(file) {
  const none = { maxRssBytes: null, cpuMs: null };
  if (!existsSync(file)) return none;
  const text = readFileSync(file, 'utf8');
  if (text.startsWith('{')) return { ...none, ...JSON.parse(text) };
  const number = (label) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(text)?.[1] ?? NaN);
  const kb = number('Maximum resident set size \\(kbytes\\)');
  const cpuSeconds = number('User time \\(seconds\\)') + number('System time \\(seconds\\)');
  return { maxRssBytes: Number.isNaN(kb) ? null : kb * 1024, cpuMs: Number.isNaN(cpuSeconds) ? null : Math.round(cpuSeconds * 1000) };
}

/**
 * Repeat a measurement: `warmup` runs first (not counted), then runs until the
 * time budget is spent, at least `minRuns` and at most `maxRuns`. A run slower
 * than `slowMs` makes its warm-up count as a sample instead: warming up a
 * process that runs for minutes buys nothing and costs minutes.
 * `once()` returns `{ ms, cpuMs?, maxRssBytes? }`; `setup()`, untimed, runs before each.
 */
export async function repeat({ warmup = 1, minRuns = 1, maxRuns = 10, budgetMs = 60_000, slowMs = 60_000 }, once, setup = async () => {}) {
  const samples = [];
  let warmups = 0;
  let warmupCounted = false;
  // Until a run is counted, the warm-up's time is the estimate of a run's.
  let estimateMs = 0;
  const run = async () => {
    await setup();
    return once();
  };
  if (warmup > 0) {
    const first = await run();
    warmups = 1;
    estimateMs = first.ms;
    if (first.ms > slowMs) {
      samples.push(first);
      warmupCounted = true;
      warmups = 0;
    } else {
      for (; warmups < warmup; warmups++) await run();
    }
  }
  while (samples.length < maxRuns) {
    const spent = samples.reduce((sum, s) => sum + s.ms, 0);
    const typical = samples.length ? spent / samples.length : estimateMs;
    if (samples.length >= minRuns && spent + typical > budgetMs) break;
    samples.push(await run());
  }
  return summarise(samples, warmups, warmupCounted);
}

function summarise(samples, warmups, warmupCounted) {
  const rss = samples.map((s) => s.maxRssBytes).filter((x) => typeof x === 'number');
  const cpu = samples.map((s) => s.cpuMs);
  const hasCpu = cpu.every((x) => typeof x === 'number');
  return {
    runs: samples.length,
    warmups,
    warmupCounted,
    medianMs: round(median(samples.map((s) => s.ms))),
    samplesMs: samples.map((s) => round(s.ms)),
    medianCpuMs: hasCpu ? round(median(cpu)) : null,
    samplesCpuMs: hasCpu ? cpu.map(round) : null,
    peakRssBytes: rss.length ? Math.max(...rss) : null,
  };
}

const round = (ms) => Math.round(ms * 100) / 100;
