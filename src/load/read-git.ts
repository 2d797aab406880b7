import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Largest file read from git (a policy is at most a few MiB; a history holds many). */
const maxBuffer = 256 * 1024 * 1024;

/** Why a git revision cannot be read. */
export interface GitProblem {
  kind: 'no-git' | 'not-a-repository' | 'unknown-revision' | 'bad-name';
  revision: string;
  /** For `unknown-revision`: whether the clone is shallow, and so may simply lack it. */
  shallow?: boolean;
  /** For `not-a-repository`: git refuses a repository owned by another user (common in CI containers). */
  dubiousOwnership?: boolean;
}

/** A file of a revision's tree: its path (relative to the working directory) and its blob. */
export interface GitFile {
  path: string;
  blob: string;
}

/** A commit whose files can be read, by paths relative to the working directory. */
export interface GitRevision {
  /** The revision as named (`origin/main`). */
  name: string;
  /** The commit it names, resolved once so that every read sees the same tree. */
  commit: string;
  /** The files below `dir` (recursively), or `dir` itself when it is a file; empty when it is absent. */
  list(dir: string): Promise<GitFile[]>;
  /** The bytes of blobs, by blob id (read with one git process). */
  readBlobs(blobs: readonly string[]): Promise<Map<string, Buffer>>;
  /** The bytes of one file at the revision; undefined when it is absent. */
  readFile(file: string): Promise<Buffer | undefined>;
}

/**
 * Open a git revision of the repository `cwd` is in, with real git: no
 * shell, every name after `--` or checked first, so that no revision or
 * path can be taken for an option.
 */
export async function openRevision(cwd: string, revision: string): Promise<GitRevision | GitProblem> {
  // A name starting with `-` would read as an option; control characters have no place in one.
  if (!revision || revision.startsWith('-') || /[\s\x00-\x1f\x7f]/.test(revision)) return { kind: 'bad-name', revision };
  try {
    await run('git', ['rev-parse', '--git-dir'], { cwd });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'no-git', revision };
    return {
      kind: 'not-a-repository',
      revision,
      ...(/dubious ownership/.test(String((error as { stderr?: unknown }).stderr)) ? { dubiousOwnership: true } : {}),
    };
  }
  let commit: string;
  try {
    commit = (await run('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd })).stdout.trim();
  } catch {
    const shallow = await run('git', ['rev-parse', '--is-shallow-repository'], { cwd }).then(
      (r) => r.stdout.trim() === 'true',
      () => false,
    );
    return { kind: 'unknown-revision', revision, shallow };
  }
  const list = async (dir: string): Promise<GitFile[]> => {
    const { stdout } = await run('git', ['ls-tree', '-r', '-z', commit, '--', dir], { cwd, maxBuffer });
    const files: GitFile[] = [];
    for (const record of stdout.split('\0')) {
      // `<mode> <type> <blob>\t<path>`: only regular files count (no links, no submodules).
      const match = /^(100644|100755) blob ([0-9a-f]+)\t([^]*)$/.exec(record);
      if (match && (match[3] === dir || match[3]!.startsWith(`${dir}/`))) files.push({ path: match[3]!, blob: match[2]! });
    }
    return files;
  };
  const readBlobs = (blobs: readonly string[]) => catBlobs(cwd, blobs);
  return {
    name: revision,
    commit,
    list,
    readBlobs,
    async readFile(file) {
      const found = (await list(file)).find((f) => f.path === file);
      return found && (await readBlobs([found.blob])).get(found.blob);
    },
  };
}

/** Read blobs with `git cat-file --batch`: one process, ids on stdin, each answer a header line and the bytes. */
function catBlobs(cwd: string, blobs: readonly string[]): Promise<Map<string, Buffer>> {
  const wanted = [...new Set(blobs)];
  if (!wanted.length) return Promise.resolve(new Map());
  return new Promise((resolve, reject) => {
    const child = execFile('git', ['cat-file', '--batch'], { cwd, encoding: 'buffer', maxBuffer }, (error, stdout) => {
      if (error) return reject(error);
      const out = new Map<string, Buffer>();
      let at = 0;
      while (at < stdout.length) {
        const end = stdout.indexOf(0x0a, at);
        if (end < 0) break;
        const [id, type, size] = stdout.subarray(at, end).toString('utf8').split(' ');
        at = end + 1;
        if (type === undefined || size === undefined) continue; // `<id> missing`
        const length = Number(size);
        if (type === 'blob') out.set(id!, stdout.subarray(at, at + length));
        at += length + 1;
      }
      resolve(out);
    });
    child.stdin!.end(`${wanted.join('\n')}\n`);
  });
}

/** Whether a value is a problem rather than an open revision. */
export function isGitProblem(value: GitRevision | GitProblem): value is GitProblem {
  return 'kind' in value;
}

/** What to tell people about a problem, and what to do about it. */
export function describeGitProblem(problem: GitProblem, cwd: string): { message: string; hint: string } {
  const name = `\`${problem.revision}\``;
  switch (problem.kind) {
    case 'no-git':
      return {
        message: `Reading git revision ${name} needs git, and git is not installed (or not on the PATH)`,
        hint: 'Install git, or leave out the git revision.',
      };
    case 'not-a-repository':
      if (problem.dubiousOwnership) {
        return {
          message: `Git revision ${name} needs a git repository, and git refuses the one ${cwd} is in: it belongs to another user`,
          hint: 'Mark it safe: `git config --global --add safe.directory <the repository folder>`.',
        };
      }
      return {
        message: `Git revision ${name} needs a git repository, and ${cwd} is not in one`,
        hint: 'Run policyc inside the repository (in CI, after `actions/checkout`).',
      };
    case 'bad-name':
      return { message: `${name} is not a git revision name`, hint: 'Name a branch, tag or commit, such as `origin/main`.' };
    default: {
      const branch = problem.revision.replace(/^origin\//, '');
      return problem.shallow
        ? {
            message: `Git revision ${name} does not exist here (this is a shallow clone, which may lack it)`,
            hint: `Fetch the history first: \`git fetch --unshallow\` (or \`git fetch --deepen=100 origin ${branch}\`, deeper until it is there); in GitHub Actions, \`actions/checkout\` with \`fetch-depth: 0\`.`,
          }
        : {
            message: `Git revision ${name} does not exist here`,
            hint: `Check the branch, tag or commit name (\`git log --oneline\`), or fetch it: \`git fetch origin ${branch}\`.`,
          };
    }
  }
}

/**
 * The bytes of one file (a path relative to `cwd`) at a git revision:
 * undefined when it is absent there, or a path git cannot read at the
 * revision (outside the repository), which is as good as absent; a problem
 * when the revision cannot be opened.
 */
export async function readFileAtRevision(cwd: string, revision: string, file: string): Promise<{ bytes?: Buffer } | GitProblem> {
  const opened = await openRevision(cwd, revision);
  if (isGitProblem(opened)) return opened;
  const bytes = await opened.readFile(path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/')).catch(() => undefined);
  return bytes ? { bytes } : {};
}
