/**
 * A memo that keeps what was used recently: two generations of entries; when
 * the newer one holds `generation` characters (keys, and values that are
 * strings), it becomes the older one and the older one is dropped; an entry
 * found in the older one moves to the newer. A build renders versions in
 * order, so what a version shares with the one before stays, while the texts
 * of versions long past go: memory stays bounded however many versions there
 * are (and in a long-running `serve`). A generation must hold at least what
 * one page uses, or every page would start afresh.
 */
export class RecentMemo<V> {
  private newer = new Map<string, V>();
  private older = new Map<string, V>();
  private size = 0;

  constructor(private readonly generation: number) {}

  get(key: string): V | undefined {
    const found = this.newer.get(key);
    if (found !== undefined) return found;
    const old = this.older.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    if (this.size >= this.generation) {
      this.older = this.newer;
      this.newer = new Map();
      this.size = 0;
    }
    this.size += key.length + (typeof value === 'string' ? value.length : 0);
    // A key cut from a larger string (a line of a page) would keep all of it alive: store a copy of its own.
    this.newer.set(`${key} `.slice(0, -1), value);
  }
}
