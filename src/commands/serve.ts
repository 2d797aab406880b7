import { serve, type Preview } from '../serve/serve.js';
import { forTerminal } from '../text/control.js';
import { defined, untilAborted, type CommandContext } from './context.js';

export { definition } from './definitions/serve.js';

/** `policyc serve`: a line per rebuild until stopped; a server that cannot start is an error. */
export async function run({ io, options, cache }: CommandContext): Promise<number> {
  let preview: Preview;
  try {
    preview = await serve(
      defined({
        cwd: io.cwd,
        cache,
        policy: options.policy,
        templates: options.templates,
        date: options.date,
        drafts: options['no-drafts'] !== 'true',
        baseUrl: options['base-url'],
        port: Number(options.port ?? 4000),
      }),
      (line) => io.stdout.write(`${line}\n`),
    );
  } catch (error) {
    io.stderr.write(forTerminal(`policyc: cannot serve: ${error instanceof Error ? error.message : String(error)}\n`));
    return 1;
  }
  io.stdout.write('Ctrl-C stops\n');
  await untilAborted(io.signal);
  await preview.close();
  return 0;
}
