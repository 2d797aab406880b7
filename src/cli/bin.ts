#!/usr/bin/env node
// The one place that touches the real process: everything else is testable in-process.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isCheckout } from '../util/checkout.js';

const args = process.argv.slice(2);
// `--version` answers before the compiler is loaded, so it starts as fast as Node itself (see docs/performance.md).
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
  process.exit(0);
}
const bundle = freshBundle();
const { main } = (bundle ? await import(bundle.href) : await import('./main.js')) as typeof import('./main.js');

/**
 * The esbuild bundle of main.js's whole graph that `npm run prepare` makes
 * (scripts/bundle-cli.mjs): loading a few files instead of hundreds of modules
 * halves the cold start (its chunks, in lib/bundle/, are made with it). An installed package always runs it (npm rewrites
 * file times on install, so they say nothing there). In policyc's own checkout
 * it is used only while no file of lib/ it was made from (main.bundle.json
 * lists them) is newer than it, so a `tsc` run without `npm run prepare` is
 * never hidden behind an old bundle. Without it, or with POLICYC_UNBUNDLED=1
 * (to compare the two), lib/'s modules.
 */
function freshBundle(): URL | undefined {
  if (process.env.POLICYC_UNBUNDLED) return undefined;
  try {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const made = statSync(`${dir}main.bundle.js`).mtimeMs;
    if (isCheckout(`${dir}..`)) {
      const { inputs } = JSON.parse(readFileSync(`${dir}main.bundle.json`, 'utf8')) as { inputs: string[] };
      // About 60 files: plain paths, as a URL per file costs more than the stat itself.
      if (inputs.some((file) => statSync(dir + file).mtimeMs > made)) return undefined;
    }
    return new URL('./main.bundle.js', import.meta.url);
  } catch {
    return undefined;
  }
}

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
