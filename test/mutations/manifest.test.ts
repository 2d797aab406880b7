// The manifest's small pure helpers, pinned at their edges: canonical JSON (what chains entries), version order,
// bump levels, and the migration from format 1. A change to any of them changes what a history verifies as.
import { describe, expect, it } from 'vitest';
import { bumpBetween, bumpCovers, bumpVersion, canonicalJson, compareVersions, entryHash, sha256 } from '../../src/history/manifest.js';
import { migrate, migrations } from '../../src/history/migrate.js';

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps list order, and leaves out undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined, ['a-b']: true }, aa: null })).toBe(
      '{"a":{"a-b":true,"d":[3,{"y":2,"z":1}]},"aa":null,"b":1}',
    );
    expect(canonicalJson(['b', 'a'])).toBe('["b","a"]');
    expect(canonicalJson('x')).toBe('"x"');
  });

  it('is what an entry hash is taken of, so key order does not change the hash', () => {
    expect(entryHash({ version: '1.0.0', file: '1.0.0.yaml' } as never)).toBe(sha256('{"file":"1.0.0.yaml","version":"1.0.0"}'));
    expect(entryHash({ file: '1.0.0.yaml', version: '1.0.0' } as never)).toBe(entryHash({ version: '1.0.0', file: '1.0.0.yaml' } as never));
  });
});

describe('versions', () => {
  it.each([
    ['1.2.3', '1.2.3', 0],
    ['1.2.3', '1.2.10', -1],
    ['1.10.0', '1.9.9', 1],
    ['2.0.0', '10.0.0', -1],
    ['1.0.1', '1.0.0', 1],
  ])('compareVersions(%s, %s) has the sign %i', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });

  it.each([
    ['1.2.3', '1.2.4', 'patch'],
    ['1.2.3', '1.3.0', 'minor'],
    ['1.2.3', '1.3.5', 'minor'],
    ['1.2.3', '2.0.0', 'major'],
    ['1.2.3', '1.2.3', 'none'],
    ['1.2.3', '1.2.2', 'none'],
    ['1.2.3', '1.1.9', 'none'],
    ['1.2.3', '0.9.9', 'none'],
    ['1.2.3', '1.1.4', 'none'],
    ['1.2.3', '0.3.4', 'none'],
  ])('bumpBetween(%s, %s) is %s', (from, to, bump) => {
    expect(bumpBetween(from, to)).toBe(bump);
  });

  it('bumps each level, and orders bumps', () => {
    expect(['patch', 'minor', 'major'].map((level) => bumpVersion('1.2.3', level as 'patch'))).toEqual(['1.2.4', '1.3.0', '2.0.0']);
    expect(bumpCovers('minor', 'patch')).toBe(true);
    expect(bumpCovers('patch', 'minor')).toBe(false);
    expect(bumpCovers('none', 'none')).toBe(true);
  });
});

describe('migrate', () => {
  it('renames format 1’s `changes.notification` to `channels`, and leaves a document without it as it is', () => {
    expect(migrate({ id: 'p', changes: { description: 'd', notification: ['email'] } }, 1, migrations, 2)).toEqual({
      id: 'p',
      changes: { description: 'd', channels: ['email'] },
    });
    const withoutNotification = { id: 'p', changes: { description: 'd' } };
    expect(migrate(withoutNotification, 1, migrations, 2)).toBe(withoutNotification);
    const withoutChanges = { id: 'p' };
    expect(migrate(withoutChanges, 1, migrations, 2)).toBe(withoutChanges);
  });

  it('runs every step from the format given to the one asked for, and names a missing step', () => {
    const registry = { 1: (d: Record<string, unknown>) => ({ ...d, one: true }), 2: (d: Record<string, unknown>) => ({ ...d, two: true }) };
    expect(migrate({}, 1, registry, 3)).toEqual({ one: true, two: true });
    expect(migrate({}, 2, registry, 3)).toEqual({ two: true });
    expect(migrate({ same: 1 }, 3, registry, 3)).toEqual({ same: 1 });
    expect(() => migrate({}, 1, registry, 4)).toThrow('No migration from document format 3 to 4');
  });
});
