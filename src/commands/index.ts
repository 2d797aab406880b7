/**
 * The commands of policyc, one module each: its definition (name, flags,
 * help), its run function (the library API), and `run`, which runs it from
 * the command line and prints its result. The CLI dispatches through this
 * table, in the order help lists the commands. A definition lives in
 * `definitions/` apart from its command, so help and argument parsing load no
 * command; a command's module (and what it imports: the renderer, the mailer,
 * the preview server) is loaded only when that command runs.
 */
import type { CommandModule } from './context.js';
import type { Command } from './definition.js';
import { definition as build } from './definitions/build.js';
import { definition as diff } from './definitions/diff.js';
import { definition as init } from './definitions/init.js';
import { definition as notify } from './definitions/notify.js';
import { definition as release } from './definitions/release.js';
import { definition as review } from './definitions/review.js';
import { definition as rules } from './definitions/rules.js';
import { definition as scan } from './definitions/scan.js';
import { definition as serve } from './definitions/serve.js';
import { definition as validate } from './definitions/validate.js';

/** A command as the CLI knows it before running it: its definition, and how to load its module. */
export interface CommandEntry {
  definition: Command;
  load(): Promise<CommandModule>;
}

export const commandTable: readonly CommandEntry[] = [
  { definition: validate, load: () => import('./validate.js') },
  { definition: build, load: () => import('./build.js') },
  { definition: review, load: () => import('./review.js') },
  { definition: release, load: () => import('./release.js') },
  { definition: diff, load: () => import('./diff.js') },
  { definition: notify, load: () => import('./notify.js') },
  { definition: init, load: () => import('./init.js') },
  { definition: serve, load: () => import('./serve.js') },
  { definition: scan, load: () => import('./scan.js') },
  { definition: rules, load: () => import('./rules.js') },
];
