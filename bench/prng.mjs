// A small seeded PRNG, so the same seed always gives the same synthetic project.
// Math.random cannot be seeded; mulberry32 is tiny, fast and good enough for test data.

/** A random source: `next()` in [0, 1) and the helpers the generator needs. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  /** `count` distinct items of `list`, in list order. */
  const sample = (list, count) => {
    const indexes = new Set();
    const n = Math.min(count, list.length);
    while (indexes.size < n) indexes.add(Math.floor(next() * list.length));
    return [...indexes].sort((a, b) => a - b).map((i) => list[i]);
  };
  return { next, int, pick, chance, sample };
}

/** A 32-bit FNV-1a hash of a string: a stable seed for per-word choices that must not consume the main stream. */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
