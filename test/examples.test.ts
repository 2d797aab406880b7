// The example projects under examples/, each a policy of another shape than the
// sample's: each builds without an error, every HTML page it writes is valid,
// it has at least two releases with a material change between them, and every
// fact listed in its fidelity.json is on its version's HTML and Markdown pages
// (or, marked `absent`, is not: what the change removed).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { root } from './support/fixtures.js';
import { htmlText, markdownText } from './support/page-text.js';
import { snapshotTree, tempDir } from './support/project.js';

interface Fact {
  /** The released version whose page says it. */
  version: string;
  fact: string;
  text: string;
  /** The document, when the example has more than one. */
  document?: string;
  /** True for a fact the version no longer states. */
  absent?: boolean;
}

interface Release {
  version: string;
}

const examplesDir = path.join(root, 'examples');
const examples = readdirSync(examplesDir)
  .filter((name) => existsSync(path.join(examplesDir, name, 'policyc.config.json')))
  .sort();
// The build date: after every example's releases took effect.
const date = '2026-12-01';
const pageValidator = new HtmlValidate({ extends: ['html-validate:recommended'] });
const emailValidator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } });
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

it('has the three examples the format documentation describes', () => {
  expect(examples).toEqual(['eu-b2b', 'mobile-app', 'us-saas']);
});

describe.each(examples)('examples/%s', (name) => {
  const dir = path.join(examplesDir, name);
  const facts = JSON.parse(readFileSync(path.join(dir, 'fidelity.json'), 'utf8')) as Fact[];
  const historyDir = path.join(dir, 'policy/history');
  const documents = readdirSync(historyDir).filter((id) => existsSync(path.join(historyDir, id, 'manifest.json')));
  let out = '';
  let written: string[] = [];

  beforeAll(async () => {
    out = path.join(tempDir(), 'dist');
    const result = await build({ cwd: dir, out, date });
    expect(
      result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`),
    ).toEqual([]);
    written = result.written;
  });

  it('writes its pages with no error', () => {
    expect(written.filter((f) => f.endsWith('/index.html')).length).toBeGreaterThan(5);
  });

  it.each(documents)('has at least two releases of %s, the last with a material change', (id) => {
    const manifest = JSON.parse(readFileSync(path.join(historyDir, id, 'manifest.json'), 'utf8')) as { releases: Release[] };
    expect(manifest.releases.length).toBeGreaterThanOrEqual(2);
    const changes = JSON.parse(readFileSync(path.join(out, id, 'changes.json'), 'utf8')) as {
      version: string;
      changes: { material: boolean };
    }[];
    expect(changes.find((c) => c.version === manifest.releases.at(-1)!.version)?.changes.material).toBe(true);
  });

  it('writes only valid HTML (html-validate, recommended rules)', async () => {
    const problems: string[] = [];
    for (const file of written.filter((f) => f.endsWith('.html'))) {
      // An e-mail's styles must be inline: mail programs drop style sheets.
      const validator = /(^|\/)notify\//.test(file) ? emailValidator : pageValidator;
      const report = await validator.validateString(readFileSync(path.join(out, file), 'utf8'), file);
      problems.push(...report.results.flatMap((r) => r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`)));
    }
    expect(problems).toEqual([]);
  });

  it('lists enough facts to mean something, on every released version', () => {
    expect(facts.length).toBeGreaterThanOrEqual(40);
    const versions = new Set(facts.map((f) => f.version));
    expect(versions.size).toBeGreaterThanOrEqual(2);
  });

  it.each(facts.map((f) => [`${f.version}: ${f.fact}${f.absent ? ' (removed)' : ''}`, f] as const))('%s', (_label, fact) => {
    const id = fact.document ?? documents[0]!;
    const page = path.join(out, id, 'v', fact.version);
    const html = words(htmlText(readFileSync(path.join(page, 'index.html'), 'utf8')));
    const markdown = words(markdownText(readFileSync(path.join(page, 'index.md'), 'utf8')));
    const wanted = words(fact.text);
    if (fact.absent) {
      expect(html, 'in the HTML page').not.toContain(wanted);
      expect(markdown, 'in the Markdown page').not.toContain(wanted);
    } else {
      expect(html, 'in the HTML page').toContain(wanted);
      expect(markdown, 'in the Markdown page').toContain(wanted);
    }
  });

  it('builds byte for byte the same site again', async () => {
    const again = path.join(tempDir(), 'dist');
    await build({ cwd: dir, out: again, date });
    expect(snapshotTree(again)).toEqual(snapshotTree(out));
  });
});
