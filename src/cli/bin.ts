#!/usr/bin/env node
// The one place that touches the real process: everything else is testable in-process.
import { main } from './main.js';

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`policyc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.stderr.write('This is a bug in policyc, not in your policy: please report it with the command you ran.\n');
    process.exitCode = 70;
  },
);
