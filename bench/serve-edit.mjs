// The live preview's figure: `policyc serve` on a copy of a project, a real
// save of the working document, and a real request. Each edit is timed from
// the write until a GET of the draft page, sent after the reload event,
// returns the new text: what a person sees between saving and the reloaded page.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { median } from './measure.mjs';
import { buildEvents } from './sse.mjs';

/** The sentence each edit rewrites (the sample's `_fbp` cookie), and what it becomes: a new word every time. */
const sentence = 'Enables us to measure and improve our advertising on Facebook and Instagram';
const edited = (n) => `Enables us to measure and improve our advertising on Facebook and Instagram, edit ${n}`;

/**
 * Start `node BIN serve` in a fresh copy of `project` (its `policy/<id>.yaml`
 * holding `sentence`), make `warmup` then `runs` edits, and stop it.
 * Returns the repeat summary of the edits (wall time, and the server's CPU
 * time when /proc tells it) and the server's peak memory.
 */
export async function measureServeEdits({ node, bin, project, dir, id, date, warmup = 2, runs = 9, timeoutMs = 30_000 }) {
  rmSync(dir, { recursive: true, force: true });
  const copy = path.join(dir, 'project');
  cpSync(project, copy, { recursive: true });
  const file = path.join(copy, 'policy', `${id}.yaml`);
  const original = readFileSync(file, 'utf8');
  if (!original.includes(sentence)) throw new Error(`${file} does not hold the sentence the serve figure edits`);
  const page = `/${id}/draft/index.html`;
  const server = await startServer(node, [bin, 'serve', '--port', '0', '--date', date, '--cache', path.join(dir, 'cache')], copy);
  const samples = [];
  let peakRssBytes;
  try {
    const stream = await eventStream(server.url);
    await stream.next(timeoutMs); // the version on connecting
    for (let n = 1; n <= warmup + runs; n++) {
      const text = edited(n);
      const cpu = cpuMs(server.child.pid);
      const started = performance.now();
      writeFileSync(file, original.replace(sentence, text));
      // A reload event, then the page: another event first (a rebuild that began before the write) means asking again.
      for (;;) {
        await stream.next(timeoutMs);
        if ((await get(server.url, page)).includes(text)) break;
      }
      const ms = performance.now() - started;
      const cpuAfter = cpuMs(server.child.pid);
      if (n > warmup) samples.push({ ms, cpuMs: cpu === null || cpuAfter === null ? null : cpuAfter - cpu });
      // Let the watcher settle, so that the next edit starts from an idle server.
      await sleep(250);
      stream.drain();
    }
    stream.close();
  } finally {
    peakRssBytes = peakRss(server.child.pid);
    await server.stop();
  }
  const cpu = samples.map((s) => s.cpuMs);
  const hasCpu = cpu.every((x) => typeof x === 'number');
  const round = (ms) => Math.round(ms * 100) / 100;
  return {
    runs: samples.length,
    warmups: warmup,
    warmupCounted: false,
    medianMs: round(median(samples.map((s) => s.ms))),
    samplesMs: samples.map((s) => round(s.ms)),
    medianCpuMs: hasCpu ? round(median(cpu)) : null,
    samplesCpuMs: hasCpu ? cpu.map(round) : null,
    peakRssBytes,
  };
}

/** Spawn the server and wait for the address it prints. */
function startServer(node, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const failed = (why) => {
      child.kill();
      reject(new Error(`policyc serve ${why}:\n${err.slice(-4000)}${out.slice(-2000)}`));
    };
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => failed(`exited with ${code}`));
    child.stdout.on('data', (d) => {
      out += d;
      const url = /serving (http:\/\/\S+)/.exec(out)?.[1];
      if (!url) return;
      child.removeAllListeners('exit');
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      const exited = new Promise((done) => child.once('exit', done));
      resolve({
        url,
        child,
        stop: async () => {
          child.kill('SIGINT');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        },
      });
    });
  });
}

/** The preview's event stream: each `build` event's data in turn. */
function eventStream(base) {
  return new Promise((resolve, reject) => {
    const req = request(new URL('/__policyc/events', base), (response) => {
      resolve({
        ...buildEvents(response),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** A GET's body (a status other than 200 is an error: the figure would time the wrong page). */
function get(base, pathname) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(pathname, base), (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () =>
        response.statusCode === 200 ? resolve(body) : reject(new Error(`GET ${pathname}: ${response.statusCode}\n${body.slice(0, 2000)}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** A process's CPU time so far (user + system, ms) from /proc; null where there is none. */
function cpuMs(pid) {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return null;
  // The fields after the command's name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
  const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

/** Clock ticks per second of /proc's times: 100 on Linux. */
const clockTicks = 100;

/** A process's peak resident memory (VmHWM) from /proc; null where there is none. */
function peakRss(pid) {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return null;
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : null;
}
