import { commandTable } from '../commands/index.js';
import type { Command, Flag } from '../commands/definition.js';

export type { Command, Flag };

/** Every command with its flags, in the order help lists them (each defined in its module in `src/commands/`). */
export const commands: readonly Command[] = commandTable.map((entry) => entry.definition);

/** Options every command takes. */
export const globalFlags: readonly Flag[] = [
  { name: 'help', short: 'h', description: 'show help (for a command: policyc COMMAND --help)' },
  { name: 'version', short: 'v', description: 'print the version of policyc' },
];
