import type { SubtreeMemo } from '../model/fields.js';

/**
 * The converted parts of the last two documents viewed in one output format
 * (see `mapStrings`): a build views the versions of a document in order, and
 * each shares most of its objects with the one before. Starting a document
 * drops what the one before the last used and the last did not, so memory
 * holds two versions' copies at most, however many versions there are.
 */
export class RecentSubtrees implements SubtreeMemo {
  private newer = new WeakMap<object, Map<string, unknown>>();
  private older = new WeakMap<object, Map<string, unknown>>();
  private document: object | undefined;

  /** Say which document is converted next: a new one starts a generation. */
  start(document: object): void {
    if (document === this.document) return;
    this.document = document;
    this.older = this.newer;
    this.newer = new WeakMap();
  }

  get(part: object, at: string): unknown {
    const found = this.newer.get(part)?.get(at);
    if (found !== undefined) return found;
    const old = this.older.get(part)?.get(at);
    if (old !== undefined) this.set(part, at, old);
    return old;
  }

  set(part: object, at: string, copy: unknown): void {
    let byPlace = this.newer.get(part);
    if (!byPlace) this.newer.set(part, (byPlace = new Map()));
    byPlace.set(at, copy);
  }
}

const byFormat = new WeakMap<object, RecentSubtrees>();

/** The memo of the documents' parts converted with one output format (a format's `convert` is a function of the string, its kind and its path's keys). */
export function subtreesOf(format: object): RecentSubtrees {
  let memo = byFormat.get(format);
  if (!memo) byFormat.set(format, (memo = new RecentSubtrees()));
  return memo;
}
