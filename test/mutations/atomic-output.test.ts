// A build that fails while rendering, after a good build, leaves the previous output folder exactly as it
// was: pages are written to a staging folder and swapped in only when all of them rendered. Writing the
// output folder in place fails here, deterministically (the slow random-kill suite is not needed).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { builtinTemplatesDir } from '../../src/index.js';
import { copySample, snapshotTree } from '../support/project.js';

const date = '2027-02-01';
const errors = (result: { diagnostics: { severity: string; ruleId: string; file: string }[] }) =>
  result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.ruleId}`);

/** A templates folder (`tpl`) that changes every page, and breaks at render time in the template named. */
function brokenTemplates(dir: string, broken: string): void {
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, 'tpl', name)), { recursive: true });
    writeFileSync(path.join(dir, 'tpl', name), text);
  };
  const builtin = (name: string) => readFileSync(path.join(builtinTemplatesDir, name), 'utf8');
  // The page template compiles and renders: every version page it writes differs from the first build's.
  write('page.html.hbs', builtin('page.html.hbs').replace('</body>', '<!-- second build --></body>'));
  // A partial that does not exist parses, but fails when the template runs.
  write(broken, `${builtin(broken)}{{> no-such-partial}}\n`);
}

describe('a build that fails at render time', () => {
  it.each(['feed.xml.hbs', 'compare.html.hbs', 'partials/cookies.md.hbs'])(
    'in %s leaves the previous output byte for byte',
    async (broken) => {
      const dir = copySample();
      const first = await build({ cwd: dir, date, out: 'site', cache: false });
      expect(errors(first)).toEqual([]);
      const before = snapshotTree(path.join(dir, 'site'));

      brokenTemplates(dir, broken);
      const second = await build({ cwd: dir, date, out: 'site', cache: false, templates: 'tpl' });
      // A broken partial is reported at the page that runs it.
      expect(errors(second)).toEqual([
        broken.startsWith('partials/') ? expect.stringMatching(/page\.md\.hbs template-error$/) : `tpl/${broken} template-error`,
      ]);
      expect(second.written).toEqual([]);
      expect(snapshotTree(path.join(dir, 'site'))).toEqual(before);
      // Nothing is left beside it: no staging folder, no lock.
      expect(readdirSync(dir).filter((name) => name.startsWith('.site'))).toEqual([]);
    },
  );

  it('would have changed the output had it succeeded (so the comparison above is not vacuous)', async () => {
    const dir = copySample();
    await build({ cwd: dir, date, out: 'site', cache: false });
    const before = snapshotTree(path.join(dir, 'site'));
    brokenTemplates(dir, 'feed.xml.hbs');
    writeFileSync(path.join(dir, 'tpl/feed.xml.hbs'), readFileSync(path.join(builtinTemplatesDir, 'feed.xml.hbs'), 'utf8'));
    const fixed = await build({ cwd: dir, date, out: 'site', cache: false, templates: 'tpl' });
    expect(errors(fixed)).toEqual([]);
    const after = snapshotTree(path.join(dir, 'site'));
    expect(after.get('privacy/index.html')).not.toBe(before.get('privacy/index.html'));
    expect(after.get('privacy/index.html')).toContain('<!-- second build -->');
    expect(existsSync(path.join(dir, 'site/privacy/feed.xml'))).toBe(true);
  });
});
