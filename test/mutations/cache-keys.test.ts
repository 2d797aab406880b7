// Cache keys and the read-through helpers, in this process: a key names everything a value is computed from,
// so equal inputs share it and any difference (the kind, a part, its order or type) makes another; a hit is
// returned as stored, a miss is computed and stored, and nothing undefined is ever stored.
import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cached, cachedJson, cacheKey, memoryCache, recordToolDigest, toolDigest, toolDigestOf } from '../../src/cache/cache.js';
import { tempDir } from '../support/project.js';

describe('cacheKey', () => {
  it('is a SHA-256 of the kind, the tool and the parts: equal for equal inputs, different for any difference', () => {
    const key = cacheKey('page', 'a', 1, { b: [2] });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey('page', 'a', 1, { b: [2] })).toBe(key);
    for (const other of [
      cacheKey('snapshot', 'a', 1, { b: [2] }),
      cacheKey('page', 'b', 1, { b: [2] }),
      cacheKey('page', 1, 'a', { b: [2] }),
      cacheKey('page', 'a', '1', { b: [2] }),
      cacheKey('page', 'a', 1, { b: [3] }),
      cacheKey('page', 'a', 1),
    ])
      expect(other).not.toBe(key);
  });

  it('includes the running tool, whose digest is stable within a process', () => {
    expect(toolDigest()).toMatch(/^[0-9a-f]{64}$/);
    expect(toolDigest()).toBe(toolDigest());
  });
});

/** A code root (lib/) with its package.json and schema beside it, as an installed policyc has. */
function codeRoot(): string {
  const dir = tempDir();
  const root = path.join(dir, 'lib');
  mkdirSync(path.join(root, 'sub'), { recursive: true });
  mkdirSync(path.join(dir, 'schema'));
  writeFileSync(path.join(dir, 'package.json'), '{"version":"1.0.0"}');
  writeFileSync(path.join(dir, 'schema/policy.schema.json'), '{}');
  // Written out of order: the digest reads them in name order, whatever order the folder lists them in.
  writeFileSync(path.join(root, 'd.mjs'), 'd');
  writeFileSync(path.join(root, 'sub/b.ts'), 'b');
  writeFileSync(path.join(root, 'a.js'), 'a');
  writeFileSync(path.join(root, 'c.cjs'), 'c');
  writeFileSync(path.join(root, 'e.d.ts'), 'types');
  writeFileSync(path.join(root, 'f.json'), 'data');
  return root;
}

describe('the digest of the code', () => {
  it('changes with any code file, package.json or the schema, and not with declarations or data files', () => {
    const root = codeRoot();
    const digest = toolDigestOf(root);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(toolDigestOf(root)).toBe(digest);
    const changed = (file: string, text: string) => {
      const before = readFileSync(file, 'utf8');
      writeFileSync(file, text);
      const after = toolDigestOf(root);
      writeFileSync(file, before);
      return after;
    };
    for (const file of ['a.js', 'sub/b.ts', 'c.cjs', 'd.mjs', '../package.json', '../schema/policy.schema.json'])
      expect(changed(path.join(root, file), 'edited'), file).not.toBe(digest);
    for (const file of ['e.d.ts', 'f.json']) expect(changed(path.join(root, file), 'edited'), file).toBe(digest);
    // A file's name is part of it: the same bytes under another name (in the same place in the order) are other code.
    rmSync(path.join(root, 'a.js'));
    writeFileSync(path.join(root, 'aa.js'), 'a');
    expect(toolDigestOf(root)).not.toBe(digest);
  });

  it('reads names and contents unambiguously: a file holding what would have been the next one is other code', () => {
    const split = codeRoot();
    writeFileSync(path.join(split, 'a.js'), 'X');
    writeFileSync(path.join(split, 'c.cjs'), 'Y');
    const joined = codeRoot();
    rmSync(path.join(joined, 'c.cjs'));
    writeFileSync(path.join(joined, 'a.js'), 'Xc.cjs\0Y');
    expect(toolDigestOf(joined)).not.toBe(toolDigestOf(split));
  });

  it('changes with the Node.js and ICU versions (dates and lists are formatted with Intl)', () => {
    const root = codeRoot();
    const digest = toolDigestOf(root);
    for (const [object, key] of [
      [process, 'version'],
      [process.versions, 'icu'],
    ] as const) {
      const original = Object.getOwnPropertyDescriptor(object, key)!;
      Object.defineProperty(object, key, { ...original, value: `${String(original.value)}.1` });
      try {
        expect(toolDigestOf(root), key).not.toBe(digest);
      } finally {
        Object.defineProperty(object, key, original);
      }
    }
    expect(toolDigestOf(root)).toBe(digest);
  });

  it('is read from the record prepare writes; in a checkout only while no file is newer, else hashed again', () => {
    const root = codeRoot();
    const hashed = toolDigestOf(root, true);
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(path.join(root, 'a.js'), earlier, earlier);
    expect(recordToolDigest(root)).toBe(hashed);
    const recordFile = path.join(root, 'tool-digest.json');
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as { code: string; files: string[]; newest: number };
    expect(record.files).toEqual(['a.js', 'c.cjs', 'd.mjs', 'sub/b.ts']);
    expect(record.newest).toBe(Math.max(...record.files.map((f) => statSync(path.join(root, f)).mtimeMs)));
    // A record that says other code is believed while it is true of the files (the runtime is mixed in on reading)...
    const planted = (fields: Record<string, unknown>, checkout = true) => {
      writeFileSync(recordFile, JSON.stringify({ ...record, code: 'f'.repeat(64), ...fields }));
      return toolDigestOf(root, checkout);
    };
    const believed = planted({});
    expect(believed).not.toBe(hashed);
    expect(believed).toMatch(/^[0-9a-f]{64}$/);
    expect(planted({}, false)).toBe(believed);
    // ...and not when the digest is not a string, a file is missing (in a checkout), or the record is not JSON.
    expect(planted({ code: 7 })).toBe(hashed);
    expect(planted({ code: 7 }, false)).toBe(hashed);
    expect(planted({ files: [...record.files, 'gone.js'] })).toBe(hashed);
    writeFileSync(recordFile, '{');
    expect(toolDigestOf(root, true)).toBe(hashed);
    expect(toolDigestOf(root, false)).toBe(hashed);
    // A file newer than the record (a rebuild) makes it stale in a checkout; an installed package (whose file
    // times npm rewrote) still believes it, and never hashes its code.
    writeFileSync(recordFile, JSON.stringify({ ...record, code: 'f'.repeat(64) }));
    const later = new Date(record.newest + 5_000);
    utimesSync(path.join(root, 'sub/b.ts'), later, later);
    expect(toolDigestOf(root, true)).toBe(hashed);
    expect(toolDigestOf(root, false)).toBe(believed);
  });

  it('takes a checkout to be a code root with the sources beside it', () => {
    const root = codeRoot();
    const hashed = toolDigestOf(root);
    writeFileSync(path.join(root, 'tool-digest.json'), JSON.stringify({ code: 'f'.repeat(64), files: ['a.js'], newest: 0 }));
    // Installed (no src/cli/bin.ts beside lib/): the record, whatever the file times say.
    expect(toolDigestOf(root)).toBe(toolDigestOf(root, false));
    expect(toolDigestOf(root)).not.toBe(hashed);
    mkdirSync(path.join(root, '../src/cli'), { recursive: true });
    writeFileSync(path.join(root, '../src/cli/bin.ts'), '');
    expect(toolDigestOf(root)).toBe(hashed);
  });
});

/** A key function, as the callers pass one (the key is computed only on use). */
const key = (k: string) => () => k;

describe('cached and cachedJson', () => {
  it('computes without a cache, every time', () => {
    let calls = 0;
    expect(
      cached(
        undefined,
        () => 'k',
        () => `v${++calls}`,
      ),
    ).toBe('v1');
    expect(
      cached(
        undefined,
        () => 'k',
        () => `v${++calls}`,
      ),
    ).toBe('v2');
    expect(
      cachedJson(
        undefined,
        () => 'k',
        () => ({ n: ++calls }),
      ),
    ).toEqual({ n: 3 });
  });

  it('computes a miss once, stores it, and returns the stored value on a hit', () => {
    const cache = memoryCache();
    let calls = 0;
    const compute = () => `value ${++calls}`;
    expect(cached(cache, () => 'k', compute)).toBe('value 1');
    expect(cached(cache, () => 'k', compute)).toBe('value 1');
    expect(calls).toBe(1);
    expect(cache.stats).toEqual({ hits: 1, misses: 1, writes: 1 });
    expect([...cache.entries]).toEqual([['k', 'value 1']]);
  });

  it('stores nothing for an undefined result, and an empty string is a value', () => {
    const cache = memoryCache();
    expect(cached(cache, key('none'), () => undefined)).toBeUndefined();
    expect(cache.entries.has('none')).toBe(false);
    expect(cache.stats.writes).toBe(0);
    expect(cached(cache, key('empty'), () => '')).toBe('');
    expect(cached(cache, key('empty'), () => 'again')).toBe('');
  });

  it('stores JSON and parses it back on a hit; undefined is not stored', () => {
    const cache = memoryCache();
    expect(cachedJson(cache, key('j'), () => ({ a: [1, 'b'] }))).toEqual({ a: [1, 'b'] });
    expect(cache.entries.get('j')).toBe('{"a":[1,"b"]}');
    expect(cachedJson(cache, key('j'), () => ({ other: true }))).toEqual({ a: [1, 'b'] });
    expect(cachedJson(cache, key('u'), () => undefined)).toBeUndefined();
    expect(cache.entries.has('u')).toBe(false);
    expect(cachedJson(cache, key('zero'), () => 0)).toBe(0);
    expect(cachedJson(cache, key('zero'), () => 1)).toBe(0);
  });
});
