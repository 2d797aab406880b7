// Documents of every older format stay valid and read the same: each valid
// fixture, written back in format 1 and in format 2 and lifted by the
// migrations, renders the very pages of its goldens (test/fixtures/*/output.*).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { compileSite, createRenderer, migrate, readTemplates, validate } from '../src/index.js';
import { root } from './support/fixtures.js';
import { tempDir } from './support/project.js';

const fixturesDir = path.join(root, 'test/fixtures');
const valid = readdirSync(fixturesDir).filter((name) => existsSync(path.join(fixturesDir, name, 'output.html')));

/** A current document as format 1 wrote it: `changes.channels` was `changes.notification`. */
function asFormat1(document: Record<string, unknown>): Record<string, unknown> {
  const changes = document.changes as Record<string, unknown> | undefined;
  if (!changes || !('channels' in changes)) return document;
  const { channels, ...rest } = changes;
  return { ...document, changes: { ...rest, notification: channels } };
}

describe('documents of older formats, migrated', async () => {
  const renderer = createRenderer(await readTemplates([]));

  it('include fixtures that use the renamed field (so the format 1 case means something)', () => {
    const renamed = valid.filter(
      (name) =>
        'channels' in ((parseYaml(readFileSync(path.join(fixturesDir, name, 'input.yaml'), 'utf8')) as { changes?: object }).changes ?? {}),
    );
    expect(renamed.length).toBeGreaterThan(0);
  });

  describe.each(valid)('%s', (name) => {
    const current = parseYaml(readFileSync(path.join(fixturesDir, name, 'input.yaml'), 'utf8')) as Record<string, unknown>;
    const written = { 1: asFormat1(current), 2: current };

    it.each([1, 2] as const)('read as format %i, renders its golden pages', async (format) => {
      const dir = path.join(tempDir(), 'project');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'input.yaml'), stringify(migrate(structuredClone(written[format]), format)));
      const result = await validate({ cwd: dir, files: ['input.yaml'], noRules: true });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const site = compileSite(
        result.models.map((m) => ({ id: m.policy.id, working: m, releases: [] })),
        renderer,
        { date: '2026-01-01', drafts: false },
      );
      expect(site.files.get('input/index.html')).toBe(readFileSync(path.join(fixturesDir, name, 'output.html'), 'utf8'));
      expect(site.files.get('input/index.md')).toBe(readFileSync(path.join(fixturesDir, name, 'output.md'), 'utf8'));
    });
  });
});
