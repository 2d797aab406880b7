// A released snapshot is parsed only when its cache entry misses (issue 17):
// its checked data is kept under its bytes' hash, and so are the places of
// the findings on it, so a validation with a warm cache parses no snapshot of
// a release (frozen translations aside) and reports exactly the same.
import { describe, expect, it, vi } from 'vitest';
import type { Cache } from '../src/cache/cache.js';

const parsed = vi.hoisted(() => [] as string[]);
vi.mock('../src/load/parse.js', async (original) => {
  const actual = await original<typeof import('../src/load/parse.js')>();
  return {
    ...actual,
    parse: (...args: Parameters<typeof actual.parse>) => {
      parsed.push(args[0].path);
      return actual.parse(...args);
    },
  };
});

const { validate } = await import('../src/index.js');
const { copySample } = await import('./support/project.js');

/** A cache in memory, as a run's disk cache behaves. */
function memoryCache(): Cache {
  const entries = new Map<string, string>();
  return { get: (key) => entries.get(key), set: (key, value) => void entries.set(key, value) };
}

describe('a validation with a warm cache', () => {
  it('parses no released snapshot, and reports the same', async () => {
    const dir = copySample();
    const cache = memoryCache();
    const releases = () => parsed.splice(0).filter((file) => /history\/privacy\/\d+\.\d+\.\d+\.yaml$/.test(file));
    // 2026-12-01: version 1.0.0 is still in force, so its findings are reported at their lines (its snapshot parsed for them).
    const cold = await validate({ cwd: dir, cache, date: '2026-12-01' });
    expect(releases()).toEqual(expect.arrayContaining(['policy/history/privacy/1.0.0.yaml', 'policy/history/privacy/2.0.0.yaml']));
    expect(cold.diagnostics.some((d) => d.file === 'policy/history/privacy/1.0.0.yaml' && d.line > 1)).toBe(true);
    const warm = await validate({ cwd: dir, cache, date: '2026-12-01' });
    expect(releases()).toEqual([]);
    expect(warm.diagnostics).toEqual(cold.diagnostics);
    expect([...warm.sources]).toEqual([...cold.sources]);
    // Without a cache, every run parses them again.
    await validate({ cwd: dir, date: '2026-12-01' });
    expect(releases().length).toBeGreaterThan(0);
  });
});
