import { hasErrors } from '../diagnostics/diagnostic.js';
import { build, checkOutputFolder, type BuildResult } from '../project/build.js';
import { compile, type BuildOptions, type CompileResult } from '../project/site.js';
import { forTerminal } from '../text/control.js';
import { defined, untilAborted, type CommandContext } from './context.js';

// The run functions live in the project module, where `serve` (which rebuilds with them) reaches them too.
export { build, checkOutputFolder, compile };
export type { BuildOptions, BuildResult, CompileResult };

export { definition } from './definitions/build.js';

/** `policyc build`: a summary line, or with `--watch` a line per rebuild until stopped. */
export async function run({ io, options, format, cache, shown, report }: CommandContext): Promise<number> {
  const settings: BuildOptions = defined({
    cwd: io.cwd,
    cache,
    policy: options.policy,
    out: options.out,
    templates: options.templates,
    date: options.date,
    drafts: options.drafts === 'true',
    baseUrl: options['base-url'],
    strict: options.strict === 'true',
    history: options.history === 'true',
    base: options.base,
  });
  // A refused output folder is a usage error (exit 2), found before anything is built or watched.
  const refused = checkOutputFolder(settings);
  if (refused) {
    report([refused], new Map());
    return 2;
  }
  if (options.watch === 'true') {
    // The watcher (and chokidar) loads only for --watch: a single build never needs it.
    const { watch } = await import('../serve/watch.js');
    const watcher = await watch({ ...settings, color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }, (line) =>
      io.stdout.write(`${line}\n`),
    );
    io.stdout.write('watching policy/, templates/ and policyc.config.json; Ctrl-C stops\n');
    await untilAborted(io.signal);
    await watcher.close();
    return watcher.state().ok ? 0 : 1;
  }
  const result = await build(settings);
  // A successful build lists warnings as a count: `validate` is where they are read.
  const warningsOnly = !hasErrors(result.diagnostics) && format === 'pretty';
  if (warningsOnly && result.diagnostics.length) {
    io.stderr.write(
      `⚠ ${result.diagnostics.length} ${result.diagnostics.length === 1 ? 'warning' : 'warnings'}: run \`policyc validate\` to read them\n`,
    );
  } else report(result.diagnostics, result.sources);
  if (hasErrors(result.diagnostics)) {
    io.stderr.write(forTerminal(`policyc: build failed; nothing was written to ${shown(result.out)}\n`));
    // Refused under the lock (the folder changed meanwhile): still a usage error.
    return result.diagnostics.some((d) => d.ruleId === 'output-folder-refused') ? 2 : 1;
  }
  if (format === 'pretty') io.stdout.write(forTerminal(`✔ wrote ${result.written.length} files to ${shown(result.out)}\n`));
  return 0;
}
