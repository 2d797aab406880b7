// A released version's compliance findings are kept in the build cache (issue
// 17) under everything its judgment reads: a warm run reports exactly what
// computing them gives, and runs that differ in any part (the run date, a
// parent's version, the settings) never share an entry.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { memoryCache } from '../src/cache/cache.js';
import { diffPolicies } from '../src/diff/diff.js';
import { validate } from '../src/index.js';
import type { Policy } from '../src/model/policy.generated.js';
import { resolve } from '../src/resolve/resolve.js';
import { lawDates } from '../src/rules/engine.js';
import { judgeDocument, type JudgeSettings, type JudgedDocument } from '../src/rules/judge.js';
import { root } from './support/fixtures.js';
import { copySample } from './support/project.js';
import { applyEdits, type Edit } from './support/rule-fixture.js';

const fixture = (name: string) => parseYaml(readFileSync(path.join(root, `test/rule-fixtures/${name}.yaml`), 'utf8')) as Policy;
const policyOf = (base: Policy, edits: Edit[]) => resolve(applyEdits(base, edits), 'x.yaml').policy;
// A snapshot's hash stands for its text: a test giving another text gives another `sha256`.
const release = (policy: Policy, version: string, id = 'doc', entry: object = {}, file = `policy/history/${id}/${version}.yaml`) => ({
  entry: {
    ...{ version, effective: policy.effective, released: policy.effective, schemaVersion: 3, file: `${version}.yaml` },
    ...{ sha256: `${id}-${version}`, previous: null, ...entry },
  },
  model: { policy, sections: [], file },
});

/** Judged with the cache, the findings must be those judged without one. */
function same(doc: JudgedDocument, settings: JudgeSettings) {
  const { cache: _, ...uncached } = settings;
  const fresh = judgeDocument(doc, uncached);
  expect(judgeDocument(doc, settings)).toEqual(fresh);
  return fresh;
}

describe('the cached findings of a released version', () => {
  it('are not shared between run dates while the version is in force, and are once it is superseded', () => {
    const cache = memoryCache();
    const ccpa = fixture('ccpa');
    const v1 = release({ ...ccpa, effective: '2025-01-01' }, '1.0.0');
    // No law changes between the two run dates: only the run date tells the runs apart.
    expect(lawDates().filter((d) => d > '2026-06-01' && d <= '2026-11-29')).toEqual([]);
    const june = same({ releases: [v1] }, { today: '2026-06-01', cache });
    const november = same({ releases: [v1] }, { today: '2026-11-29', cache });
    expect(june.find((d) => d.ruleId === 'ccpa-last-updated')?.message).toMatch(/as of 2026-06-01/);
    expect(november.find((d) => d.ruleId === 'ccpa-last-updated')?.message).toMatch(/as of 2026-11-29/);
    // Superseded, the version is judged over a closed period: the run date no longer matters, and the entry is reused.
    const v2 = release({ ...ccpa, effective: '2026-01-01' }, '2.0.0');
    same({ releases: [v1, v2] }, { today: '2026-06-01', history: true, cache });
    const hits = cache.stats.hits;
    same({ releases: [v1, v2] }, { today: '2026-11-29', history: true, cache });
    expect(cache.stats.hits).toBeGreaterThan(hits);
  });

  it('are not shared when a parent’s version changes, or the settings do', () => {
    const cache = memoryCache();
    const gdpr = fixture('gdpr');
    const company = (edits: Edit[], effective: string) => ({ ...policyOf(gdpr, [{ set: 'id', value: 'company' }, ...edits]), effective });
    const child = {
      ...policyOf(gdpr, [{ set: 'parent', value: { document: 'company', defers: ['rights'] } }, { delete: 'rights' }]),
      effective: '2020-01-01',
    };
    const doc = (parents: Policy[]) => ({
      releases: [release(child, '1.0.0')],
      documents: new Map([['company', { releases: parents.map((p, i) => release(p, `${i + 1}.0.0`, 'company')) }]]),
    });
    const complete = company([], '2019-01-01');
    const lacking = company([{ delete: 'rights.items.portability' }], '2022-01-01');
    const rights = (ds: { ruleId: string }[]) => ds.filter((d) => d.ruleId === 'gdpr-rights').length;
    expect(rights(same(doc([complete]), { today: '2026-11-29', cache }))).toBe(0);
    // The parent's new version takes effect while the child is in force.
    expect(rights(same(doc([complete, lacking]), { today: '2026-11-29', cache }))).toBe(1);
    // The same day, a different text of the parent.
    expect(rights(same(doc([complete, { ...lacking, rights: complete.rights! }]), { today: '2026-11-29', cache }))).toBe(0);
    expect(rights(same(doc([company([{ delete: 'rights.items.portability' }], '2019-01-01')]), { today: '2026-11-29', cache }))).toBe(1);
    // Severities and the notice the rules ask for.
    const off = same(doc([complete, lacking]), { today: '2026-11-29', severities: { 'gdpr-rights': 'off' }, cache });
    expect(rights(off)).toBe(0);
    same(doc([complete, lacking]), { today: '2026-11-29', noticeDays: 400, cache });
  });

  it('are not shared when the release, its previous one, its file or the materiality settings change', () => {
    const cache = memoryCache();
    const ccpa = fixture('ccpa');
    const v1 = release({ ...ccpa, effective: '2024-01-01' }, '1.0.0');
    const ads = { id: 'ads', description: 'show you advertising', categories: ['identifiers'] };
    const edit: Edit = { set: 'purposes.items', value: [...(ccpa.purposes?.items ?? []), ads] };
    const sold = { ...policyOf(ccpa, [edit]), version: '2.0.0', effective: '2024-02-01' };
    const v2 = release(sold, '2.0.0', 'doc', { released: '2024-01-25' });
    const notice = (ds: { ruleId: string; file: string }[]) => ds.filter((d) => d.ruleId === 'hygiene-notice-period');
    const settings = { today: '2026-11-29', history: true, cache };
    expect(notice(same({ releases: [v1, v2] }, settings))).toHaveLength(1);
    // The notice the project asks for, and the day the manifest says the version was released.
    expect(notice(same({ releases: [v1, v2] }, { ...settings, noticeDays: 5 }))).toHaveLength(0);
    const earlier = notice(same({ releases: [v1, release(sold, '2.0.0', 'doc', { released: '2023-12-01' })] }, settings));
    expect(earlier).toHaveLength(0);
    // Another previous version: nothing material changes since it.
    const before = release({ ...sold, version: '1.0.0', effective: '2024-01-01' }, '1.0.0', 'doc', { sha256: 'doc-1.0.0-sold' });
    expect(notice(same({ releases: [before, v2] }, settings))).toHaveLength(0);
    // The project's materiality overrides.
    const material = diffPolicies(v1.model.policy, sold).changes.filter((c) => c.material);
    expect(material.length).toBeGreaterThan(0);
    const editorial = Object.fromEntries(material.map((c) => [c.rule, false]));
    expect(notice(same({ releases: [v1, v2] }, { ...settings, materiality: editorial }))).toHaveLength(0);
    // The snapshot's path, which every finding names.
    const moved = release(sold, '2.0.0', 'doc', { released: '2024-01-25' }, 'policy/history/doc/moved.yaml');
    expect(notice(same({ releases: [v1, moved] }, settings)).map((d) => d.file)).toEqual(['policy/history/doc/moved.yaml']);
  });

  it('give a warm validation of the sample the diagnostics of one without a cache', async () => {
    const dir = copySample();
    for (const options of [{ date: '2026-12-01' }, { date: '2031-01-01', history: true }, { date: '2031-01-01' }]) {
      const cache = memoryCache();
      const fresh = await validate({ cwd: dir, ...options });
      const cold = await validate({ cwd: dir, cache, ...options });
      const writes = cache.stats.writes;
      const warm = await validate({ cwd: dir, cache, ...options });
      expect(cold.diagnostics).toEqual(fresh.diagnostics);
      expect(warm.diagnostics).toEqual(fresh.diagnostics);
      expect(JSON.stringify(warm.diagnostics)).toBe(JSON.stringify(fresh.diagnostics));
      // Everything the warm run needed was kept: it computed nothing new.
      expect(cache.stats.writes).toBe(writes);
      expect(cache.stats.hits).toBeGreaterThan(0);
    }
  });
});
