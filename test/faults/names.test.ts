// Names from data never escape dist/, and keys such as __proto__ pollute nothing.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, validate } from '../../src/index.js';
import { root } from '../support/fixtures.js';
import { copySample, tempDir } from '../support/project.js';

const minimal = readFileSync(path.join(root, 'test/fixtures/minimal/input.yaml'), 'utf8').replace('id: input', 'id: privacy');
const errors = async (dir: string) =>
  (await validate({ cwd: dir, noRules: true })).diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.file}:${d.line} ${d.ruleId}`);

function project(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Every file below a folder, relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

const hostile = ['../escape', '..', 'a/b', 'a\\b', '/etc/passwd', 'C:\\x', 'a\u0000b', 'line\nbreak', 'tab\there', '\u202eevil'];

describe('names from data', () => {
  it.each(hostile)('a document id %j is refused by validation', async (id) => {
    const dir = project({ 'policy/privacy.yaml': minimal.replace('id: privacy', `id: ${JSON.stringify(id)}`) });
    expect(await errors(dir)).toContain('policy/privacy.yaml:2 schema-pattern');
  });

  it.each(hostile.map((h) => [h]))('a version %j is refused by validation', async (version) => {
    const dir = project({ 'policy/privacy.yaml': minimal.replace('version: 0.1.0', `version: ${JSON.stringify(version)}`) });
    expect(await errors(dir)).toContain('policy/privacy.yaml:4 schema-pattern');
  });

  it.each(hostile.map((h) => [h]))('a translation locale, document or source %j is refused by validation', async (name) => {
    const dir = copySample();
    const file = path.join(dir, 'policy/privacy.fr.yaml');
    const text = readFileSync(file, 'utf8');
    for (const key of ['translates', 'locale', 'source']) {
      writeFileSync(file, text.replace(new RegExp(`^${key}: .*$`, 'm'), `${key}: ${JSON.stringify(name)}`));
      expect(await errors(dir), key).toContain(`policy/privacy.fr.yaml:${{ translates: 2, locale: 3, source: 4 }[key]} schema-pattern`);
    }
  });

  it('a manifest naming files or versions outside the history cannot make a build read or write there', async () => {
    const dir = copySample();
    const manifestFile = path.join(dir, 'policy/history/privacy/manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.releases[1].file = '../../../policyc.config.json';
    manifest.releases[0].version = '../../../../outside';
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    const rules = await errors(dir);
    expect(rules).toContain('policy/history/privacy/1.0.0.yaml:1 history-snapshot-invalid');
    expect(rules).toContain('policy/history/privacy/manifest.json:14 history-snapshot-missing');
    const out = path.join(dir, 'site');
    const built = await build({ cwd: dir, out });
    expect(built.written).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['policy']);
  });

  it('the output is written inside the output folder only, whatever the document says', async () => {
    const dir = copySample();
    const out = path.join(dir, 'deep/site');
    const built = await build({ cwd: dir, out, date: '2026-12-01' });
    expect(built.written.length).toBeGreaterThan(20);
    for (const file of built.written) expect(path.resolve(out, file).startsWith(out + path.sep)).toBe(true);
    expect(listFiles(path.join(dir, 'deep')).every((f) => f.startsWith(`site${path.sep}`))).toBe(true);
  });
});

describe('prototype keys', () => {
  const keys = ['__proto__', 'constructor', 'prototype'];

  it.each(keys)('`%s` as a key is reported as unknown and pollutes nothing', async (key) => {
    const text = `${minimal}${key}:\n  polluted: true\n`;
    const inEntity = minimal.replace(
      '      description: create an account\n',
      `      description: create an account\n      ${key}:\n        polluted: true\n`,
    );
    for (const source of [text, inEntity]) {
      const dir = project({ 'policy/privacy.yaml': source });
      const found = await errors(dir);
      expect(found.some((r) => r.endsWith('schema-additional-property') || r.endsWith('schema-additional-property-top-level'))).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('in a translation, `__proto__` keyed like an entity is an extra text, and pollutes nothing', async () => {
    const dir = copySample();
    const file = path.join(dir, 'policy/privacy.fr.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}__proto__:\n  polluted: oui\n`);
    const found = await errors(dir);
    expect(found.length).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an entity whose id is `__proto__` or `constructor` builds like any other', async () => {
    const dir = copySample();
    const file = path.join(dir, 'policy/privacy.yaml');
    // Entity ids are kebab-case: these are refused by their pattern, not by a crash.
    writeFileSync(file, readFileSync(file, 'utf8').replace('- id: fbp', '- id: __proto__'));
    expect((await errors(dir)).some((r) => r.endsWith('schema-pattern'))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
