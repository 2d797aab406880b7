import type { Command } from '../definition.js';

/** `policyc init`: its name, options and help, read without loading the command (see ../index.ts). */
export const definition: Command = {
  name: 'init',
  summary: 'scaffold a new policy repository: a starter policy, a config and a CI workflow',
  usage: 'policyc init [DIR] [--id ID]',
  flags: [{ name: 'id', value: 'ID', default: 'privacy', description: 'the id (and file name) of the starter document' }],
  positionals: 'DIR the folder to create it in (default: the current folder)',
  maxPositionals: 1,
  example: 'policyc init my-policies',
};
