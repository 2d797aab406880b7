/**
 * The commands of policyc, one module each: its definition (name, flags,
 * help), its run function (the library API), and `run`, which runs it from
 * the command line and prints its result. The CLI dispatches through this
 * table, in the order help lists the commands.
 */
import type { CommandModule } from './context.js';
import * as build from './build.js';
import * as diff from './diff.js';
import * as init from './init.js';
import * as notify from './notify.js';
import * as release from './release.js';
import * as review from './review.js';
import * as rules from './rules.js';
import * as serve from './serve.js';
import * as validate from './validate.js';

export const commandModules: readonly CommandModule[] = [validate, build, review, release, diff, notify, init, serve, rules];
