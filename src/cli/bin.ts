#!/usr/bin/env node
// The one place that touches the real process: everything else is testable in-process.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
// `--version` answers before the compiler is loaded, so it starts as fast as Node itself (see the README's Performance).
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
  process.exit(0);
}
const { main } = await import('./main.js');

// Ctrl-C (or a service manager's SIGTERM) ends `serve` and `build --watch` cleanly.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());
process.once('SIGTERM', () => interrupt.abort());

main(args, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal: interrupt.signal }).then(
  (code) => {
    process.exitCode = code;
    // Nothing should be left running; a stray handle must not keep a finished command alive.
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
  },
  (error: unknown) => {
    process.stderr.write(`policyc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.stderr.write('This is a bug in policyc, not in your policy: please report it with the command you ran.\n');
    process.exitCode = 70;
  },
);
