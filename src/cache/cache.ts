import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isCheckout } from '../util/checkout.js';
import { sha256 } from '../util/hash.js';

/**
 * A content-addressed store of what a build derives from its inputs: a
 * verified snapshot's data, a change set, a rendered page. A key is the hash
 * of everything the value depends on (see `cacheKey`), so a hit is exactly
 * what computing the value again would give, and a changed input is a new key
 * rather than a stale hit. Values are strings; a missing, damaged or
 * unauthenticated entry is a miss, never an error.
 */
export interface Cache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** Why the cache was not used, if it was not (warnings, reported by the command that used it). */
  readonly diagnostics?: readonly Diagnostic[];
}

/** What a cache did in one run, for `--verbose` and the tests. */
export interface CacheStats {
  hits: number;
  misses: number;
  writes: number;
}

/**
 * The identity of the running policyc: its version, every file of its code
 * (the CLI's bundle, lib/'s modules the library runs, the generated
 * validators: so an edited checkout never reuses what an older one built),
 * its schema, and the Node.js and ICU versions (dates and lists are formatted
 * with Intl). Templates and locale files are keyed separately, by the
 * renderer's digest. The code is hashed when the package is built: `npm run
 * prepare` records it (`recordToolDigest`), and a run only reads the record and
 * mixes in the runtime. An installed package always believes its record (npm
 * rewrites file times, and it holds exactly what was packed); policyc's own
 * checkout believes it while no file of the code is newer, and hashes the code
 * otherwise (a `tsc` run without `npm run prepare`), as the tests on src/ do.
 */
export function toolDigest(): string {
  digest ??= toolDigestOf(codeRootOf());
  return digest;
}

/** What `npm run prepare` records: the code's digest, the code files it hashed (relative) and the newest one's mtime (for a checkout). */
interface DigestRecord {
  code: string;
  files: string[];
  newest: number;
}

/** The digest of the code in `codeRoot` (lib/ or src/), from its record when that is believed (see `toolDigest`), else hashed. */
export function toolDigestOf(codeRoot: string, checkout = isCheckout(codeRoot)): string {
  return withRuntime(recordedCode(codeRoot, checkout) ?? codeDigest(codeFiles(codeRoot), codeRoot));
}

function recordedCode(codeRoot: string, checkout: boolean): string | undefined {
  try {
    const record = JSON.parse(readFileSync(digestRecordOf(codeRoot), 'utf8')) as DigestRecord;
    if (typeof record.code !== 'string') return undefined;
    if (!checkout) return record.code;
    // tsc and the bundler rewrite every file they emit, so a rebuilt lib/ always has a file newer than the record says.
    const newest = Math.max(...record.files.map((file) => statSync(path.join(codeRoot, file)).mtimeMs));
    return newest === record.newest ? record.code : undefined;
  } catch {
    // No record (the tests run src/), an unreadable one, or a file gone: hash the code.
    return undefined;
  }
}

/** Write the record `toolDigest` reads (run by `npm run prepare`, after every file of lib/ is written); returns the digest it gives. */
export function recordToolDigest(codeRoot = codeRootOf()): string {
  const files = codeFiles(codeRoot);
  const record: DigestRecord = {
    code: codeDigest(files, codeRoot),
    files: files.map((file) => path.relative(codeRoot, file)),
    newest: Math.max(...files.map((file) => statSync(file).mtimeMs)),
  };
  writeFileSync(digestRecordOf(codeRoot), `${JSON.stringify(record)}\n`);
  return withRuntime(record.code);
}

/** The hash of the code files, package.json (the version) and the schema: what the record keeps. */
function codeDigest(files: readonly string[], codeRoot: string): string {
  const hash = createHash('sha256');
  hash.update('policyc-code/1\0');
  for (const file of [...files, path.join(codeRoot, '../package.json'), path.join(codeRoot, '../schema/policy.schema.json')]) {
    hash.update(`${path.relative(codeRoot, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The code's digest with the runtime's: a short string hashed, not the code. */
const withRuntime = (code: string) => sha256(`policyc-cache/2\0${runtime()}\0${code}`);

const runtime = () => `${process.version}\0${process.versions.icu ?? ''}`;
let digest: string | undefined;
/** lib/ when running compiled, src/ under the tests. */
const codeRootOf = () => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where `recordToolDigest` writes its record, in the code's root. */
const digestRecordOf = (codeRoot: string) => path.join(codeRoot, 'tool-digest.json');

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return codeFiles(file);
      return /\.([cm]?js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
    });
}

/** The key of a value: the hash of what it is and everything it is computed from (JSON-serialisable parts), with the tool's identity. */
export function cacheKey(kind: string, ...parts: unknown[]): string {
  return sha256(JSON.stringify([kind, toolDigest(), ...parts]));
}

/** A value from the cache, or computed and stored: `undefined` results are not stored. */
export function cached(cache: Cache | undefined, key: () => string, compute: () => string | undefined): string | undefined {
  if (!cache) return compute();
  const k = key();
  const hit = cache.get(k);
  if (hit !== undefined) return hit;
  const value = compute();
  if (value !== undefined) cache.set(k, value);
  return value;
}

/** A JSON value from the cache, or computed and stored. */
export function cachedJson<T>(cache: Cache | undefined, key: () => string, compute: () => T | undefined): T | undefined {
  if (!cache) return compute();
  const text = cached(cache, key, () => {
    const value = compute();
    return value === undefined ? undefined : JSON.stringify(value);
  });
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

/** A cache held in memory (for `serve`, which rebuilds in one process, and for tests). */
export function memoryCache(): Cache & { stats: CacheStats; entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const stats = { hits: 0, misses: 0, writes: 0 };
  return {
    entries,
    stats,
    get(key) {
      const value = entries.get(key);
      if (value === undefined) stats.misses++;
      else stats.hits++;
      return value;
    },
    set(key, value) {
      stats.writes++;
      entries.set(key, value);
    },
  };
}

export { diskCache, type DiskCache, type DiskCacheOptions } from './disk-cache.js';
