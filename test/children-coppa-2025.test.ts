// The COPPA Rule as amended on 22 April 2025 (compliance from 22 April 2026): a version in force across that day is
// judged by it from that day; the children's retention policy (`children.retention`) reaches the HTML and the
// Markdown page in English, American English and French.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSite, createRenderer, readTemplates } from '../src/index.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { parse } from '../src/load/parse.js';
import type { Policy } from '../src/model/policy.generated.js';
import { resolve } from '../src/resolve/resolve.js';
import { judgeVersion } from '../src/rules/judge.js';
import type { RuleContext } from '../src/rules/types.js';
import { htmlText, markdownText } from './support/page-text.js';

const base = readFileSync(path.join(import.meta.dirname, 'rule-fixtures/children.yaml'), 'utf8');

/** The children fixture base, directed to children, effective on `effective`, judged over its period until `today` (or `until`). */
function judge(effective: string, today: string, until?: string): Diagnostic[] {
  const text = base
    .replace('effective: 2024-01-15', `effective: ${effective}`)
    .replace('  minimumAge: 13\n', '  minimumAge: 13\n  directed: true\n');
  const bytes = Buffer.from(text);
  const parsed = parse({ path: 'privacy.yaml', bytes, size: bytes.length });
  const policy = resolve(parsed.data as unknown as Policy, 'privacy.yaml').policy;
  expect(policy.children?.directed).toBe(true);
  const context: RuleContext = { policy, date: policy.effective, today, settings: { noticeDays: 30 } };
  return judgeVersion(context, { file: 'privacy.yaml', yaml: parsed.yaml!, lineCounter: parsed.lineCounter }, { until }, {});
}

const renderer = createRenderer(await readTemplates([]));

const retention = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.ruleId === 'children-coppa-retention');

describe('the amended COPPA Rule judges a version in force on 22 April 2026', () => {
  it('reports a 2025 version still in force then, from that day', () => {
    const found = retention(judge('2025-01-01', '2026-12-03'));
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toMatch(/\(from 2026-04-22, while this version would be in force\)$/);
  });

  it('does not report the same version judged only before that day', () => {
    expect(retention(judge('2025-01-01', '2026-04-21'))).toEqual([]);
  });

  it('does not report a version replaced before that day', () => {
    expect(retention(judge('2025-01-01', '2026-12-03', '2026-04-22'))).toEqual([]);
  });
});

describe("the children's retention policy on the page", () => {
  const policy = (locale: string): Policy =>
    ({
      id: 'input',
      title: 'Privacy Policy',
      version: '1.0.0',
      effective: '2026-05-01',
      locale,
      controller: { name: 'Example Inc.' },
      collection: { categories: [{ id: 'email', label: 'Email address' }] },
      purposes: { items: [{ id: 'service', description: 'provide the service', categories: ['email'] }] },
      contacts: { items: [{ id: 'privacy', role: 'general', description: 'Questions about this policy', email: 'privacy@example.com' }] },
      children: {
        description: 'Our games are for children.',
        directed: true,
        retention: { criteria: 'while the account is open, to run it', period: '1 year', end: 'deletion' },
      },
    }) as Policy;

  function pages(locale: string): string[] {
    const site = compileSite([{ id: 'input', working: resolve(policy(locale), 'input.yaml'), releases: [] }], renderer, {
      date: '2026-05-01',
      drafts: false,
    });
    return [htmlText(String(site.files.get('input/index.html'))), markdownText(String(site.files.get('input/index.md')))];
  }

  it.each(['en', 'en-US'])('in %s', (locale) => {
    for (const text of pages(locale)) {
      expect(text).toContain('How long children’s information is kept');
      expect(text).toContain('while the account is open, to run it');
    }
  });

  it('in French', () => {
    for (const text of pages('fr')) {
      expect(text).toContain('Durée de conservation des informations des enfants');
      expect(text).toContain('while the account is open, to run it');
    }
  });
});
