// Inputs no fixture file can hold: very large files, UTF-16, a BOM.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, validate } from '../src/index.js';
import { tempDir } from './support/project.js';

describe('parse', () => {
  it('refuses a file over the size limit without reading it', async () => {
    const dir = tempDir();
    mkdir(dir);
    writeFileSync(path.join(dir, 'policy/privacy.yaml'), `id: privacy\nnotes: "${'x'.repeat(6 * 1024 * 1024)}"\n`);
    const result = await validate({ cwd: dir });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ file: 'policy/privacy.yaml', line: 1, column: 1, ruleId: 'file-too-large' });
    expect(result.diagnostics[0]!.message).toBe('File is 6.0 MiB, over the limit of 5.0 MiB');
  });

  it('says a UTF-16 file is not UTF-8', () => {
    const bytes = Buffer.from('\ufeffid: privacy\n', 'utf16le');
    const parsed = parse({ path: 'p.yaml', bytes, size: bytes.length });
    expect(parsed.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['encoding-not-utf8', 'File is encoded as UTF-16, not UTF-8']]);
  });

  it('accepts a UTF-8 byte order mark', () => {
    const bytes = Buffer.from('\ufeffid: privacy\n', 'utf8');
    const parsed = parse({ path: 'p.yaml', bytes, size: bytes.length });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.data).toEqual({ id: 'privacy' });
  });

  it('points at the first invalid byte', () => {
    const bytes = Buffer.concat([Buffer.from('id: x\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const parsed = parse({ path: 'p.yaml', bytes, size: bytes.length });
    expect(parsed.diagnostics[0]).toMatchObject({ ruleId: 'encoding-not-utf8', line: 2, column: 11 });
  });

  it('keeps __proto__ keys as data, polluting nothing', () => {
    const bytes = Buffer.from('__proto__:\n  polluted: true\nconstructor: x\n');
    const parsed = parse({ path: 'p.yaml', bytes, size: bytes.length });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(parsed.data!)).toEqual(['__proto__', 'constructor']);
  });
});

function mkdir(dir: string) {
  mkdirSync(path.join(dir, 'policy'));
}
