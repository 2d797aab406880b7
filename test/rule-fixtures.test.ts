// One folder per compliance rule (test/rule-fixtures/<rule-id>[-variant]/):
// `edits.yaml` names a base document (test/rule-fixtures/<base>.yaml) and the
// few edits of it that make the rule fire (document `fires.yaml`, golden
// `fires.txt`: its diagnostics, as `policyc validate` prints them) and that
// keep it silent (`silent.yaml`); test/support/rule-fixture.ts applies them.
// Optional: `previous` edits (the version before, for rules that compare),
// `parent` edits (the parent document both documents may defer parts to),
// `context.json` (`{"today": "YYYY-MM-DD", "released": "YYYY-MM-DD"}`: the run
// date, and the version's release date when it is released). Documents are
// judged as of their `effective` date. `UPDATE=1 npm run test:fast` rewrites
// the goldens.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../src/diff/diff.js';
import { parse } from '../src/load/parse.js';
import type { Policy } from '../src/model/policy.generated.js';
import { formatPretty } from '../src/report/report.js';
import { resolve } from '../src/resolve/resolve.js';
import { runRules } from '../src/rules/engine.js';
import { allRules } from '../src/rules/registry.js';
import type { RuleContext } from '../src/rules/types.js';
import { matchesSchema } from '../src/validate/schema-rules.js';
import { expectGolden } from './support/fixtures.js';
import { applyEdits, fixtureDocuments, ruleFixturesDir } from './support/rule-fixture.js';

const dir = ruleFixturesDir;
const folders = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const ruleIds = allRules.map((r) => r.id);

/** The rule a folder is about: the longest rule id its name starts with. */
function ruleOf(folder: string): string | undefined {
  return ruleIds.filter((id) => folder === id || folder.startsWith(`${id}-`)).sort((a, b) => b.length - a.length)[0];
}

function load(folder: string, file: string, text: string) {
  const bytes = Buffer.from(text);
  const parsed = parse({ path: file, bytes, size: bytes.length });
  expect(parsed.diagnostics, `${folder}/${file} parses`).toEqual([]);
  expect(matchesSchema(parsed.data), `${folder}/${file} is schema-valid`).toBe(true);
  return parsed;
}

function judge(folder: string, file: 'fires.yaml' | 'silent.yaml') {
  const base = path.join(dir, folder);
  const docs = fixtureDocuments(folder);
  const parsed = load(folder, file, file === 'fires.yaml' ? docs.fires : docs.silent);
  // Rules judge a resolved document (short forms in their general form), as the engine receives it.
  const policy = resolve(parsed.data as unknown as Policy, file).policy;
  const extra = existsSync(path.join(base, 'context.json'))
    ? (JSON.parse(readFileSync(path.join(base, 'context.json'), 'utf8')) as { today?: string; released?: string })
    : {};
  const previous =
    docs.previous === undefined
      ? undefined
      : resolve(load(folder, 'previous.yaml', docs.previous).data as unknown as Policy, 'previous.yaml').policy;
  const parent =
    docs.parent === undefined
      ? undefined
      : resolve(load(folder, 'parent.yaml', docs.parent).data as unknown as Policy, 'parent.yaml').policy;
  const context: RuleContext = {
    policy,
    date: policy.effective,
    today: extra.today ?? '2026-11-29',
    settings: { noticeDays: 30 },
    ...(previous ? { previous: { policy: previous }, changes: diffPolicies(previous, policy) } : {}),
    ...(parent ? { parent } : {}),
    ...(extra.released
      ? {
          release: {
            version: policy.version,
            effective: policy.effective,
            released: extra.released,
            schemaVersion: 2,
            file: `${policy.version}.yaml`,
            sha256: '',
            previous: null,
          },
        }
      : {}),
  };
  const diagnostics = runRules(context, { file, yaml: parsed.yaml!, lineCounter: parsed.lineCounter });
  return { diagnostics, text: parsed.text };
}

describe('rule fixtures', () => {
  it('has a folder for every rule, and every folder names a rule', () => {
    expect(ruleIds.filter((id) => !folders.some((f) => ruleOf(f) === id))).toEqual([]);
    expect(folders.filter((f) => !ruleOf(f))).toEqual([]);
  });

  describe.each(folders)('%s', (folder) => {
    const rule = ruleOf(folder)!;
    it('fires on fires.yaml, at the entity', () => {
      const { diagnostics, text } = judge(folder, 'fires.yaml');
      const mine = diagnostics.filter((d) => d.ruleId === rule);
      expect(mine.length, `${rule} fires`).toBeGreaterThan(0);
      expectGolden(path.join(dir, folder, 'fires.txt'), formatPretty(mine, { sources: new Map([['fires.yaml', text]]) }));
    });
    it('stays silent on silent.yaml', () => {
      const { diagnostics } = judge(folder, 'silent.yaml');
      expect(diagnostics.filter((d) => d.ruleId === rule)).toEqual([]);
    });
  });
});

describe('fixture edits', () => {
  it('refuse an edit that does not apply, so a fixture never edits nothing', () => {
    expect(() => applyEdits({ a: [{ id: 'x' }] }, [{ delete: 'a.y' }])).toThrow('no item with id `y`');
    expect(() => applyEdits({ a: 1 }, [{ delete: 'b' }])).toThrow('no `b`');
    expect(() => applyEdits({ a: { b: 1 } }, [{ set: 'a.c.d', value: 1 }])).toThrow('no `c`');
    expect(() => applyEdits({ a: [] }, [{ insert: 'a.1', value: 1 }])).toThrow('not an index of a list');
    expect(() => applyEdits({ a: 1 }, [{ set: 'b', value: 2, before: 'z' }])).toThrow('not a new key before an existing one');
  });

  it('keep the order of keys and items: a new key goes last or before `before`, an item where `insert` says', () => {
    const edited = applyEdits({ a: 1, c: [{ id: 'x' }, { id: 'z' }] }, [
      { set: 'b', value: 2, before: 'c' },
      { insert: 'c.1', value: { id: 'y' } },
      { set: 'c.z.n', value: 3 },
      { set: 'd', value: 4 },
    ]);
    expect(edited).toEqual({ a: 1, b: 2, c: [{ id: 'x' }, { id: 'y' }, { id: 'z', n: 3 }], d: 4 });
    expect(Object.keys(edited)).toEqual(['a', 'b', 'c', 'd']);
  });
});
