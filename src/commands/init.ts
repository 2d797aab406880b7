import path from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { init, type InitOptions, type InitResult } from '../init/init.js';
import { forTerminal } from '../text/control.js';
import type { CommandContext } from './context.js';

export { init };
export type { InitOptions, InitResult };

export { definition } from './definitions/init.js';

/** `policyc init`: the files created, notes about files kept, and what to do next. */
export async function run({ io, options, positionals, report }: CommandContext): Promise<number> {
  const result = await init({ dir: positionals[0] ?? '.', ...(options.id ? { id: options.id } : {}), cwd: io.cwd });
  for (const file of result.written) io.stdout.write(forTerminal(`created ${file}\n`));
  report(result.diagnostics, new Map());
  if (hasErrors(result.diagnostics)) return 1;
  io.stdout.write(
    forTerminal(
      `✔ next: edit ${path.join(positionals[0] ?? '.', 'policy', `${options.id ?? 'privacy'}.yaml`)}, then run \`policyc validate\`\n`,
    ),
  );
  return 0;
}
