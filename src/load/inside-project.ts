import { realpathSync } from 'node:fs';
import path from 'node:path';

/** Whether `child` is `parent` or below it (both absolute). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Whether a folder named inside the project leads out of it through a
 * symbolic link: a pull request can replace `templates/` or `policy/` with a
 * link to `/` or `/proc`, and policyc would then read whatever is there. A
 * folder the user names outside the project (`--policy ../shared/policy`) is
 * their choice and is not refused; one that does not exist leads nowhere.
 */
export function leavesProject(dir: string, projectRoot: string): boolean {
  if (!isInside(path.resolve(dir), path.resolve(projectRoot))) return false;
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync.native(dir);
    realRoot = realpathSync.native(projectRoot);
  } catch {
    return false;
  }
  return !isInside(real, realRoot);
}
