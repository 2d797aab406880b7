// What `serve` keeps between rebuilds (src/project/session.ts): reused only while its inputs are unchanged.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryCache } from '../src/cache/cache.js';
import { diagnostic, fileStart } from '../src/diagnostics/diagnostic.js';
import { readHistories } from '../src/load/read-history.js';
import { defaultParseSettings } from '../src/load/parse.js';
import { builtinTemplatesDir, readTemplates } from '../src/load/read-templates.js';
import { buildSession } from '../src/project/session.js';
import { compile } from '../src/project/site.js';
import { createRenderer } from '../src/render/templates.js';
import { copySample } from './support/project.js';

describe('a build session', () => {
  it('serves cache entries from memory, writing through to the cache below, and drops what a build did not use', () => {
    const session = buildSession();
    const below = memoryCache();
    session.begin();
    const cache = session.cache(below);
    cache.set('a', 'A');
    expect(below.entries.get('a')).toBe('A');
    below.entries.set('b', 'B');
    expect(cache.get('b')).toBe('B');
    const reads = below.stats.hits;
    expect(session.cache(below).get('b')).toBe('B');
    expect(below.stats.hits).toBe(reads);
    // A build that uses only `a` keeps it; `b` goes after the build that did not ask for it.
    session.begin();
    expect(session.cache(undefined).get('a')).toBe('A');
    session.begin();
    session.begin();
    expect(session.cache(undefined).get('a')).toBeUndefined();
    expect(session.cache(undefined).get('b')).toBeUndefined();
  });

  it('keeps the template set and the renderer while no template file changes, and makes them again when one does', async () => {
    const dir = copySample();
    const overrides = path.join(dir, 'templates');
    mkdirSync(path.join(overrides, 'assets'), { recursive: true });
    writeFileSync(path.join(overrides, 'assets/policy.css'), 'body { color: teal; }\n');
    const session = buildSession();
    let reads = 0;
    const read = () => {
      reads++;
      return readTemplates([overrides], dir);
    };
    const folders = [builtinTemplatesDir, overrides];
    const first = await session.templates(folders, read);
    expect(await session.templates(folders, read)).toBe(first);
    expect(reads).toBe(1);
    let made = 0;
    const make = (set: typeof first) => () => {
      made++;
      return createRenderer(set);
    };
    const renderer = session.renderer(first, [], make(first));
    expect(session.renderer(first, [], make(first))).toBe(renderer);
    // Other image hosts render other pages.
    expect(session.renderer(first, ['images.example.org'], make(first))).not.toBe(renderer);
    expect(made).toBe(2);

    writeFileSync(path.join(overrides, 'assets/policy.css'), 'body { color: plum; }\n');
    const second = await session.templates(folders, read);
    expect(reads).toBe(2);
    expect(second).not.toBe(first);
    const again = session.renderer(second, [], make(second));
    expect(made).toBe(3);
    expect(again.assets.get('policy.css')).toEqual(second.files.get('assets/policy.css')!.content);
  });

  it('does not keep a renderer that reported a problem', async () => {
    const session = buildSession();
    const set = await readTemplates([]);
    const renderer = session.renderer(set, [], () => createRenderer(set));
    renderer.diagnostics.push(diagnostic('page.html.hbs', fileStart, 'template-error', 'templates', 'Template `page.html.hbs` failed'));
    expect(session.renderer(set, [], () => createRenderer(set))).not.toBe(renderer);
  });

  it('parses a snapshot once while its bytes stay the same, and again when they change', async () => {
    const dir = copySample();
    const policyDir = path.join(dir, 'policy');
    const display = (file: string) => path.relative(dir, file);
    const session = buildSession();
    const snapshotOf = async () => {
      session.begin();
      const { histories } = await readHistories(policyDir, display, defaultParseSettings);
      return session.histories(histories)[0]!.snapshots.get('1.0.0.yaml')!;
    };
    const first = (await snapshotOf()).parse();
    expect(first.data).toBeDefined();
    expect((await snapshotOf()).parse()).toBe(first);
    const file = path.join(policyDir, 'history/privacy/1.0.0.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}# edited\n`);
    const edited = (await snapshotOf()).parse();
    expect(edited).not.toBe(first);
    expect(edited.text.endsWith('# edited\n')).toBe(true);
  });

  it('compiles the same site with a session as without, rebuild after rebuild', async () => {
    const cwd = copySample();
    const file = path.join(cwd, 'policy/privacy.yaml');
    const original = readFileSync(file, 'utf8');
    const session = buildSession();
    const options = { cwd, date: '2027-06-01', drafts: true, cache: memoryCache() };
    for (const word of ['Instagram and Threads', 'Threads']) {
      writeFileSync(file, original.replace('Facebook and Instagram', `Facebook and ${word}`));
      session.begin();
      const kept = await compile(options, session);
      const fresh = await compile({ ...options, cache: false });
      expect(kept.diagnostics).toEqual(fresh.diagnostics);
      expect(kept.files).toEqual(fresh.files);
    }
  });
});
