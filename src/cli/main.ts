import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build, validate } from '../api.js';
import { hasErrors } from '../diagnostic.js';
import { formatDiagnostics, type DiagnosticFormat } from '../report.js';
import { helpText } from './help.js';
import { parseArgv } from './parse-argv.js';

/** The streams and environment the CLI touches, so tests can run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The version of policyc, from its package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Run the CLI and return its exit code: 0 success, 1 problems in the input, 2 usage error. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const invocation = parseArgv(argv);
  switch (invocation.kind) {
    case 'help':
      io.stdout.write(helpText(invocation.command));
      return 0;
    case 'version':
      io.stdout.write(`${packageVersion()}\n`);
      return 0;
    case 'usage-error':
      io.stderr.write(
        `policyc: ${invocation.message}\nRun \`policyc ${invocation.command ? `${invocation.command.name} ` : ''}--help\` for usage.\n`,
      );
      return 2;
    case 'run':
      break;
  }
  const { command, options, positionals } = invocation;
  const format = (options.format ?? 'pretty') as DiagnosticFormat;
  const color = format === 'pretty' && Boolean(io.stderr.isTTY) && !io.env.NO_COLOR;
  const common = { cwd: io.cwd, policy: options.policy, files: positionals };

  if (command.name === 'validate') {
    const result = await validate(common);
    const report = formatDiagnostics(result.diagnostics, format, { color: format === 'pretty' && Boolean(io.stdout.isTTY) && !io.env.NO_COLOR, sources: result.sources });
    if (format === 'json' || report) io.stdout.write(report);
    if (format === 'pretty' && result.diagnostics.length === 0) {
      io.stdout.write(`✔ ${result.models.length} ${result.models.length === 1 ? 'document' : 'documents'} valid\n`);
    }
    return hasErrors(result.diagnostics) ? 1 : 0;
  }

  // build
  const result = await build({ ...common, out: options.out, templates: options.templates });
  const report = formatDiagnostics(result.diagnostics, format, { color, sources: result.sources });
  if (format === 'json') io.stdout.write(report);
  else if (report) io.stderr.write(report);
  if (hasErrors(result.diagnostics)) {
    io.stderr.write(`policyc: build failed; nothing was written to ${path.relative(io.cwd, result.out) || '.'}\n`);
    return 1;
  }
  if (format === 'pretty') {
    io.stdout.write(`✔ wrote ${result.written.length} files to ${path.relative(io.cwd, result.out) || '.'}\n`);
  }
  return 0;
}
