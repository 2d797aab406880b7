// The README documents what the code does: every rule id has its anchor, and the compliance reference is current.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/cli/flags.js';
import { rulesMarkdown, rulesMarkers } from '../src/rules/docs.js';
import { allRules } from '../src/rules/registry.js';
import { root } from './support/fixtures.js';

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const sourceFiles = ['src/load/parse.ts', 'src/load/read-history.ts', 'src/load/read-templates.ts', 'src/validate/schema-rules.ts', 'src/validate/reference-rules.ts', 'src/validate/prose-rules.ts', 'src/history/verify.ts', 'src/history/release.ts', 'src/api.ts', 'src/config/config.ts', 'src/render/templates.ts', 'src/diff/diff.ts', 'src/translate/validate.ts', 'src/validate/text-rules.ts', 'src/history/base.ts', 'src/history/missing.ts', 'src/project/base-revision.ts', 'src/config/gates.ts', 'src/load/read-git.ts', 'src/cache/disk-cache.ts'];

describe('README.md', () => {
  it('has the current compliance-rule reference (run `npm run docs`)', () => {
    const start = readme.indexOf(rulesMarkers.start);
    const end = readme.indexOf(rulesMarkers.end);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + rulesMarkers.start.length, end).trim()).toBe(rulesMarkdown(allRules).trim());
  });

  it('has an anchor for every diagnostic and change rule the code can produce', () => {
    const ids = new Set<string>();
    for (const file of sourceFiles) {
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const m of text.matchAll(/(?:ruleId|rule):\s*'([a-z0-9-]+)'|'((?:cache|schema|yaml|history|release|diff|notify|file|encoding|policy|template|templates|config|section|duplicate|unresolved|contact|document|prose|translation|text)-[a-z0-9-]+)'/g)) {
        ids.add((m[1] ?? m[2])!);
      }
    }
    const prefix = (id: string) => (readFileSync(path.join(root, 'src/diff/diff.ts'), 'utf8').includes(`rule: '${id}'`) ? 'change' : 'rule');
    const missing = [...ids].filter((id) => !readme.includes(`<a id="${prefix(id)}-${id}"></a>`) && !readme.includes(`<a id="rule-${id}"></a>`));
    expect(missing).toEqual([]);
  });

  it('shows every CLI command', () => {
    for (const command of commands) expect(readme, command.name).toContain(`### \`policyc ${command.name}`);
  });
});
