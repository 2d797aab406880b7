// One runner for every folder of test/diff-fixtures: a case needs no code.
// A folder is named after the materiality rule it triggers (`new-purpose`),
// optionally followed by a variant (`longer-retention-category`). It holds
// two complete, schema-valid documents (`id: input`): `previous.yaml` and
// `input.yaml`, one small edit apart, and the goldens of their diff:
// `changes.json` (`formatChanges(set, 'json')`) and `changelog.md`
// (`formatChanges(set, 'md')`).
// A folder may instead hold an edit of several changes, listed in
// `expected.json` (`[{ "type", "entity", "id", "rule" }]`, in the order the
// diff reports them): the set must be exactly those, each in its direction.
// A folder may also hold `KNOWN-BUG.md`: the engine does not (yet) report the
// folder's rule for that edit. Its goldens record what the engine does today,
// and the rule check is expected to fail; once the engine is fixed, that check
// fails "as expected to fail": delete KNOWN-BUG.md and refresh the goldens.
// `UPDATE=1 npx vitest run test/diff-fixtures.test.ts` rewrites the goldens;
// review them before committing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffPolicies } from '../src/diff/diff.js';
import { formatChanges } from '../src/render/change-formats.js';
import type { ChangeSet } from '../src/diff/types.js';
import type { Policy } from '../src/model/policy.generated.js';
import { matchesSchema } from '../src/validate/schema-rules.js';
import { changeRuleIds } from '../src/diff/change-rules.js';
import { engineRuleIds, underMutationTesting } from './support/diff-rules.js';
import { expectGolden, root } from './support/fixtures.js';

const fixturesDir = path.join(root, 'test/diff-fixtures');
const cases = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

// Every rule id (the list `materiality` may name; the first test below keeps it equal to the engine's).
const ruleIds = new Set(changeRuleIds);

/** The rule a folder is about: the longest rule id its name starts with (`longer-retention-category` -> `longer-retention`). */
function ruleOf(folder: string): string | undefined {
  const parts = folder.split('-');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('-');
    if (ruleIds.has(candidate)) return candidate;
  }
  return undefined;
}

function load(file: string): Policy {
  return parse(readFileSync(file, 'utf8')) as Policy;
}

describe('diff fixtures', () => {
  it.skipIf(underMutationTesting)('knows every rule id the engine source produces, and no other', () => {
    const inSource = engineRuleIds();
    // A floor, so that a refactoring of src/diff/ that hides the ids from the scan is noticed.
    expect(inSource.size).toBeGreaterThanOrEqual(30);
    expect([...ruleIds].sort()).toEqual([...inSource].sort());
  });

  it('has a folder for every rule the engine can produce', () => {
    const covered = new Set(cases.map(ruleOf));
    expect([...ruleIds].filter((id) => !covered.has(id)).sort()).toEqual([]);
  });

  describe.each(cases)('%s', (name) => {
    const dir = path.join(fixturesDir, name);
    const knownBug = existsSync(path.join(dir, 'KNOWN-BUG.md'));
    const rule = ruleOf(name);
    let set: ChangeSet | undefined;
    const changeSet = (): ChangeSet => {
      if (!set) {
        const previous = load(path.join(dir, 'previous.yaml'));
        const input = load(path.join(dir, 'input.yaml'));
        set = diffPolicies(previous, input);
      }
      return set;
    };

    it('is named after a rule of the engine', () => {
      expect(rule, `no rule id of src/diff/diff.ts starts the folder name ${name}`).toBeDefined();
    });

    it('holds two schema-valid documents with id input', () => {
      for (const file of ['previous.yaml', 'input.yaml']) {
        const doc = load(path.join(dir, file));
        expect(matchesSchema(doc), `${name}/${file} is schema-valid`).toBe(true);
        expect(doc.id).toBe('input');
      }
    });

    it('matches the goldens', () => {
      expectGolden(path.join(dir, 'changes.json'), formatChanges(changeSet(), 'json'));
      expectGolden(path.join(dir, 'changelog.md'), formatChanges(changeSet(), 'md'));
    });

    const expectedFile = path.join(dir, 'expected.json');
    if (existsSync(expectedFile)) {
      it('is exactly the changes of expected.json, each in its direction', () => {
        const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as unknown[];
        expect(changeSet().changes.map(({ type, entity, id, rule }) => ({ type, entity, id, rule }))).toEqual(expected);
      });
    } else {
      it('is one change', () => {
        expect(changeSet().changes).toHaveLength(1);
      });
    }

    (knownBug ? it.fails : it)(`reports the rule ${rule}${knownBug ? ' (known engine bug: see KNOWN-BUG.md)' : ''}`, () => {
      expect(changeSet().changes.map((c) => c.rule)).toContain(rule);
    });
  });
});
