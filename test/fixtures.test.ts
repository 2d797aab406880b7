// One runner for every folder of test/fixtures: a case needs no code.
// A folder holds `input.yaml` (the document, `id: input`) and its goldens:
// `messages.txt` (diagnostics, as `policyc validate` prints them) when the
// document has any, and `output.html` and `output.md` when it is valid.
// `UPDATE=1 npm run test:fast` rewrites the goldens; review them before committing.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { compileSite, createRenderer, formatPretty, hasErrors, readTemplates, validate } from '../src/index.js';
import { expectGolden, root, updating } from './support/fixtures.js';

const fixturesDir = path.join(root, 'test/fixtures');
// scan-site/ is not a document: it is the site `policyc scan` is tested on (test/support/scan-site.ts).
const cases = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'scan-site')
  .map((e) => e.name)
  .sort();

describe('fixtures', async () => {
  const renderer = createRenderer(await readTemplates([]));

  it.each(cases)('%s', async (name) => {
    const dir = path.join(fixturesDir, name);
    // These cases are about reading documents; the compliance rules have their own fixtures (test/rule-fixtures).
    const result = await validate({ cwd: dir, files: ['input.yaml'], noRules: true });
    const messagesFile = path.join(dir, 'messages.txt');
    if (result.diagnostics.length || existsSync(messagesFile)) {
      expectGolden(messagesFile, formatPretty(result.diagnostics, { sources: result.sources }));
    }
    const htmlFile = path.join(dir, 'output.html');
    const mdFile = path.join(dir, 'output.md');
    if (hasErrors(result.diagnostics)) {
      if (updating) for (const f of [htmlFile, mdFile]) rmSync(f, { force: true });
      expect(existsSync(htmlFile), 'an invalid document has no output.html').toBe(false);
      return;
    }
    const site = compileSite(
      result.models.map((m) => ({ id: m.policy.id, working: m, releases: [] })),
      renderer,
      { date: '2026-01-01', drafts: false },
    );
    expect(site.diagnostics).toEqual([]);
    expectGolden(htmlFile, site.files.get('input/index.html') as string);
    expectGolden(mdFile, site.files.get('input/index.md') as string);
  });
});
