import path from 'node:path';
import { weakenedGates, gateDiagnostics } from '../config/gates.js';
import { configFileName, parseConfig, type Config } from '../config/config.js';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { WeakenedGate } from '../diff/types.js';
import { compareWithBase, readBaseHistories } from '../history/base.js';
import type { HistoryFiles } from '../history/verify.js';
import { describeGitProblem, isGitProblem, openRevision } from '../load/read-git.js';

/** What is checked against the base revision of a pull request (`--base REV`). */
export interface BaseCheckInput {
  cwd: string;
  /** The policy folder, absolute. */
  policyDir: string;
  revision: string;
  /** The histories now; undefined when they were not read (only some files were checked). */
  histories?: readonly HistoryFiles[];
  /** The config now, when it is valid, and its text (absent when there is no file). */
  config?: Config;
  configText?: string;
}

/**
 * Anchor a run in git: the release history at the base revision must be a
 * prefix of the history now (`history-rewritten`), and a config that
 * loosens a check since then is reported (`config-gate-weakened`), since
 * the pull request that loosens it is the one it would let through.
 */
export async function checkAgainstBase(input: BaseCheckInput): Promise<{ diagnostics: Diagnostic[]; weakenedGates: WeakenedGate[] }> {
  const { cwd, revision } = input;
  const shownPolicy = path.relative(cwd, input.policyDir) || '.';
  const opened = await openRevision(cwd, revision);
  // REV cannot be read at all: one diagnostic says why, and nothing is compared.
  const unavailable = (message: string, hint: string) => ({
    diagnostics: [
      diagnostic(shownPolicy, fileStart, 'history-base-unavailable', 'history', `${message}, so the history cannot be checked against it`, {
        hint,
      }),
    ],
    weakenedGates: [],
  });
  if (isGitProblem(opened)) {
    const { message, hint } = describeGitProblem(opened, cwd);
    return unavailable(message, hint);
  }
  const diagnostics: Diagnostic[] = [];
  let gates: WeakenedGate[] = [];
  try {
    if (input.histories) {
      const base = await readBaseHistories(opened, shownPolicy.split(path.sep).join('/'));
      diagnostics.push(...compareWithBase(base, input.histories, revision, shownPolicy));
    }
    if (input.config) {
      const text = await opened.readFile(configFileName);
      // A base whose config is missing or unreadable had the defaults.
      const before = text === undefined ? {} : parseConfig(text.toString('utf8')).config;
      gates = weakenedGates(before, input.config);
      diagnostics.push(...gateDiagnostics(gates, input.configText, revision));
    }
  } catch (error) {
    // Git refused to read the tree (a policy folder outside the repository, a damaged object): said, not thrown.
    const reason =
      (error instanceof Error ? error.message : String(error)).split('\n').find((line) => line.startsWith('fatal:')) ??
      'git could not read it';
    return unavailable(
      `The files of \`${revision}\` cannot be read (${reason.replace(/[\x00-\x1f\x7f]/g, ' ')})`,
      'Run policyc from the repository, with the policy folder inside it.',
    );
  }
  return { diagnostics, weakenedGates: gates };
}
