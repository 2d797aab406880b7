import { createHash } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Cache } from '../cache/cache.js';
import type { HistoryFiles } from '../history/verify.js';
import type { ParsedFile } from '../load/parse.js';
import type { SnapshotFile } from '../load/read-history.js';
import type { TemplateSet } from '../load/read-templates.js';
import type { Renderer } from '../render/templates.js';
import { sha256 } from '../util/hash.js';

/**
 * What one process keeps from one build of a project to the next (`serve`
 * rebuilds on every save): the values a build derives from inputs that did
 * not change, each found again by the content it came from, so that reusing
 * one gives exactly what computing it again would. Kept: the cache's entries
 * (released versions' data, change sets and pages) in memory, the renderer
 * (its templates compiled once), and the parsed snapshots. A value no build
 * asked for is dropped at the end of the next one, so memory follows the
 * project as it is now.
 */
export interface BuildSession {
  /** Mark the start of a build: what the build before it did not use is dropped. */
  begin(): void;
  /** The cache a build uses: the session's memory, over `cache` when there is one. */
  cache(cache: Cache | undefined): Cache;
  /** The template set read from `folders` (the built-in one and the override), read again only when a file in them has changed. */
  templates(folders: readonly string[], read: () => Promise<TemplateSet>): Promise<TemplateSet>;
  /** The renderer for a template set and its options, compiled once while they stay the same. */
  renderer(templates: TemplateSet, imageHosts: readonly string[], make: () => Renderer): Renderer;
  /** The histories with each snapshot parsed once while its bytes stay the same. */
  histories(histories: HistoryFiles[]): HistoryFiles[];
}

/** A store of two generations: what this build used, and what the one before it did (dropped at the next `begin`). */
class Generations<T> {
  private current = new Map<string, T>();
  private previous = new Map<string, T>();

  begin(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get(key: string): T | undefined {
    const found = this.current.get(key) ?? this.previous.get(key);
    if (found !== undefined) this.current.set(key, found);
    return found;
  }

  set(key: string, value: T): void {
    this.current.set(key, value);
  }
}

/** A session for a process that builds the same project again and again. */
export function buildSession(): BuildSession {
  const entries = new Generations<string>();
  const parsed = new Generations<ParsedFile>();
  let kept: { key: string; renderer: Renderer } | undefined;
  let read: { key: string; templates: Promise<TemplateSet> } | undefined;
  const keys = new WeakMap<TemplateSet, string>();
  return {
    begin() {
      entries.begin();
      parsed.begin();
    },
    cache(below) {
      return {
        get(key) {
          const hit = entries.get(key);
          if (hit !== undefined) return hit;
          const value = below?.get(key);
          if (value !== undefined) entries.set(key, value);
          return value;
        },
        set(key, value) {
          entries.set(key, value);
          below?.set(key, value);
        },
        // Why the cache below was not used: reported as by a build without the session.
        get diagnostics() {
          return below?.diagnostics ?? [];
        },
      };
    },
    templates(folders, readTemplates) {
      const key = folders.map(listing).join('\0\0');
      if (read?.key !== key) {
        const templates = readTemplates();
        read = { key, templates };
        // A read that failed is tried again by the next build.
        templates.catch(() => {
          if (read?.templates === templates) read = undefined;
        });
      }
      return read.templates;
    },
    renderer(templates, imageHosts, make) {
      let set = keys.get(templates);
      if (set === undefined) keys.set(templates, (set = templatesKey(templates, [])));
      const key = `${set}\0${JSON.stringify(imageHosts)}`;
      // A renderer that reported a problem keeps it in its diagnostics: a new one reports it afresh, where it still holds.
      if (kept && kept.key === key && kept.renderer.diagnostics.length === 0) return kept.renderer;
      kept = { key, renderer: make() };
      return kept.renderer;
    },
    histories(histories) {
      // Parsing depends only on the bytes and where they are shown from (the parse settings are the project's, fixed for the run).
      const parseOnce = (snapshot: SnapshotFile, bytes: Uint8Array) => {
        const key = `${snapshot.path}\0${sha256(bytes)}`;
        let file = parsed.get(key);
        if (!file) parsed.set(key, (file = snapshot.parse(bytes)));
        return file;
      };
      return histories.map((history) => ({
        ...history,
        snapshots: new Map(
          [...history.snapshots].map(([name, snapshot]) => {
            // The file as this build reads it: read once, however many findings ask for its positions.
            let own: ParsedFile | undefined;
            const wrapped: SnapshotFile = {
              ...snapshot,
              parse: (bytes) => (bytes ? parseOnce(snapshot, bytes) : (own ??= parseOnce(snapshot, snapshot.read()))),
            };
            return [name, wrapped];
          }),
        ),
      }));
    },
  };
}

/**
 * What a folder holds, as the file system describes it: every entry below it
 * with its kind, size, inode and times (a write moves the modification and
 * change times), or that it is missing. Listing is far cheaper than reading.
 */
function listing(dir: string): string {
  const out: string[] = [];
  const walk = (sub: string) => {
    let names: string[];
    try {
      names = readdirSync(path.join(dir, sub)).sort();
    } catch {
      out.push(`${sub}\0unreadable`);
      return;
    }
    for (const name of names) {
      const rel = sub ? `${sub}/${name}` : name;
      const stats = lstatSync(path.join(dir, rel), { throwIfNoEntry: false });
      if (!stats) continue;
      out.push(`${rel}\0${stats.mode}\0${stats.size}\0${stats.ino}\0${stats.mtimeMs}\0${stats.ctimeMs}`);
      if (stats.isDirectory()) walk(rel);
    }
  };
  const top = lstatSync(dir, { throwIfNoEntry: false });
  if (!top) return `${dir}\0missing`;
  out.push(`${dir}\0${top.mode}\0${top.ino}`);
  if (top.isDirectory()) walk('');
  return out.join('\n');
}

/** Everything a renderer is made from: each file's name, origin and bytes (and the layers under a locale), and the image hosts. */
function templatesKey(templates: TemplateSet, imageHosts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const name of [...templates.files.keys()].sort()) {
    for (let file = templates.files.get(name); file; file = file.under)
      hash.update(`${name}\0${file.origin}\0`).update(file.content).update('\0');
  }
  hash.update(`\0problems\0${templates.problems?.length ?? 0}\0images\0${JSON.stringify(imageHosts)}`);
  return hash.digest('hex');
}
