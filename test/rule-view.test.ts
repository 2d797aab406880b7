// Documents that defer parts to a parent, and custom sections declaring practices:
// what the rules read (src/rules/view.ts, practices.ts), where their findings go
// (deferred.ts, engine.ts) and which parent version each version is read with (judge.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parse } from '../src/load/parse.js';
import type { Policy } from '../src/model/policy.generated.js';
import { resolve } from '../src/resolve/resolve.js';
import { runRules } from '../src/rules/engine.js';
import { judgeDocument, parentVersion } from '../src/rules/judge.js';
import { addresses, declares } from '../src/rules/practices.js';
import { allRules } from '../src/rules/registry.js';
import type { RuleContext } from '../src/rules/types.js';
import { ruleView } from '../src/rules/view.js';
import { root } from './support/fixtures.js';
import { applyEdits, stringifyFixture, type Edit } from './support/rule-fixture.js';

const base = parseYaml(readFileSync(path.join(root, 'test/rule-fixtures/gdpr.yaml'), 'utf8')) as Policy;
const policyOf = (edits: Edit[]) => resolve(applyEdits(base, edits), 'x.yaml').policy;
const company = policyOf([{ set: 'id', value: 'company' }]);
const deferring = (parent: object, edits: Edit[] = []) => policyOf([{ set: 'parent', value: parent }, ...edits]);

function judge(policy: Policy, parent?: Policy) {
  const context: RuleContext = {
    policy,
    date: policy.effective,
    today: '2026-11-29',
    settings: { noticeDays: 30 },
    ...(parent ? { parent } : {}),
  };
  return runRules(context, { file: 'x.yaml' }).map((d) => ({ rule: d.ruleId, message: d.message }));
}

describe('the rule view of a document that defers parts', () => {
  it('is the document itself when it names no parent', () => {
    const policy = policyOf([]);
    expect(ruleView(policy, company)).toEqual({ read: new Map(), unread: new Set(), view: policy });
  });

  it('reads nothing of a parent outside the project, or one the project does not have', () => {
    const url = deferring({ url: 'https://www.example.com/privacy', defers: ['rights'] });
    expect(ruleView(url).unread).toEqual(new Set(['rights']));
    const missing = deferring({ document: 'company', defers: ['rights', 'contacts'] });
    expect(ruleView(missing).unread).toEqual(new Set(['rights', 'contacts']));
    // A parent of another id than the one named is not the parent.
    expect(ruleView(missing, policyOf([{ set: 'id', value: 'other' }])).read.size).toBe(0);
  });

  it('completes the deferred parts with the parent’s: its own entries first, then the parent’s of other ids', () => {
    const parent = policyOf([
      { set: 'id', value: 'company' },
      { insert: 'rights.items.0', value: { id: 'object-marketing', type: 'objection', description: 'Stop our marketing.' } },
      { set: 'security', value: { description: 'We encrypt your data.' } },
    ]);
    const child = deferring({ document: 'company', defers: ['rights', 'security'] }, [
      { delete: 'rights.items.restriction' },
      { set: 'rights.items.access.description', value: 'Our own words.' },
    ]);
    const { view, read } = ruleView(child, parent);
    expect(read).toEqual(
      new Map([
        ['rights', 0],
        ['security', 1],
      ]),
    );
    const ids = view.rights!.items.map((r) => r.id);
    expect(ids.slice(0, 7)).toEqual(child.rights!.items.map((r) => r.id));
    expect(ids.slice(7)).toEqual(['object-marketing', 'restriction']);
    expect(view.rights!.items[0]!.description).toBe('Our own words.');
    expect(view.security).toEqual({ description: 'We encrypt your data.' });
    // What is not deferred stays the document's.
    expect(view.purposes).toBe(child.purposes);
    expect(child.security).toBeUndefined();
  });

  it('reads deferred legal bases in the parent’s purpose of the same id, and the parent’s sections covering a deferred practice', () => {
    const parent = policyOf([
      { set: 'id', value: 'company' },
      {
        set: 'sections',
        value: [
          { id: 'keeping', title: 'Keeping data', body: 'We keep data for a year.', practices: ['data-retention'] },
          { id: 'other', title: 'Other', body: 'Something else.', practices: ['other'] },
        ],
      },
    ]);
    const child = deferring({ document: 'company', defers: ['legal-bases', 'retention'] }, [
      { delete: 'purposes.items.service.legalBasis' },
      { insert: 'purposes.items.3', value: { id: 'extra', description: 'something new', categories: ['email'] } },
    ]);
    const { view } = ruleView(child, parent);
    expect(view.purposes.items.map((p) => [p.id, p.legalBases])).toEqual([
      ['service', ['contract']],
      ['security', ['legitimate-interests']],
      ['newsletter', ['consent']],
      ['extra', undefined],
    ]);
    expect(view.sections?.map((s) => s.id)).toEqual(['keeping']);
    expect(declares(view, 'data-retention')).toBe(true);
  });
});

describe('rules on a document that defers parts', () => {
  const withoutRights = [{ delete: 'rights' }] as Edit[];

  it('judge a deferred part in the parent: silent when the parent states it, at the `defers` entry when it does not', () => {
    const child = deferring({ document: 'company', defers: ['rights'] }, withoutRights);
    expect(judge(child, company).filter((d) => d.rule.startsWith('gdpr-'))).toEqual([]);
    const lacking = policyOf([{ set: 'id', value: 'company' }, { delete: 'rights.items.portability' }]);
    const bytes = Buffer.from(
      stringifyFixture(applyEdits(base, [{ set: 'parent', value: { document: 'company', defers: ['rights'] } }, ...withoutRights])),
    );
    const parsed = parse({ path: 'x.yaml', bytes, size: bytes.length });
    const context: RuleContext = {
      policy: child,
      date: child.effective,
      today: '2026-11-29',
      settings: { noticeDays: 30 },
      parent: lacking,
    };
    const found = runRules(context, { file: 'x.yaml', yaml: parsed.yaml!, lineCounter: parsed.lineCounter }).filter(
      (d) => d.ruleId === 'gdpr-rights',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('the parent `company`, to which this document defers `rights`, was read too');
    const line = bytes.toString().split('\n')[found[0]!.line - 1];
    expect(line).toMatch(/^ {2}defers: \[rights\]$/);
  });

  it('keep a finding on what the document states itself at its entry; one on what only the parent states goes to `defers`', () => {
    const fee = { amount: 10, currency: 'GBP' };
    const parent = policyOf([
      { set: 'id', value: 'company' },
      { insert: 'rights.items.0', value: { id: 'copies', type: 'access', description: 'Copies.', fee } },
    ]);
    const child = deferring({ document: 'company', defers: ['rights'] }, [{ set: 'rights.items.access.fee', value: fee }]);
    const context: RuleContext = { policy: child, date: child.effective, today: '2026-11-29', settings: { noticeDays: 30 }, parent };
    const rule = allRules.find((r) => r.id === 'gdpr-access-free')!;
    const found = runRules(context, { file: 'x.yaml' }, {}, [rule]);
    expect(found.map((d) => d.message)).toEqual([
      'The right `access` charges a fee of 10 GBP for the right of access (`access`); requests under Art. 15 to 22 must be answered free of charge',
      'The right `copies` charges a fee of 10 GBP for the right of access (`access`); requests under Art. 15 to 22 must be answered free of charge; the parent `company`, to which this document defers `rights`, was read too',
    ]);
  });

  it('leave what only the parent states, in a part the rule does not judge, to the parent', () => {
    const parent = policyOf([
      { set: 'id', value: 'company' },
      {
        insert: 'contacts.items.1',
        value: { id: 'ico', role: 'supervisory-authority', description: 'The regulator', url: 'https://ico.org.uk' },
      },
    ]);
    const child = deferring({ document: 'company', defers: ['rights', 'contacts'] }, [
      { delete: 'rights' },
      { insert: 'contacts.items.1', value: { id: 'sales', role: 'support', description: 'Sales', email: 'sales@example.com' } },
    ]);
    // The parent's `ico` is referenced by none of its rights: the parent's to fix. The child's `sales` is the child's.
    expect(judge(child, parent).filter((d) => d.rule === 'hygiene-contact-unreferenced')).toEqual([
      { rule: 'hygiene-contact-unreferenced', message: 'The contact `sales` is not referenced from the marketing opt-out or any right' },
    ]);
  });

  it('do not judge a part deferred to a parent they cannot read, and judge the other parts as usual', () => {
    const child = deferring({ url: 'https://www.example.com/privacy', defers: ['rights'] }, [
      ...withoutRights,
      { delete: 'purposes.items.service.legalBasis' },
    ]);
    const rules = judge(child).map((d) => d.rule);
    expect(rules).not.toContain('gdpr-rights');
    expect(rules).not.toContain('gdpr-withdraw-consent');
    expect(rules).toContain('gdpr-legal-basis');
    // The same document deferring nothing fails both.
    const plain = judge(policyOf([...withoutRights])).map((d) => d.rule);
    expect(plain).toEqual(expect.arrayContaining(['gdpr-rights', 'gdpr-withdraw-consent']));
  });

  it('that judge no deferred part read the document as written, not the parent', () => {
    const parent = policyOf([
      { set: 'id', value: 'company' },
      { set: 'contacts.items.privacy.phone', value: '020 7946 0000' },
    ]);
    const child = deferring({ document: 'company', defers: ['contacts'] }, [{ set: 'contacts.items.privacy.id', value: 'team' }]);
    expect(judge(child, parent).filter((d) => d.rule === 'hygiene-phone-national')).toEqual([]);
  });
});

describe('the parent version a version is read with', () => {
  const version = (effective: string) => ({ ...company, effective });
  const model = (effective: string) => ({ policy: version(effective), sections: [], file: 'company.yaml' });
  const documents = new Map([
    [
      'company',
      {
        working: model('2026-01-01'),
        releases: [
          { entry: {} as never, model: model('2019-01-01') },
          { entry: {} as never, model: model('2022-01-01') },
        ],
      },
    ],
  ]);
  const child = (effective: string) => ({ ...deferring({ document: 'company', defers: ['rights'] }), effective });

  it('is the parent’s working text for the working document, and the version in force on its date for a release', () => {
    expect(parentVersion(child('2020-01-01'), documents, true)?.effective).toBe('2026-01-01');
    expect(parentVersion(child('2020-01-01'), documents, false)?.effective).toBe('2019-01-01');
    expect(parentVersion(child('2023-05-01'), documents, false)?.effective).toBe('2022-01-01');
    // Before the parent's first version, none was in force: what is deferred to it is not judged.
    expect(parentVersion(child('2018-01-01'), documents, false)).toBeUndefined();
    expect(parentVersion(policyOf([]), documents, true)).toBeUndefined();
  });

  it('is read by judgeDocument from the project’s documents', () => {
    const policy = deferring({ document: 'company', defers: ['rights'] }, [{ delete: 'rights' }]);
    const bytes = Buffer.from(stringifyFixture(policy));
    const parsed = parse({ path: 'child.yaml', bytes, size: bytes.length });
    const working = { model: { policy, sections: [], file: 'child.yaml' }, parsed };
    const rights = (ds: { ruleId: string }[]) => ds.filter((d) => d.ruleId === 'gdpr-rights').length;
    // A parent the project does not have cannot be read: the rights left to it are not judged.
    expect(rights(judgeDocument({ working, releases: [] }, { today: '2026-11-29' }))).toBe(0);
    expect(rights(judgeDocument({ working, releases: [], documents }, { today: '2026-11-29' }))).toBe(0);
    const lacking = { ...model('2026-01-01'), policy: policyOf([{ set: 'id', value: 'company' }, { delete: 'rights.items.portability' }]) };
    const without = new Map([['company', { working: lacking, releases: [] }]]);
    expect(rights(judgeDocument({ working, releases: [], documents: without }, { today: '2026-11-29' }))).toBe(1);
  });
});

describe('a released version deferring to a parent', () => {
  it('is read with the parent’s version in force on each day of its period, and judged on the day another takes effect', () => {
    const complete = { ...policyOf([{ set: 'id', value: 'company' }]), effective: '2019-01-01' };
    const lacking = { ...policyOf([{ set: 'id', value: 'company' }, { delete: 'rights.items.portability' }]), effective: '2022-01-01' };
    const release = (policy: typeof complete, version: string) => ({
      entry: { version, effective: policy.effective, file: `${version}.yaml`, sha256: version } as never,
      model: { policy, sections: [], file: `${version}.yaml` },
    });
    const documents = new Map([['company', { releases: [release(complete, '1.0.0'), release(lacking, '2.0.0')] }]]);
    const child = { ...deferring({ document: 'company', defers: ['rights'] }, [{ delete: 'rights' }]), effective: '2020-01-01' };
    const judged = (today: string) =>
      judgeDocument({ releases: [release(child, '1.0.0')], documents }, { today })
        .filter((d) => d.ruleId === 'gdpr-rights')
        .map((d) => d.message);
    // In 2021 the parent in force describes every right; from 2022 its new version drops portability.
    expect(judged('2021-06-01')).toEqual([]);
    expect(judged('2026-11-29')).toEqual([expect.stringMatching(/portability.*\(from 2022-01-01, while this version is in force\)$/)]);
  });
});

describe('practices', () => {
  it('are addressed in their structured place, or by a custom section with text that declares them', () => {
    const policy = policyOf([]);
    expect(addresses(policy, 'third-party-sharing')).toBe(true);
    expect(addresses(policy, 'data-security')).toBe(false);
    const section = { id: 'safe', title: 'Security', body: 'We encrypt your data.', practices: ['data-security'] };
    expect(addresses(policyOf([{ set: 'sections', value: [section] }]), 'data-security')).toBe(true);
    expect(addresses(policyOf([{ set: 'sections', value: [{ ...section, body: ' ' }] }]), 'data-security')).toBe(false);
    expect(addresses(policyOf([{ set: 'security', value: { description: 'We encrypt.' } }]), 'data-security')).toBe(true);
    expect(declares(policy, 'other')).toBe(false);
  });
});
