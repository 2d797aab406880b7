import path from 'node:path';
import type { DiskCache } from '../cache/cache.js';
import { diagnostic, fileStart, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { outputFolderProblem, outputMarker, type ProtectedFolders } from '../emit/output-folder.js';
import { OutputLockedError, OutputRefusedError, stageSite, type StagedSite } from '../emit/write-site.js';
import { projectPaths } from './options.js';
import { prepareSite, type BuildOptions } from './site.js';

/** The outcome of `build`. */
export interface BuildResult {
  diagnostics: Diagnostic[];
  /** The text of each policy file read, by its display path (for code frames). */
  sources: Map<string, string>;
  /** Paths written, relative to the output folder, sorted; empty when nothing was written. */
  written: string[];
  /** The output folder, absolute. */
  out: string;
}

/**
 * Validate the project and compile it into the output folder. Writes
 * nothing when any document, history or template has an error; otherwise
 * replaces the output folder atomically.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const { cwd } = projectPaths(options);
  const out = path.resolve(cwd, options.out ?? 'dist');
  // A wrong output folder is refused before anything else: the build would delete it.
  const refused = checkOutputFolder(options);
  if (refused) return { diagnostics: [refused], sources: new Map(), written: [], out };
  const prepared = await prepareSite(options);
  const result = { diagnostics: sortDiagnostics(prepared.diagnostics), sources: prepared.sources, written: [] as string[], out };
  if (!prepared.compile) return result;
  let staged: StagedSite;
  try {
    staged = await stageSite(out, protectedFolders(options));
  } catch (error) {
    const refusal = stagingRefused(error, cwd, out);
    return { ...result, diagnostics: sortDiagnostics([...result.diagnostics, refusal]) };
  }
  // Pages go to the staging folder as they are rendered; the output folder is replaced only when all are there.
  let site: { files: StagedSite; diagnostics: Diagnostic[] };
  try {
    site = prepared.compile(staged);
  } catch (error) {
    await staged.abort();
    throw error;
  }
  if (hasErrors(site.diagnostics)) {
    await staged.abort();
    return { ...result, diagnostics: sortDiagnostics(site.diagnostics) };
  }
  await staged.commit();
  // Entries no build has used for a while go, so the cache folder does not grow without end (only its own, verified entries).
  if (typeof options.cache === 'string' && prepared.cache && 'prune' in prepared.cache) (prepared.cache as DiskCache).prune();
  return {
    ...result,
    diagnostics: sortDiagnostics([...site.diagnostics, ...(prepared.cache?.diagnostics ?? [])]),
    written: [...staged.keys()].sort(),
  };
}

/**
 * Whether `build` would refuse its output folder (`output-folder-refused`, a
 * usage error: the CLI exits 2): the project folder, the filesystem root, the
 * home folder or a folder holding one of them; the policy, templates or
 * cache folder, a folder holding one or inside one; a file; or a non-empty
 * folder policyc did not build. Undefined when the folder may be replaced.
 */
export function checkOutputFolder(options: BuildOptions = {}): Diagnostic | undefined {
  const { cwd } = projectPaths(options);
  const out = path.resolve(cwd, options.out ?? 'dist');
  const reason = outputFolderProblem(out, protectedFolders(options));
  return reason ? outputRefused(cwd, out, reason) : undefined;
}

/** The folders a build's output must neither be, contain nor sit inside: the project's sources and cache. */
function protectedFolders(options: BuildOptions): ProtectedFolders {
  const { cwd, policyDir } = projectPaths(options);
  return {
    cwd,
    sources: [
      { name: 'policy folder', dir: policyDir },
      { name: 'templates folder', dir: path.resolve(cwd, options.templates ?? 'templates') },
      ...(typeof options.cache === 'string' ? [{ name: 'cache folder', dir: path.resolve(cwd, options.cache) }] : []),
    ],
  };
}

function outputRefused(cwd: string, out: string, reason: string): Diagnostic {
  const shown = path.relative(cwd, out) || '.';
  return diagnostic(
    shown,
    fileStart,
    'output-folder-refused',
    'build',
    `Refusing to build into \`${shown}\`: ${reason}. A build deletes and replaces its output folder; nothing was written`,
    {
      hint: `Name another folder with \`--out DIR\` (default \`dist\`). policyc replaces only a folder it built (it holds a \`${outputMarker}\` file), an empty folder, or a missing one.`,
    },
  );
}

/** Why the output folder could not be staged, under its lock: refused after all, or locked by another build. Other errors are thrown. */
function stagingRefused(error: unknown, cwd: string, out: string): Diagnostic {
  if (error instanceof OutputRefusedError) return outputRefused(cwd, out, error.reason);
  if (!(error instanceof OutputLockedError)) throw error;
  const shown = path.relative(cwd, error.lockFile) || error.lockFile;
  const message =
    error.pid === undefined
      ? `\`${shown}\` is in the way of the lock for \`${path.relative(cwd, out) || out}\` and cannot be taken over; nothing was written`
      : `Another policyc (process ${error.pid}) is writing \`${path.relative(cwd, out) || out}\`; nothing was written`;
  return diagnostic(shown, fileStart, 'build-locked', 'build', message, {
    hint:
      error.pid === undefined
        ? `Delete \`${shown}\` and build again.`
        : `Wait for it to finish and build again. If no policyc is running, delete \`${shown}\`.`,
  });
}
