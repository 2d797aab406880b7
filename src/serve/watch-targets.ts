import path from 'node:path';
import { configFileName } from '../config/config.js';

/**
 * What to watch: folders whole (policy, templates), single names in a folder
 * (the config file, and those folders themselves appearing), and what never
 * counts as a change (the build's output, the cache).
 */
export interface WatchTargets {
  trees: string[];
  names: Map<string, Set<string>>;
  ignore?: (file: string) => boolean;
}

/** The policy and templates folders whole, and the config file (and those folders appearing) by name. */
export function watchTargets(options: { cwd: string; policy?: string; templates?: string; cache?: unknown }): WatchTargets {
  const policyDir = path.resolve(options.cwd, options.policy ?? 'policy');
  const templatesDir = path.resolve(options.cwd, options.templates ?? 'templates');
  const names = new Map<string, Set<string>>();
  const add = (file: string) => {
    const dir = path.dirname(file);
    if (!names.has(dir)) names.set(dir, new Set());
    names.get(dir)!.add(path.basename(file));
  };
  add(path.join(options.cwd, configFileName));
  add(policyDir);
  add(templatesDir);
  // A cache folder given with --cache may lie inside the policy folder; its writes are not edits.
  const cacheDir = typeof options.cache === 'string' ? path.resolve(options.cwd, options.cache) : undefined;
  return { trees: [policyDir, templatesDir], names, ...(cacheDir ? { ignore: (file: string) => isWithin(file, cacheDir) } : {}) };
}

/** Whether `file` is `dir` or below it. */
export function isWithin(file: string, dir: string): boolean {
  return file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

/**
 * Whether a path is one the targets ask for: in a watched tree, one of the
 * named entries, or a folder that holds either (so the watcher walks down to them).
 * Version control and dependencies are never walked.
 */
export function isWatched(targets: WatchTargets, file: string): boolean {
  const base = path.basename(file);
  if (base === '.git' || base === 'node_modules') return false;
  if (targets.ignore?.(file)) return false;
  if (targets.trees.some((tree) => isWithin(file, tree))) return true;
  if (targets.names.get(path.dirname(file))?.has(base)) return true;
  return targets.names.has(file);
}
