import type { Command } from '../definition.js';

/** `policyc rules`: its name, options and help, read without loading the command (see ../index.ts). */
export const definition: Command = {
  name: 'rules',
  summary: 'list the compliance rules: id, pack, default severity, from when they apply',
  usage: 'policyc rules [--format text|json] [RULE]',
  flags: [{ name: 'format', value: 'FORMAT', choices: ['text', 'json'], default: 'text', description: 'text or json' }],
  positionals: 'RULE show one rule in full: explanation, reference and fix',
  maxPositionals: 1,
  example: 'policyc rules gdpr-legal-basis',
};
