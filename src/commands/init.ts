import path from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { init, type InitOptions, type InitResult } from '../init/init.js';
import { forTerminal } from '../text/control.js';
import type { CommandContext } from './context.js';
import type { Command } from './definition.js';

export { init };
export type { InitOptions, InitResult };

export const definition: Command = {
  name: 'init',
  summary: 'scaffold a new policy repository: a starter policy, a config and a CI workflow',
  usage: 'policyc init [DIR] [--id ID]',
  flags: [{ name: 'id', value: 'ID', default: 'privacy', description: 'the id (and file name) of the starter document' }],
  positionals: 'DIR the folder to create it in (default: the current folder)',
  maxPositionals: 1,
  example: 'policyc init my-policies',
};

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
