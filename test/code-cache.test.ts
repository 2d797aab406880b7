// A generated module of lib/ is loaded with the V8 code cache `npm run prepare`
// keeps beside it (src/validate/code-cache.ts): used only when made from the
// same source, else the module is compiled as without one; it runs as a
// CommonJS module either way.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cacheId, codeCacheOf, loadWithCodeCache, writeCodeCache } from '../src/validate/code-cache.js';
import { sha256 } from '../src/util/hash.js';
import { root } from './support/fixtures.js';
import { tempDir } from './support/project.js';

const moduleText = (n: number) => `module.exports.answer = () => ${n} + require('node:path').basename(__filename).length;\n`;

describe('code cache', () => {
  it('loads a CommonJS module, without a cache and then with the one made of it', () => {
    const file = path.join(tempDir(), 'gen.cjs');
    writeFileSync(file, moduleText(40));
    const first = loadWithCodeCache(file);
    expect((first.exports as { answer(): number }).answer()).toBe(47);
    expect(first.script.cachedDataRejected).toBeUndefined();
    writeCodeCache(file, first);
    const second = loadWithCodeCache(file);
    expect(second.script.cachedDataRejected).toBe(false);
    expect((second.exports as { answer(): number }).answer()).toBe(47);
  });

  it('is not used for a module changed since, even of the same length (V8 checks only the length)', () => {
    const file = path.join(tempDir(), 'gen.cjs');
    writeFileSync(file, moduleText(40));
    writeCodeCache(file, loadWithCodeCache(file));
    writeFileSync(file, moduleText(41));
    const loaded = loadWithCodeCache(file);
    expect(loaded.script.cachedDataRejected).toBeUndefined();
    expect((loaded.exports as { answer(): number }).answer()).toBe(48);
  });

  it('is not used when made by another Node.js binary (builds sharing a V8 version number do not share compiled code)', () => {
    const file = path.join(tempDir(), 'gen.cjs');
    writeFileSync(file, moduleText(40));
    writeCodeCache(file, loadWithCodeCache(file));
    const made = readFileSync(codeCacheOf(file));
    // The same compiled code, keyed by the source alone (as if the binary's identity differed).
    writeFileSync(codeCacheOf(file), Buffer.concat([Buffer.from(sha256(readFileSync(file)), 'latin1'), made.subarray(64)]));
    expect(loadWithCodeCache(file).script.cachedDataRejected).toBeUndefined();
  });

  it('is harmless when V8 rejects it: the module is compiled', () => {
    const file = path.join(tempDir(), 'gen.cjs');
    writeFileSync(file, moduleText(1));
    writeFileSync(codeCacheOf(file), Buffer.concat([Buffer.from(cacheId(readFileSync(file)), 'latin1'), Buffer.from('not code')]));
    const loaded = loadWithCodeCache(file);
    expect(loaded.script.cachedDataRejected).toBe(true);
    expect((loaded.exports as { answer(): number }).answer()).toBe(8);
  });

  const generated = path.join(root, 'lib/validate/schema.standalone.cjs');
  it.skipIf(!existsSync(codeCacheOf(generated)))('beside lib/validate/schema.standalone.cjs, is taken by the Node.js that made it', () => {
    // In a process of its own, as the CLI runs it (V8 rejects a cache made under other flags).
    const script = `const { loadWithCodeCache } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'lib/validate/code-cache.js')).href)});
      process.stdout.write(String(loadWithCodeCache(${JSON.stringify(generated)}).script.cachedDataRejected));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout, 'run `npm run prepare`').toBe('false');
  });
});
