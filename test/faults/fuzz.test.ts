// Fuzzing the whole pipeline: random mutations of the sample's bytes and structure, and random text in every field.
// No input may crash policyc: every failure is a diagnostic with a position; every valid input builds, diffs and mails.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { compile } from '../../src/api.js';
import { createRenderer, diffPolicies, readTemplates, renderNotification, validate } from '../../src/index.js';
import type { Diagnostic } from '../../src/index.js';
import { copySample } from '../support/project.js';

// A fixed seed keeps CI reproducible; FUZZ_SEED and FUZZ_RUNS explore further locally.
const seed = Number(process.env.FUZZ_SEED ?? 20261129);
const numRuns = Number(process.env.FUZZ_RUNS ?? 40);

const dir = copySample();
const workingFile = path.join(dir, 'policy/privacy.yaml');
const translationFile = path.join(dir, 'policy/privacy.fr.yaml');
const sample: Buffer = readFileSync(workingFile);
const sampleTranslation: Buffer = readFileSync(translationFile);
const samplePolicy = parseYaml(sample.toString('utf8')) as Record<string, unknown>;
const renderer = createRenderer(await readTemplates([]));

function expectPositioned(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(d.file, JSON.stringify(d)).toMatch(/\S/);
    expect(d.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
    expect(d.column, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
    expect(d.ruleId, JSON.stringify(d)).toMatch(/^[a-z0-9-]+$/);
    expect(d.message, JSON.stringify(d)).toMatch(/\S/);
  }
}

/** Run the working document (and translation) through validate, then build with drafts (which renders the diff), then diff against the latest release. */
async function throughPipeline(
  working: Uint8Array | string,
  translation: Uint8Array | string = sampleTranslation,
): Promise<'valid' | 'refused'> {
  writeFileSync(workingFile, working);
  writeFileSync(translationFile, translation);
  const checked = await validate({ cwd: dir, date: '2026-12-01' });
  expectPositioned(checked.diagnostics);
  const compiled = await compile({ cwd: dir, date: '2026-12-01', drafts: true });
  expectPositioned(compiled.diagnostics);
  const failed = compiled.diagnostics.some((d) => d.severity === 'error');
  // Either the site is built, or an error says why: never neither.
  expect(Boolean(compiled.files)).toBe(!failed);
  const doc = checked.documents[0];
  if (doc?.working && doc.releases.length) {
    const latest = doc.releases[doc.releases.length - 1]!;
    const changes = diffPolicies(latest.model.policy, doc.working.policy);
    for (const c of changes.changes) expect(c.summary).toMatch(/\S/);
    // The e-mail announcing the working document as the next version.
    if (!failed && changes.changes.length) {
      const links = { policy: 'https://example.com/p', redline: 'https://example.com/r', changelog: 'https://example.com/c' };
      const mail = renderNotification(
        {
          model: doc.working,
          previous: { version: latest.entry.version, effective: latest.entry.effective },
          next: { version: '9.0.0', effective: '2030-01-01' },
          changes,
          links,
        },
        renderer,
      );
      expect(mail?.eml).toMatch(/^Content-Type: multipart\/alternative/m);
      expect(mail?.subject).not.toMatch(/[\r\n]/);
    }
  }
  return failed ? 'refused' : 'valid';
}

/** A byte-level mutation of a file. */
const byteMutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 40 }) }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
);

type ByteMutation = typeof byteMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateBytes(bytes: Buffer, m: ByteMutation): Buffer {
  const at = m.at % (bytes.length + 1);
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, at);
    case 'flip': {
      const copy = Buffer.from(bytes);
      if (at < copy.length) copy[at] = m.value;
      return copy;
    }
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text, 'utf8'), bytes.subarray(at)]);
    default: {
      const lines = bytes.toString('latin1').split('\n');
      const i = m.at % lines.length;
      if (m.kind === 'delete-line') lines.splice(i, 1);
      else lines.splice(i, 0, lines[i]!);
      return Buffer.from(lines.join('\n'), 'latin1');
    }
  }
}

/** Every path to a value in a JSON-like tree. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}
const allPaths = paths(samplePolicy).filter((p) => p.length > 0);
const stringPaths = allPaths.filter((p) => typeof p.reduce<any>((node, key) => node?.[key], samplePolicy) === 'string');

const deep = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.integer(),
    fc.boolean(),
    fc.string(),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('node'), { maxKeys: 3 }),
  ),
})).node;

/** A structural mutation: a key deleted, a value of the wrong type, a value replaced by a random tree. */
const structuralMutation = fc.record({ path: fc.constantFrom(...allPaths), kind: fc.constantFrom('delete', 'replace'), value: deep });

function applyStructural(m: { path: (string | number)[]; kind: string; value: unknown }): Record<string, unknown> {
  const copy = structuredClone(samplePolicy);
  const parent = m.path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  const key = m.path[m.path.length - 1]!;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else parent[key] = m.value;
  return copy;
}

/** Text that stresses renderers: every plane of Unicode, Markdown and HTML syntax, Handlebars syntax. */
const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
  fc.constantFrom(
    '{{#each this}}{{/each}}',
    '{{{raw}}}',
    '<b>bold</b>',
    '[link](javascript:alert(1))',
    '# Heading\n\n- item',
    '`code`',
    '\u202e\u0000\uFEFF',
    '\\',
    '*'.repeat(200),
  ),
);

describe('fuzzing the pipeline', () => {
  it('survives random byte mutations of the sample', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(byteMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const bytes = mutations.reduce((b, m) => mutateBytes(b, m), sample);
        const outcome = await throughPipeline(bytes);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      { seed, numRuns },
    );
    expect(outcomes.get('refused')).toBeGreaterThan(0);
  }, 600_000);

  it('survives deleted keys, wrong types and random trees anywhere in the document', async () => {
    await fc.assert(
      fc.asyncProperty(structuralMutation, async (m) => {
        await throughPipeline(stringify(applyStructural(m)));
      }),
      { seed, numRuns },
    );
  }, 600_000);

  it('builds, diffs and mails documents whose texts are random, or refuses them with a diagnostic', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...stringPaths), hostileText), { minLength: 1, maxLength: 6 }), async (edits) => {
        const copy = structuredClone(samplePolicy);
        for (const [p, text] of edits) {
          const parent = p.slice(0, -1).reduce<any>((node, key) => node[key], copy);
          parent[p[p.length - 1]!] = text;
        }
        const outcome = await throughPipeline(stringify(copy));
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      { seed, numRuns },
    );
    // Most random texts are acceptable prose: the valid path (build, diff, draft) is really exercised.
    expect(outcomes.get('valid')).toBeGreaterThan(0);
  }, 600_000);

  it('survives random mutations of the translation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(byteMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        await throughPipeline(
          sample,
          mutations.reduce((b, m) => mutateBytes(b, m), sampleTranslation),
        );
      }),
      { seed, numRuns },
    );
  }, 600_000);
});
