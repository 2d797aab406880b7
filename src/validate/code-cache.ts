import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire as requireFor } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';
import { sha256 } from '../util/hash.js';

// A generated CommonJS module of lib/ (the standalone schema validators),
// loaded with V8's compiled code of it, which `npm run prepare` keeps beside
// it (`<file>.code-cache`): compiling its large functions is a noticeable part
// of a cold validation, and Node 20 caches no compiled code by itself. The
// cache is part of the tool, written with the module it was made from, never
// read from the project or from policyc's cache folder. Its first 64 bytes are
// the SHA-256 of the module's source and of the Node.js binary that made it
// (its path, size, time and versions): V8 checks only the source's length and
// its own version number, and Node.js builds sharing a V8 version number do
// not share compiled code (a cache made by Node.js 20.20 misvalidates on
// 20.18, both V8 11.3.244.8). Other V8 flags V8 detects and rejects. Without a
// cache that fits, the module is compiled as without one.

/** Where the compiled code of a generated module is kept. */
export const codeCacheOf = (file: string): string => `${file}.code-cache`;

const hashLength = 64;

/** What a cache is valid for: this source, run by this very Node.js binary. */
export function cacheId(source: Buffer): string {
  const binary = statSync(process.execPath);
  const runtime = JSON.stringify([process.execPath, binary.size, binary.mtimeMs, process.versions, process.arch, process.platform]);
  return sha256(Buffer.concat([source, Buffer.from(`\0${runtime}`)]));
}

/** The module's source wrapped as Node's CommonJS loader does, so it runs as under require(). */
const wrapped = (source: string) => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

/** A CommonJS module compiled from `file`, with V8's cached code when a fresh one is beside it; with the script, to make a cache from. */
export function loadWithCodeCache(file: string): { exports: unknown; script: Script; source: Buffer } {
  const source = readFileSync(file);
  const script = new Script(wrapped(source.toString('utf8')), { filename: file, ...cachedDataFor(file, source) });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, requireFor(file), module, file, path.dirname(file));
  return { exports: module.exports, script, source };
}

function cachedDataFor(file: string, source: Buffer): { cachedData?: Buffer } {
  try {
    const cache = readFileSync(codeCacheOf(file));
    return cache.subarray(0, hashLength).toString('latin1') === cacheId(source) ? { cachedData: cache.subarray(hashLength) } : {};
  } catch {
    return {};
  }
}

/** Write the compiled code of a module loaded with `loadWithCodeCache` (after running what should be kept compiled). */
export function writeCodeCache(file: string, loaded: { script: Script; source: Buffer }): void {
  writeFileSync(codeCacheOf(file), Buffer.concat([Buffer.from(cacheId(loaded.source), 'latin1'), loaded.script.createCachedData()]));
}
