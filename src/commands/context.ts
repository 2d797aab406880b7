import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { defaultCacheDir } from '../project/options.js';
import { formatDiagnostics, type DiagnosticFormat } from '../report/report.js';
import { allRules } from '../rules/registry.js';
import type { Command } from './definition.js';

/** The streams and environment the CLI touches, so tests can run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Ends a long-running command (serve, build --watch); the real CLI aborts it on Ctrl-C. */
  signal?: AbortSignal;
}

/** One run of a command from the command line: what it was given, and how it prints. */
export interface CommandContext {
  io: CliIo;
  /** The command's options by flag name; a boolean flag that is set is `'true'`. */
  options: Record<string, string>;
  positionals: string[];
  /** How diagnostics are printed (`--format`, default `pretty`). */
  format: DiagnosticFormat;
  /** The cache option: a folder unless `--no-cache` (a hit is byte-identical to computing afresh). */
  cache: string | false;
  /** A folder as the CLI names it: relative to the working directory. */
  shown(dir: string): string;
  /** Print diagnostics: JSON on stdout when asked for, else pretty on `stream` (default: stderr). */
  report(diagnostics: Diagnostic[], sources: Map<string, string>, stream?: CliIo['stderr']): void;
}

/** A command: its definition (name, flags, help) and what running it from the command line does. Returns the exit code. */
export interface CommandModule {
  definition: Command;
  run(context: CommandContext): Promise<number>;
}

/** The context a command runs in, from its parsed options. */
export function commandContext(io: CliIo, options: Record<string, string>, positionals: string[]): CommandContext {
  const format = (options.format ?? 'pretty') as DiagnosticFormat;
  return {
    io,
    options,
    positionals,
    format,
    cache: options['no-cache'] === 'true' ? false : (options.cache ?? defaultCacheDir),
    shown: (dir) => path.relative(io.cwd, dir) || '.',
    report(diagnostics, sources, stream = io.stderr) {
      const machine = format !== 'pretty';
      const text = formatDiagnostics(diagnostics, format, {
        color: !machine && Boolean(stream.isTTY) && !io.env.NO_COLOR,
        sources,
        version: packageVersion(),
        rules: ruleDescriptions(),
      });
      if (machine) io.stdout.write(text);
      else if (text) stream.write(text);
    },
  };
}

/** Options with a value may be given; those without are left out (as `exactOptionalPropertyTypes` wants). */
export type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** The entries of `value` that are not undefined: command-line options become a run function's options. */
export function defined<T extends object>(value: T): Defined<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Defined<T>;
}

/** The version of policyc, from its package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Wait until the signal aborts (forever without one). */
export function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** The compliance rules as SARIF and `policyc rules` describe them. */
function ruleDescriptions() {
  return allRules.map((r) => ({ id: r.id, title: r.title, explanation: r.explanation, fix: r.fix, severity: r.severity }));
}
