import path from 'node:path';
import type { Cache } from '../cache/cache.js';
import { defaultParseSettings, type ParseSettings } from '../load/parse.js';

/** Where a project's files are. Relative paths are resolved against `cwd`. */
export interface ProjectOptions {
  /** Folder of policy documents (default: `policy`). */
  policy?: string;
  /** Check only these files instead of every document in the policy folder. */
  files?: readonly string[];
  /** Working directory; paths in diagnostics are relative to it (default: `process.cwd()`). */
  cwd?: string;
  /** Largest policy file accepted, in bytes (default: 5 MiB). */
  maxBytes?: number;
  /**
   * Where what is derived from released versions is kept between runs (their
   * checked data, change sets, pages), so that unchanged versions are not
   * checked and rendered again: a folder (the CLI's default is
   * `defaultCacheDir`), a `Cache`, or `false` for none. A hit is
   * byte-identical to computing afresh; a folder's entries are
   * authenticated, and a folder reached through a link is not used.
   */
  cache?: string | Cache | false;
}

/** The cache folder the CLI uses unless told otherwise (`--cache DIR`, `--no-cache`). */
export const defaultCacheDir = 'node_modules/.cache/policyc';

/** Today's date in UTC (YYYY-MM-DD): the one place policyc reads the clock. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The options without `files`: commands that need every document and history (diff, notify, release) read the whole policy folder. */
export function wholeProject<T extends ProjectOptions>(options: T): Omit<T, 'files'> {
  const { files: _files, ...rest } = options;
  return rest;
}

/** Where a project's files are, every default applied: the one place the defaults of `ProjectOptions` are. */
export interface ProjectPaths {
  /** The working directory, absolute. */
  cwd: string;
  /** The policy folder, absolute. */
  policyDir: string;
  /** The policy folder as given (`policy` by default), for diagnostics about the project as a whole. */
  policyShown: string;
  /** A path as diagnostics name it: relative to `cwd` (the path itself when that is empty). */
  display(file: string): string;
  /** The largest document read, in bytes. */
  maxBytes: number;
  /** How documents are parsed (with `maxBytes`). */
  parseSettings: ParseSettings;
}

/** Apply the defaults of `ProjectOptions`. */
export function projectPaths(options: ProjectOptions): ProjectPaths {
  const cwd = options.cwd ?? process.cwd();
  const maxBytes = options.maxBytes ?? defaultParseSettings.maxBytes;
  return {
    cwd,
    policyDir: path.resolve(cwd, options.policy ?? 'policy'),
    policyShown: options.policy ?? 'policy',
    display: (file) => path.relative(cwd, file) || file,
    maxBytes,
    parseSettings: { ...defaultParseSettings, maxBytes },
  };
}
