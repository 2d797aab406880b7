#!/usr/bin/env node
// The one place that touches the real process: everything else is testable in-process.
import { main } from './main.js';

// Ctrl-C (or a service manager's SIGTERM) ends `serve` and `build --watch` cleanly.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());
process.once('SIGTERM', () => interrupt.abort());

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal: interrupt.signal }).then(
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
