// One folder per compliance rule (test/rule-fixtures/<rule-id>[-variant]/):
// `fires.yaml` must make the rule fire (golden `fires.txt`: its diagnostics,
// as `policyc validate` prints them), `silent.yaml` must not. Optional:
// `previous.yaml` (the version before, for rules that compare), `context.json`
// (`{"today": "YYYY-MM-DD", "released": "YYYY-MM-DD"}`: the run date, and the
// version's release date when it is released). Documents are judged as of
// their `effective` date. `UPDATE=1 npm test` rewrites the goldens.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../src/diff/diff.js';
import { parse } from '../src/load/parse.js';
import type { Policy } from '../src/model/policy.generated.js';
import { formatPretty } from '../src/report/report.js';
import { runRules } from '../src/rules/engine.js';
import { allRules } from '../src/rules/registry.js';
import type { RuleContext } from '../src/rules/types.js';
import { matchesSchema } from '../src/validate/schema-rules.js';
import { expectGolden, root } from './support/fixtures.js';

const dir = path.join(root, 'test/rule-fixtures');
const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const ruleIds = allRules.map((r) => r.id);

/** The rule a folder is about: the longest rule id its name starts with. */
function ruleOf(folder: string): string | undefined {
  return ruleIds.filter((id) => folder === id || folder.startsWith(`${id}-`)).sort((a, b) => b.length - a.length)[0];
}

function load(file: string) {
  const bytes = readFileSync(file);
  const parsed = parse({ path: path.basename(file), bytes, size: bytes.length });
  expect(parsed.diagnostics, `${file} parses`).toEqual([]);
  expect(matchesSchema(parsed.data), `${file} is schema-valid`).toBe(true);
  return parsed;
}

function judge(folder: string, file: string) {
  const base = path.join(dir, folder);
  const parsed = load(path.join(base, file));
  const policy = parsed.data as unknown as Policy;
  const extra = existsSync(path.join(base, 'context.json')) ? (JSON.parse(readFileSync(path.join(base, 'context.json'), 'utf8')) as { today?: string; released?: string }) : {};
  const previous = existsSync(path.join(base, 'previous.yaml')) ? (load(path.join(base, 'previous.yaml')).data as unknown as Policy) : undefined;
  const context: RuleContext = {
    policy,
    date: policy.effective,
    today: extra.today ?? '2026-11-29',
    settings: { noticeDays: 30 },
    ...(previous ? { previous: { policy: previous }, changes: diffPolicies(previous, policy) } : {}),
    ...(extra.released
      ? { release: { version: policy.version, effective: policy.effective, released: extra.released, schemaVersion: 2, file: `${policy.version}.yaml`, sha256: '', previous: null } }
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
