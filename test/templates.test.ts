// Overriding templates: a file in the user's templates folder replaces the built-in one of the same name.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { copySample } from './support/project.js';

describe('template overrides', () => {
  it('replaces one partial by file name and keeps the rest built in', async () => {
    const dir = copySample();
    mkdirSync(path.join(dir, 'my-templates/partials'), { recursive: true });
    writeFileSync(
      path.join(dir, 'my-templates/partials/contacts.html.hbs'),
      '<p class="custom-contacts">{{#each items}}<a href="mailto:{{email}}">{{email}}</a> {{/each}}</p>\n',
    );
    const result = await build({ cwd: dir, templates: 'my-templates' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const html = readFileSync(path.join(dir, 'dist/privacy/index.html'), 'utf8');
    expect(html).toContain('<p class="custom-contacts"><a href="mailto:support@smartfocus.com">support@smartfocus.com</a> ');
    expect(html).toContain('<table class="cookie-table">');
  });

  it('uses the project templates/ folder by default', async () => {
    const dir = copySample();
    mkdirSync(path.join(dir, 'templates/assets'), { recursive: true });
    writeFileSync(path.join(dir, 'templates/assets/policy.css'), 'body { color: rebeccapurple; }\n');
    expect((await build({ cwd: dir })).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(readFileSync(path.join(dir, 'dist/assets/policy.css'), 'utf8')).toBe('body { color: rebeccapurple; }\n');
  });

  it('reports a broken template at its file and line, and writes nothing', async () => {
    const dir = copySample();
    mkdirSync(path.join(dir, 'tpl/partials'), { recursive: true });
    writeFileSync(path.join(dir, 'tpl/partials/cookies.html.hbs'), '<p>\n{{#each items}}\n{{name}\n');
    const result = await build({ cwd: dir, templates: 'tpl', out: 'out' });
    expect(result.written).toEqual([]);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'tpl/partials/cookies.html.hbs', line: 3, ruleId: 'template-error', severity: 'error' });
  });

  it('refuses a --templates folder that does not exist', async () => {
    const result = await build({ cwd: copySample(), templates: 'missing' });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['templates-folder-missing']);
    expect(result.written).toEqual([]);
  });
});
