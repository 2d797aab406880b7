// A notice's link to its parent in the same project leads to the parent's folder from every page: the
// document's index (`dist/<id>/`) and its version pages (`dist/<id>/v/<version>/`).
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createRenderer, readTemplates, validate } from '../src/index.js';
import { root } from './support/fixtures.js';
import { tempDir } from './support/project.js';

it('links a notice to its parent in the project from the index and from a version page', async () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'policy'));
  cpSync(path.join(root, 'test/fixtures/minimal/input.yaml'), path.join(dir, 'policy/input.yaml'));
  writeFileSync(
    path.join(dir, 'policy/widget.yaml'),
    [
      'id: widget',
      'title: Widget Notice',
      'version: 0.1.0',
      'effective: 2026-01-01',
      'locale: en',
      'parent: { document: input, defers: [rights, contacts] }',
      'controller: { name: Example Ltd }',
      'collection:',
      '  contexts: [{ id: chat, description: open the widget }]',
      '  categories: [{ id: ip, label: IP address }]',
      'purposes:',
      '  items: [{ id: security, description: keep the widget secure, categories: [ip] }]',
      'contacts:',
      '  items:',
      '    - { id: help, role: general, description: Help, email: help@example.com }',
      '',
    ].join('\n'),
  );
  const result = await validate({ cwd: dir, noRules: true });
  expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
  const model = result.models.find((m) => m.policy.id === 'widget')!;
  const renderer = createRenderer(await readTemplates([]));
  expect(renderer.renderPolicy(model, { root: '' })!.html).toContain('This notice supplements <a href="../input/">');
  const version = renderer.renderPolicy(model, { root: '../../' })!;
  expect(version.html).toContain('This notice supplements <a href="../../../input/">');
  expect(version.markdown).toContain('(../../../input/)');
});
