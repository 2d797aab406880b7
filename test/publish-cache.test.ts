// A build from a warm cache renders nothing again: the versions lists, changelogs, feeds and notification
// e-mails are cached as the released versions' pages are, under keys holding everything they read (the build
// date among them), and the shipped templates come precompiled. Output must stay byte-identical.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Handlebars from 'handlebars';
import { beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../src/api.js';
import { cacheKey, memoryCache, type Cache } from '../src/cache/cache.js';
import { builtinTemplatesDir, readTemplates, type TemplateSet } from '../src/load/read-templates.js';
import { withFormattedValues } from '../src/publish/intl-memo.js';
import { compileSite, type VersionedDocument } from '../src/publish/site.js';
import { formatDate, formattedValues, restoreFormattedValues } from '../src/render/intl-format.js';
import { precompileTemplates, type PrecompiledTemplate } from '../src/render/precompiled.js';
import { createRenderer, type Renderer, type RendererOptions } from '../src/render/templates.js';
import { sha256 } from '../src/util/hash.js';
import { copySample, tempDir } from './support/project.js';

let documents: VersionedDocument[];
let templates: TemplateSet;
let shipped: ReadonlyMap<string, PrecompiledTemplate>;

beforeAll(async () => {
  documents = (await validate({ cwd: copySample() })).documents;
  templates = await readTemplates([]);
  // What `npm run prepare` writes, written afresh from the templates as they are now (the test's own, trusted).
  const dir = tempDir('policyc-precompiled-');
  for (const [file, code] of precompileTemplates(builtinTemplatesDir)) writeFileSync(path.join(dir, file), code);
  const load = createRequire(import.meta.url);
  const hashes = load(path.join(dir, 'index.cjs')) as Record<string, string>;
  shipped = new Map(
    Object.entries(hashes).map(([name, hash]) => [
      name,
      { sha256: hash, spec: () => load(path.join(dir, `${name.replaceAll('/', '--')}.cjs`)) as ReturnType<PrecompiledTemplate['spec']> },
    ]),
  );
});

/** A renderer that counts what it renders (the index aside: it lists the documents, and is not cached). */
function counting(options: RendererOptions = {}, set = templates): Renderer & { rendered: string[] } {
  const renderer = createRenderer(set, options);
  const rendered: string[] = [];
  return {
    ...renderer,
    rendered,
    render: (name, data) => (rendered.push(name), renderer.render(name, data)),
    renderPolicy: (model, context) => (rendered.push('policy'), renderer.renderPolicy(model, context)),
    renderHtml: (model, context) => (rendered.push('html'), renderer.renderHtml(model, context)),
    renderMarkdown: (model, context) => (rendered.push('markdown'), renderer.renderMarkdown(model, context)),
  };
}

const site = (renderer: Renderer, date: string, cache?: Cache) =>
  compileSite(documents, renderer, { date, drafts: true, ...(cache ? { cache } : {}) });

describe('a warm build', () => {
  it('renders no page of a released document again, and writes the same files', () => {
    const cache = memoryCache();
    const plain = site(counting(), '2026-12-03').files;
    const cold = counting();
    expect(site(cold, '2026-12-03', cache).files).toEqual(plain);
    for (const name of ['changelog.html.hbs', 'versions.html.hbs', 'changelog.md.hbs', 'feed.xml.hbs', 'email.html.hbs'])
      expect(cold.rendered).toContain(name);
    const warm = counting();
    expect(site(warm, '2026-12-03', cache).files).toEqual(plain);
    expect(warm.rendered).toEqual([]);
    expect(plain.get('privacy/notify/1.0.0...2.0.0/email.eml')).toBeDefined();
    expect(plain.get('privacy/fr/feed.xml')).toBeDefined();
  });

  it('renders what depends on the build date again on another date, as a build without a cache does', () => {
    const cache = memoryCache();
    site(counting(), '2026-12-03', cache);
    for (const date of ['2026-11-20', '2027-02-01']) {
      const warm = counting();
      expect(site(warm, date, cache).files).toEqual(site(counting(), date).files);
      expect(warm.rendered).toContain('feed.xml.hbs');
    }
  });

  it('renders again what failed to render before: a page left out is not kept', () => {
    const cache = memoryCache();
    const broken = counting();
    const failing: Renderer = {
      ...broken,
      render: (name, data) => {
        if (name !== 'changelog.html.hbs') return broken.render(name, data);
        broken.diagnostics.push({ ...broken.diagnostics[0]!, ruleId: 'template-error', message: 'failed' });
        return undefined;
      },
    };
    expect(site(failing, '2026-12-03', cache).files.has('privacy/changelog/index.html')).toBe(false);
    const again = counting();
    expect(site(again, '2026-12-03', cache).files.get('privacy/changelog/index.html')).toBe(
      site(counting(), '2026-12-03').files.get('privacy/changelog/index.html'),
    );
    expect(again.rendered).toContain('changelog.html.hbs');
  });
});

describe('the shipped templates, precompiled', () => {
  it('are every template of templates/, each with its source hash', () => {
    for (const [name, file] of templates.files) {
      if (!name.endsWith('.hbs')) continue;
      expect(shipped.get(name)?.sha256, name).toBe(sha256(file.content));
    }
  });

  it('render the same files as the templates compiled at run time', () => {
    const compiled = site(counting({ precompiled: new Map() }), '2026-12-03').files;
    expect(site(counting({ precompiled: shipped }), '2026-12-03').files).toEqual(compiled);
  });

  it('stand in only for a template whose text is the shipped one: a project template of the same name is honoured', () => {
    // A stand-in spec under the shipped page's hash shows when the precompiled spec is taken.
    const marked = new Map(shipped);
    const page = templates.files.get('page.html.hbs')!;
    const spec = createRequire(import.meta.url)(writeSpec(String(Handlebars.precompile('<p>precompiled</p>')))) as ReturnType<
      PrecompiledTemplate['spec']
    >;
    marked.set('page.html.hbs', { sha256: sha256(page.content), spec: () => spec });
    expect(site(counting({ precompiled: marked }), '2026-12-03').files.get('privacy/index.html')).toBe('<p>precompiled</p>');
    const custom: TemplateSet = { files: new Map(templates.files) };
    custom.files.set('page.html.hbs', { content: `${String(page.content)}<!-- customised -->\n`, origin: 'templates' });
    const html = String(site(counting({ precompiled: marked }, custom), '2026-12-03').files.get('privacy/index.html'));
    expect(html).not.toContain('<p>precompiled</p>');
    expect(html).toContain('<!-- customised -->');
  });
});

/** A precompiled spec as a module to require (test-made, trusted). */
function writeSpec(spec: string): string {
  const file = path.join(tempDir('policyc-spec-'), 'spec.cjs');
  writeFileSync(file, `module.exports = ${spec};\n`);
  return file;
}

describe('formatted dates and names kept in the cache', () => {
  it('are restored by the next build, and stored again only when it formatted new ones', () => {
    const cache = memoryCache();
    const key = cacheKey('intl-formatted');
    withFormattedValues(cache, () => formatDate('2031-05-01', 'fr'));
    const stored = JSON.parse(cache.entries.get(key)!) as [string, string][];
    expect(stored).toContainEqual(['date\0fr\x002031-05-01', '1er mai 2031']);
    const writes = cache.stats.writes;
    withFormattedValues(cache, () => formatDate('2031-05-01', 'fr'));
    expect(cache.stats.writes).toBe(writes);

    // A value restored is the value given (the cache authenticates its entries); the next build formats none again.
    cache.entries.set(key, JSON.stringify([['date\0x-test\x002031-05-02', 'restored']]));
    expect(withFormattedValues(cache, () => formatDate('2031-05-02', 'x-test'))).toBe('restored');
  });

  it('ignore an entry that is not a list of pairs of strings', () => {
    const before = formattedValues().entries.length;
    for (const junk of [null, 7, 'x', [['a']], [[1, 'b']], [['a', 2]], { a: 'b' }]) restoreFormattedValues(junk);
    expect(formattedValues().entries.length).toBe(before);
    const cache = memoryCache();
    cache.entries.set(cacheKey('intl-formatted'), '{not json');
    expect(withFormattedValues(cache, () => formatDate('2031-05-03', 'en'))).toBe('May 3, 2031');
  });
});
