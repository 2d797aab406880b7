import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { configFileName } from '../config/config.js';

/** What to watch: folders whole (policy, templates), and single names in a folder (the config file, and those folders themselves appearing). */
export interface WatchTargets {
  trees: string[];
  names: Map<string, Set<string>>;
  ignore?: (file: string) => boolean;
}

/** The policy and templates folders whole, and the config file (and those folders appearing) by name. */
export function watchTargets(options: { cwd: string; policy?: string; templates?: string }): WatchTargets {
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
  return { trees: [policyDir, templatesDir], names };
}

/** Every folder below `dir` (itself included), or none when it does not exist. */
export function foldersOf(dir: string): string[] {
  try {
    if (!statSync(dir).isDirectory()) return [];
  } catch {
    return [];
  }
  const out = [dir];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out; // removed while being listed: the next sync drops it
  }
  for (const entry of entries) {
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') out.push(...foldersOf(path.join(dir, entry.name)));
  }
  return out;
}
