// How the compliance rules judge a document (src/rules/judge.ts) and where the engine places a finding
// (src/rules/engine.ts): every release at its snapshot, at most a warning; the newest release alone as the
// current text; each version beside the one before it; a working copy identical to its newest release judged
// once, at the working file; `--strict` and the project's severities for the working copy only; the packs a
// document's jurisdictions bring; and the line and column of a finding whose path the YAML lacks. Mutation
// testing of the two modules found these untested in the fast tier. The documents are the CCPA rule
// fixtures' base (test/rule-fixtures/ccpa.yaml), which no rule fires on, released in memory.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, LineCounter } from 'yaml';
import type { Policy } from '../../src/index.js';
import type { Release } from '../../src/history/verify.js';
import type { HistoryFiles, SnapshotFile } from '../../src/load/read-history.js';
import { parse, type ParsedFile } from '../../src/load/parse.js';
import { resolve } from '../../src/resolve/resolve.js';
import { applicableRules, runRules, type RuleTarget } from '../../src/rules/engine.js';
import { judgeDocument, type JudgedDocument, type JudgeSettings } from '../../src/rules/judge.js';
import type { Pack, Rule, RuleContext } from '../../src/rules/types.js';
import { sha256 } from '../../src/util/hash.js';
import { ruleFixturesDir } from '../support/rule-fixture.js';

const base = readFileSync(path.join(ruleFixturesDir, 'ccpa.yaml'), 'utf8');

/** The base document as `version`, effective `effective` (line 4), with `edits` (exact text replacements). */
function documentText(version: string, effective: string, ...edits: [string, string][]): string {
  let text = base.replace('version: 1.0.0', `version: ${version}`).replace('effective: 2026-06-01', `effective: ${effective}`);
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}

/** A file as the loader parses it. */
function parsedFile(file: string, text: string): ParsedFile {
  const bytes = new TextEncoder().encode(text);
  const parsed = parse({ path: file, bytes, size: bytes.length });
  expect(parsed.diagnostics).toEqual([]);
  return parsed;
}

const modelOf = (parsed: ParsedFile) => resolve(parsed.data as unknown as Policy, parsed.path);

/** A released version and its snapshot (`policy/history/privacy/<version>.yaml`), as a verified history holds them. */
function released(text: string, releasedOn: string): { release: Release; snapshot: SnapshotFile } {
  const parsed = parsedFile('policy/history/privacy/x.yaml', text);
  const { version, effective } = parsed.data as { version: string; effective: string };
  const file = `${version}.yaml`;
  const shown = `policy/history/privacy/${file}`;
  const bytes = new TextEncoder().encode(text);
  const snapshot: SnapshotFile = { path: shown, sha256: sha256(bytes), read: () => bytes, parse: () => parsedFile(shown, text) };
  const entry = { version, effective, released: releasedOn, schemaVersion: 1, file, sha256: snapshot.sha256, previous: null };
  return { release: { entry, model: resolve(parsed.data as unknown as Policy, shown) }, snapshot };
}

/** A document with these releases (oldest first), their history unless `withoutHistory`, and a working copy when given. */
function documentOf(releases: { release: Release; snapshot: SnapshotFile }[], working?: string, withoutHistory = false): JudgedDocument {
  const history: HistoryFiles = {
    id: 'privacy',
    manifestPath: 'policy/history/privacy/manifest.json',
    snapshots: new Map(releases.map(({ release, snapshot }) => [release.entry.file, snapshot])),
    dir: 'policy/history/privacy',
  };
  const parsed = working === undefined ? undefined : parsedFile('policy/privacy.yaml', working);
  return {
    releases: releases.map((r) => r.release),
    ...(withoutHistory ? {} : { history }),
    ...(parsed ? { working: { model: modelOf(parsed), parsed } } : {}),
  };
}

/** The findings of a judgement as `file:line:column-endLine:endColumn severity rule-id`. */
const judge = (doc: JudgedDocument, settings: JudgeSettings) =>
  judgeDocument(doc, settings).map((d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.ruleId}`);

// `effective: 2026-06-01` spans line 4, columns 1 to 22.
const atEffective = (file: string) => `${file}:4:1-4:22`;
const snapshotOf = (version: string) => `policy/history/privacy/${version}.yaml`;
const workingFile = 'policy/privacy.yaml';

describe('the releases of a document, judged by the rules', () => {
  // ccpa-last-updated (an error) fires on a version effective more than 12 months before the run.
  const v1 = released(documentText('1.0.0', '2026-06-01'), '2026-05-01');
  const v2 = released(documentText('1.1.0', '2026-09-01'), '2026-08-01');
  const stale = { today: '2028-01-01' };

  it('judges the newest release only as the current text, at its snapshot’s line, at most a warning', () => {
    expect(judge(documentOf([v1, v2]), stale)).toEqual([`${atEffective(snapshotOf('1.1.0'))} warning ccpa-last-updated`]);
    // A single release is the newest.
    expect(judge(documentOf([v1]), stale)).toEqual([`${atEffective(snapshotOf('1.0.0'))} warning ccpa-last-updated`]);
  });

  it('keeps a release’s finding a warning with --strict or a project setting of error, and drops it when the setting is off', () => {
    expect(judge(documentOf([v1, v2]), { ...stale, strict: true, severities: { 'ccpa-last-updated': 'error' } })).toEqual([
      `${atEffective(snapshotOf('1.1.0'))} warning ccpa-last-updated`,
    ]);
    expect(judge(documentOf([v1, v2]), { ...stale, severities: { 'ccpa-last-updated': 'off' } })).toEqual([]);
  });

  it('places a release’s finding at the start of its snapshot when the history is not at hand', () => {
    expect(judge(documentOf([v1, v2], undefined, true), stale)).toEqual([`${snapshotOf('1.1.0')}:1:1-1:1 warning ccpa-last-updated`]);
  });

  it('judges each release beside the one before it, and the first beside none', () => {
    // hygiene-effective-date-order: 1.2.0 takes effect before 1.1.0, though after 1.0.0.
    const v3 = released(documentText('1.2.0', '2026-07-01'), '2026-06-15');
    const diagnostics = judgeDocument(documentOf([v1, v2, v3]), { today: '2026-10-01' });
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual([
      `${snapshotOf('1.2.0')}:4:1 warning hygiene-effective-date-order`,
    ]);
    expect(diagnostics[0]?.message).toBe(
      'Version `1.2.0` takes effect on 2026-07-01, before version `1.1.0` it replaces (effective 2026-09-01)',
    );
  });

  it('judges a release as released: a material change needs its notice period after the release date', () => {
    // The service purpose uses a category it did not: a material change, effective 12 days after its release.
    const material = released(
      documentText('1.1.0', '2026-09-01', [
        'categories: [identifiers]\n    - id: security',
        'categories: [identifiers, network-activity]\n    - id: security',
      ]),
      '2026-08-20',
    );
    const diagnostics = judgeDocument(documentOf([v1, material]), { today: '2026-10-01' });
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual([
      `${snapshotOf('1.1.0')}:4:1 warning hygiene-notice-period`,
    ]);
    expect(diagnostics[0]?.message).toMatch(/takes effect 12 days after its release on 2026-08-20; people need 30 days' notice$/);
    expect(judge(documentOf([v1, material]), { today: '2026-10-01', noticeDays: 12 })).toEqual([]);
  });
});

describe('the working copy of a document, judged by the rules', () => {
  const v1 = released(documentText('1.0.0', '2026-06-01'), '2026-05-01');
  const v2 = released(documentText('1.1.0', '2026-09-01'), '2026-08-01');

  it('is judged once, as its newest release, at the working file, when it is identical to it', () => {
    const same = documentText('1.1.0', '2026-09-01');
    // Not capped: the working file can still change.
    expect(judge(documentOf([v1, v2], same), { today: '2028-01-01' })).toEqual([`${atEffective(workingFile)} error ccpa-last-updated`]);
    // As that release: its notice period counts from the release date.
    const material = documentText('1.1.0', '2026-09-01', [
      'categories: [identifiers]\n    - id: security',
      'categories: [identifiers, network-activity]\n    - id: security',
    ]);
    expect(judge(documentOf([v1, released(material, '2026-08-20')], material), { today: '2026-10-01' })).toEqual([
      `${atEffective(workingFile)} warning hygiene-notice-period`,
    ]);
  });

  it('is judged as a draft after the newest release when it differs, and the newest release stays the current text', () => {
    const draft = documentText('1.2.0', '2026-10-01');
    expect(judge(documentOf([v1, v2], draft), { today: '2027-09-15' })).toEqual([
      `${atEffective(snapshotOf('1.1.0'))} warning ccpa-last-updated`,
    ]);
    expect(judge(documentOf([v1, v2], draft), { today: '2028-01-01' })).toEqual([
      `${atEffective(snapshotOf('1.1.0'))} warning ccpa-last-updated`,
      `${atEffective(workingFile)} error ccpa-last-updated`,
    ]);
  });

  it('is judged alone when nothing is released', () => {
    expect(judge(documentOf([], documentText('1.0.0', '2026-06-01')), { today: '2026-10-01' })).toEqual([]);
    expect(judge(documentOf([], documentText('1.0.0', '2026-06-01')), { today: '2027-06-02' })).toEqual([
      `${atEffective(workingFile)} error ccpa-last-updated`,
    ]);
  });

  it('turns its warnings into errors with --strict only, and follows the project’s severities', () => {
    // hygiene-effective-date-order (a warning): the draft takes effect before the newest release.
    const early = documentOf([v1, v2], documentText('1.2.0', '2026-08-01'));
    const today = '2026-10-01';
    expect(judge(early, { today })).toEqual([`${atEffective(workingFile)} warning hygiene-effective-date-order`]);
    expect(judge(early, { today, strict: true })).toEqual([`${atEffective(workingFile)} error hygiene-effective-date-order`]);
    expect(judge(early, { today, severities: { 'hygiene-effective-date-order': 'error' } })).toEqual([
      `${atEffective(workingFile)} error hygiene-effective-date-order`,
    ]);
    expect(judge(early, { today, strict: true, severities: { 'hygiene-effective-date-order': 'off' } })).toEqual([]);
    expect(judgeDocument(early, { today })[0]?.message).toBe(
      'Version `1.2.0` takes effect on 2026-08-01, before version `1.1.0` it replaces (effective 2026-09-01)',
    );
  });
});

describe('the packs that judge a document', () => {
  const packs: Pack[] = ['gdpr', 'ccpa', 'transfers', 'cookies', 'marketing', 'hygiene'];
  const oneRulePerPack = packs.map((pack): Rule => ({ ...ruleFiring([]), id: `${pack}-x`, pack }));
  const packsFor = (jurisdictions?: NonNullable<Policy['jurisdictions']>) =>
    applicableRules(contextOf({ ...(jurisdictions ? { jurisdictions } : {}) }), oneRulePerPack).map((r) => r.pack);

  it('are the universal ones, plus the GDPR, cookies and marketing for the EU and the UK, cookies for Switzerland and the CCPA for California', () => {
    expect(packsFor()).toEqual(['transfers', 'hygiene']);
    expect(packsFor([])).toEqual(['transfers', 'hygiene']);
    expect(packsFor(['ch'])).toEqual(['transfers', 'cookies', 'hygiene']);
    expect(packsFor(['us'])).toEqual(['transfers', 'hygiene']);
    expect(packsFor(['eu'])).toEqual(['gdpr', 'transfers', 'cookies', 'marketing', 'hygiene']);
    expect(packsFor(['uk'])).toEqual(['gdpr', 'transfers', 'cookies', 'marketing', 'hygiene']);
    // California has no cookie-consent rule.
    expect(packsFor(['us-ca'])).toEqual(['ccpa', 'transfers', 'hygiene']);
    expect(packsFor(['ch', 'eu', 'us-ca', 'uk'])).toEqual(packs);
  });

  it('hold only the rules in force on the version’s date', () => {
    const rule = { ...ruleFiring([]), appliesFrom: '2024-01-01' };
    expect(applicableRules({ ...contextOf({}), date: '2023-12-31' }, [rule])).toEqual([]);
    expect(applicableRules({ ...contextOf({}), date: '2024-01-01' }, [rule])).toEqual([rule]);
  });
});

/** A hygiene rule that finds one problem at `path`. */
function ruleFiring(findingPath: (string | number)[]): Rule {
  return {
    id: 'hygiene-x',
    pack: 'hygiene',
    severity: 'error',
    title: '',
    explanation: '',
    reference: '',
    fix: '',
    check: () => [{ message: 'found', path: findingPath }],
  };
}

function contextOf(policy: Partial<Policy>): RuleContext {
  return {
    policy: { effective: '2024-01-01', ...policy } as Policy,
    date: '2024-01-01',
    today: '2024-01-01',
    settings: { noticeDays: 30 },
  };
}

describe('where a finding is placed', () => {
  const yamlText = [
    'id: privacy',
    'purposes:',
    '  items:',
    '    - id: service',
    '      description: provide the service',
    'contacts:',
    '  ? items',
    '',
  ].join('\n');
  const lineCounter = new LineCounter();
  const yaml = parseDocument(yamlText, { lineCounter });
  /** The place of a finding at `findingPath` as `line:column-endLine:endColumn`. */
  const placeOf = (findingPath: (string | number)[], target: RuleTarget = { file: 'p.yaml', yaml, lineCounter }) =>
    runRules(contextOf({}), target, {}, [ruleFiring(findingPath)]).map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);

  it('spans the entity from the key naming it to the end of its value', () => {
    expect(placeOf(['purposes', 'items'])).toEqual(['3:3-6:1']);
    expect(placeOf(['purposes', 'items', 0, 'description'])).toEqual(['5:7-5:39']);
  });

  it('spans a list item from its first line', () => {
    expect(placeOf(['purposes', 'items', 0])).toEqual(['4:7-6:1']);
  });

  it('spans the whole document for a finding about it', () => {
    expect(placeOf([])).toEqual(['1:1-8:1']);
  });

  it('is the value of the deepest entity that exists when the path stops early, not its key', () => {
    expect(placeOf(['purposes', 'items', 3])).toEqual(['4:5-6:1']);
    expect(placeOf(['purposes', 'missing'])).toEqual(['3:3-6:1']);
    expect(placeOf(['missing', 'items'])).toEqual(['1:1-8:1']);
  });

  it('is the key when the entity has no value', () => {
    expect(placeOf(['contacts', 'items'])).toEqual(['7:5-7:10']);
  });

  it('is the start of the file without a YAML tree or without its line counter', () => {
    expect(placeOf(['purposes'], { file: 'p.yaml' })).toEqual(['1:1-1:1']);
    expect(placeOf(['purposes'], { file: 'p.yaml', yaml })).toEqual(['1:1-1:1']);
    expect(placeOf(['purposes'], { file: 'p.yaml', tree: () => ({ lineCounter }) })).toEqual(['1:1-1:1']);
    expect(placeOf(['purposes'], { file: 'p.yaml', tree: () => ({ yaml, lineCounter }) })).toEqual(['2:1-6:1']);
  });
});
