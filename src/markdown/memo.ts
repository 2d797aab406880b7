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

  /**
   * `weigh`: the characters a value holds beyond its key (a string value: its
   * length); `keyOf`: the key of its own a value holds, used when it moves to
   * the newer generation instead of copying the key again.
   */
  constructor(
    private readonly generation: number,
    private readonly weigh: (value: V) => number = (value) => (typeof value === 'string' ? value.length : 0),
    private readonly keyOf?: (value: V) => string,
  ) {}

  get(key: string): V | undefined {
    const found = this.newer.get(key);
    if (found !== undefined) return found;
    const old = this.older.get(key);
    if (old !== undefined) this.set(this.keyOf?.(old) ?? key, old, this.keyOf !== undefined);
    return old;
  }

  /** `owned`: the key is already a string of its own (see `ownCopy`), kept as it is. */
  set(key: string, value: V, owned = false): void {
    if (this.size >= this.generation) {
      this.older = this.newer;
      this.newer = new Map();
      this.size = 0;
    }
    this.size += key.length + this.weigh(value);
    this.newer.set(owned ? key : ownCopy(key), value);
  }

  /** The values kept, the older generation's first (a value may come twice). */
  *values(): IterableIterator<V> {
    yield* this.older.values();
    yield* this.newer.values();
  }
}

/**
 * The same text in a string of its own. V8 keeps a string cut from a larger
 * one (a line of a whole page) as a view of it, so keeping the piece keeps all
 * of it alive; slicing a fresh concatenation copies the text instead.
 */
export function ownCopy(text: string): string {
  return `${text} `.slice(0, -1);
}
