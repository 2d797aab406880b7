// Running the CLI from a test, the two ways there are:
// - `runCli`: in this process, through `main(argv, io)` of src/cli/main.ts (no
//   `npm run prepare` needed, fast; the fast tier uses only this);
// - `spawnCli` / `spawnCliAsync` / `startCli`: the built `lib/cli/bin.js` in a
//   child process, as a user runs it (the cli and faults tiers).
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { root } from './fixtures.js';

/** What a run of the CLI printed, and its exit code (null when a spawned CLI was killed by a signal). */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The folder the CLI runs in (default: the repository, whose sample project it then reads). */
  cwd?: string;
  /**
   * Environment variables. In-process, they are the CLI's whole environment; a
   * spawned CLI gets them on top of this process's. Default for both: `NO_COLOR=1`.
   */
  env?: Record<string, string | undefined>;
}

/** The built CLI, as `npm run prepare` leaves it. */
export const bin = path.join(root, 'lib/cli/bin.js');

/** Run the CLI in this process: its exit code and what it wrote to stdout and stderr. */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult & { code: number }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: options.cwd ?? root,
    env: { NO_COLOR: '1', ...options.env },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

const childEnv = (options: CliOptions) => ({ ...process.env, NO_COLOR: '1', ...options.env });

/** Run the built CLI in a child process and wait for it. */
export function spawnCli(args: readonly string[], options: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    env: childEnv(options),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run the built CLI in a child process without blocking this one (so a server in this process, e.g. SMTP, can answer it). */
export function spawnCliAsync(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Start the built CLI in a child process and return it: for commands that run until stopped (serve) or tests that kill it. */
export function startCli(args: readonly string[], options: CliOptions & { stdio?: StdioOptions } = {}): ChildProcess {
  return spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    env: childEnv(options),
    ...(options.stdio ? { stdio: options.stdio } : {}),
  });
}
