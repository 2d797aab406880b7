import { closeSync, constants, existsSync, lstatSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFileName } from '../config/config.js';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import { describeNonRegular, lstatOrUndefined, readRegularFile } from '../load/read-safely.js';
import { starterConfig, starterGitignoreLines, starterPackageJson, starterPolicy, starterReadme, starterWorkflow } from './starter.js';

/** Options of `init`. */
export interface InitOptions {
  /** The folder to scaffold (created when missing); relative to `cwd`. */
  dir: string;
  /** The starter document's id and file name (default: `privacy`). */
  id?: string;
  /** Working directory; `written` and diagnostics name paths relative to it (default: `process.cwd()`). */
  cwd?: string;
}

/** The outcome of `init`. */
export interface InitResult {
  /** Files created or changed, relative to `cwd`, in the order written; empty when refused. */
  written: string[];
  /**
   * Errors (`init-not-empty`, `init-invalid-id`, `init-not-a-folder`) when nothing was written;
   * `init-kept-existing` notes (severity `info`) for files that were already there and left alone,
   * `init-kept-link` notes for links (and special files) kept where init would have written: it never writes through them.
   */
  diagnostics: Diagnostic[];
}

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Scaffold a policy repository in `dir`: a starter policy in `policy/<id>.yaml`,
 * `policyc.config.json`, a GitHub Actions workflow, `.gitignore`, a README and
 * (when there is none) a `package.json` depending on policyc. Refuses, writing
 * nothing, when `dir` already has a `policy/` folder or a `policyc.config.json`.
 * Never overwrites a file: an existing README, package.json or workflow is kept,
 * and an existing `.gitignore` only gains the lines it lacks. Never writes
 * through a symbolic link: a link where it would write (`.gitignore`,
 * `.github`, `README.md`) is kept and noted (`init-kept-link`), and a `policy`
 * or config link, even to nothing, is refused like the folder or file itself.
 */
export async function init(options: InitOptions): Promise<InitResult> {
  const cwd = options.cwd ?? process.cwd();
  const id = options.id ?? 'privacy';
  const root = path.resolve(cwd, options.dir);
  const shown = (file: string) => (path.relative(cwd, file) || '.').split(path.sep).join('/');
  const refused = refusal(root, id, shown);
  if (refused) return { written: [], diagnostics: [refused] };

  const written: string[] = [];
  const diagnostics: Diagnostic[] = [];
  /** Note a link (or special file) that was kept: init never writes through one. */
  const keepLink = (at: string, relative: string) => {
    const what = describeNonRegular(lstatSync(at));
    const through = path.join(root, relative) === at ? '' : `; \`${relative}\` was not written through it`;
    diagnostics.push(
      diagnostic(shown(at), fileStart, 'init-kept-link', 'init', `Kept \`${shown(at)}\`, ${what}${through}`, {
        severity: 'info',
        hint: 'init never writes through links. Replace the link with a real file or folder and run `policyc init` again, or add what it lacks yourself.',
      }),
    );
  };
  /** The first part of `relative` below the root that is a link or not a folder (for the file itself: not a regular file), if any. */
  const linkOnTheWay = (relative: string): string | undefined => {
    const parts = relative.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const at = path.join(root, ...parts.slice(0, i));
      const stats = lstatOrUndefined(at);
      if (!stats) return undefined;
      if (stats.isSymbolicLink() || (i < parts.length ? !stats.isDirectory() : !stats.isFile())) return at;
    }
    return undefined;
  };
  /** Create a file that must not exist yet (`wx`: fails rather than overwrite, and never follows a link at its name). */
  const create = async (relative: string, content: string) => {
    const file = path.join(root, relative);
    const link = linkOnTheWay(relative);
    if (link) return keepLink(link, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content, { flag: 'wx' });
    written.push(shown(file));
  };
  /** Create a file unless one is there already, which is kept and noted. */
  const createUnlessPresent = async (relative: string, content: string) => {
    const file = path.join(root, relative);
    const link = linkOnTheWay(relative);
    if (link) return keepLink(link, relative);
    if (lstatOrUndefined(file)) {
      diagnostics.push(
        diagnostic(shown(file), fileStart, 'init-kept-existing', 'init', `Kept the existing \`${relative}\``, { severity: 'info' }),
      );
      return;
    }
    await create(relative, content);
  };

  await mkdir(root, { recursive: true });
  await create(`policy/${id}.yaml`, starterPolicy(id));
  await create(configFileName, starterConfig);
  await createUnlessPresent('.github/workflows/policy.yml', starterWorkflow(policycVersion()));
  await createUnlessPresent('README.md', starterReadme(id));
  await createUnlessPresent('package.json', starterPackageJson(policycVersion()));

  const gitignore = path.join(root, '.gitignore');
  const existing = readRegularFile(gitignore, 1024 * 1024);
  if (existing.kind === 'not-regular') {
    keepLink(gitignore, '.gitignore');
  } else if (existing.kind === 'too-large') {
    diagnostics.push(
      diagnostic(shown(gitignore), fileStart, 'init-kept-existing', 'init', 'Kept the existing `.gitignore` (too large to edit)', {
        severity: 'info',
      }),
    );
  } else if (existing.kind === 'file') {
    const text = existing.bytes.toString('utf8');
    const present = new Set(text.split(/\r?\n/).map((line) => line.trim()));
    const missing = starterGitignoreLines.filter(
      (line) => !present.has(line) && !present.has(line.replace(/\/$/, '')) && !present.has(`/${line}`),
    );
    if (missing.length) {
      appendNoFollow(gitignore, `${text === '' || text.endsWith('\n') ? '' : '\n'}${missing.join('\n')}\n`);
      written.push(shown(gitignore));
    }
  } else {
    await create('.gitignore', `${starterGitignoreLines.join('\n')}\n`);
  }
  return { written, diagnostics };
}

/** Why init must write nothing in `root`: an invalid id, no folder there, or a policy repository already. */
function refusal(root: string, id: string, shown: (file: string) => string): Diagnostic | undefined {
  const refuse = (file: string, ruleId: string, message: string, hint: string) =>
    diagnostic(shown(file), fileStart, ruleId, 'init', message, { hint });
  if (!idPattern.test(id) || id.length > 64) {
    return refuse(
      root,
      'init-invalid-id',
      `\`${id}\` is not a valid document id`,
      'Use lowercase letters and digits separated by single hyphens, such as `privacy` or `cookie-policy`.',
    );
  }
  if (lstatOrUndefined(root)?.isSymbolicLink() && !existsSync(root)) {
    return refuse(
      root,
      'init-not-a-folder',
      `\`${shown(root)}\` is a symbolic link to nothing`,
      'Name a new or existing folder, or point the link at one.',
    );
  }
  if (existsSync(root) && !statSync(root).isDirectory()) {
    return refuse(root, 'init-not-a-folder', `\`${shown(root)}\` exists and is not a folder`, 'Name a new or existing folder.');
  }
  for (const existing of [path.join(root, 'policy'), path.join(root, configFileName)]) {
    // lstat: a link (even to nothing) counts as there; init never writes through it.
    const stats = lstatOrUndefined(existing);
    if (stats?.isSymbolicLink()) {
      return refuse(
        existing,
        'init-not-empty',
        `\`${shown(existing)}\` is a symbolic link${existsSync(existing) ? '' : ' to nothing'}: init does not write through links`,
        'Nothing was written. Remove the link, or run `policyc init` in another folder.',
      );
    }
    if (stats) {
      return refuse(
        existing,
        'init-not-empty',
        `\`${shown(root)}\` already has \`${path.basename(existing)}\`: it is already a policy repository`,
        'Nothing was written. Run `policyc init` in a new folder, or edit the existing policy.',
      );
    }
  }
  return undefined;
}

/** Append to a regular file, failing rather than following a link put at its name meanwhile. */
function appendNoFollow(file: string, text: string): void {
  const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | (constants.O_NOFOLLOW ?? 0));
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** policyc's own version, from its package.json (two folders up from both `src/init/` and `lib/init/`). */
function policycVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.1.0';
  } catch {
    return '0.1.0';
  }
}
