import { lstatSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * The file policyc writes into every output folder it builds. A build
 * replaces only a folder that has it (one it built before), an empty folder,
 * or a missing one: never a folder of sources that `--out` named by mistake.
 */
export const outputMarker = '.policyc-output';

/** The marker's content: the same in every build, so the output stays byte-identical. */
export const outputMarkerContent =
  'This folder is built by policyc: `policyc build` deletes and rewrites it whole. Do not keep other files here.\n';

/** Folders an output folder must neither be nor contain (besides the filesystem root and the home folder). */
export interface ProtectedFolders {
  /** The project folder. */
  cwd: string;
  /** The policy folder, the templates folder, the cache folder: sources the output must not replace or sit inside. */
  sources: { name: string; dir: string }[];
  /** The home folder; by default the user's (`os.homedir()`). */
  home?: string;
}

/**
 * Why `out` must not be replaced by a build, or undefined when it may be.
 * Paths are compared as real paths (links resolved, `..` removed), so a link
 * to the project folder is caught like the folder itself.
 */
export function outputFolderProblem(out: string, guard: ProtectedFolders): string | undefined {
  let real: string;
  try {
    real = realPath(path.resolve(guard.cwd, out));
  } catch {
    return 'its path cannot be resolved (a loop of symbolic links)';
  }
  const project = realPath(guard.cwd);
  const home = guard.home ?? homedir();
  const realHome = home ? realPath(home) : undefined;
  if (path.dirname(real) === real) return 'it is the root of the filesystem';
  if (real === project) return 'it is the project folder';
  if (realHome !== undefined && real === realHome) return 'it is your home folder';
  if (contains(real, project)) return 'it contains the project folder';
  if (realHome !== undefined && contains(real, realHome)) return 'it contains your home folder';
  for (const source of guard.sources) {
    const dir = realPath(source.dir);
    if (real === dir) return `it is the ${source.name}`;
    if (contains(real, dir)) return `it contains the ${source.name}`;
    if (contains(dir, real)) return `it is inside the ${source.name}`;
  }
  let stats;
  try {
    stats = lstatSync(real);
  } catch {
    return undefined;
  }
  if (!stats.isDirectory()) return 'it is a file, not a folder';
  const entries = readdirSync(real);
  if (entries.length === 0) return undefined;
  const marker = lstatOrUndefined(path.join(real, outputMarker));
  if (!marker?.isFile()) return `it is not empty, and policyc did not build it (it has no \`${outputMarker}\` file)`;
  return undefined;
}

/** Whether `outer` strictly contains `inner` (both real, absolute). */
function contains(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * The real path of `file`: every link resolved, including a link to nothing
 * (followed to where it points) and parts that do not exist yet (kept as
 * written). Throws on a loop of links.
 */
export function realPath(file: string, hops = 0): string {
  if (hops > 40) throw new Error(`Too many symbolic links: ${file}`);
  try {
    return realpathSync.native(file);
  } catch {
    // Missing, or a link to nothing: resolve what exists.
  }
  const stats = lstatOrUndefined(file);
  if (stats?.isSymbolicLink()) return realPath(path.resolve(path.dirname(file), readlinkSync(file)), hops + 1);
  const parent = path.dirname(file);
  if (parent === file) return file;
  return path.join(realPath(parent, hops), path.basename(file));
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}
