// Every field of the document format reaches the pages. A document is generated from the schema with every
// property it allows (the general form where a short form is its alternative), each string a token found
// nowhere else; the document is validated as a user's would be and built, and every token must appear on the
// HTML page and on the Markdown page. A field added to the schema without a place on the page fails here.
// Values that are not free text are checked by changing them: an enum, a boolean, a number or a country code
// changed, or a reference to another entity (an id, printed as a link or a name) left out, must change both pages.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileSite, createRenderer, readTemplates, validate } from '../src/index.js';
import type { Policy } from '../src/model/policy.generated.js';
import { resolve } from '../src/resolve/resolve.js';
import { references } from '../src/model/sections.js';
import { policySchema, resolveRef, type SchemaNode } from '../src/model/schema.js';
import { tempDir } from './support/project.js';

type Path = (string | number)[];

/** A token per string field, with the path it was written at. */
interface Generated {
  document: Record<string, unknown>;
  tokens: Map<string, string>;
  /** Each enum, boolean, number and country code field, with another value it could take: changing it must change the page. */
  variants: { path: Path; other: unknown }[];
}

// Keys not printed as such: the editor's schema pointer, ids (anchors), the document's own identity and order.
const unprinted = new Set(['$schema', 'id', 'order', 'document', 'defers', 'locale', 'version', 'effective', 'jurisdictions']);
// A retention's own words (`description`) stand in for the label built from its period and criteria.
const supersededBy = /\bretention(\.default)?\.criteria$/;
// Not on the policy's page: a `review` note marks an entry for a person to check (release refuses a document
// with one, so it never reaches a published page).
const unpublished = /(^|\.)review$/;
// Rendered on the subprocessor page (publish/subprocessors), not the policy's.
const elsewhere = /^sharing\.subprocessors\./;

function generate(): Generated {
  const tokens = new Map<string, string>();
  const variants: Generated['variants'] = [];
  let counter = 0;
  const token = (path: Path) => {
    const value = `Tok${(++counter).toString(36)}x`;
    tokens.set(value, path.join('.'));
    return value;
  };
  const value = (node: SchemaNode, path: Path): unknown => {
    const { node: schema, refs } = resolveRef(node);
    const kind = refs[0];
    if (kind === 'Id') return `id${++counter}`;
    if (kind === 'IdRef' || kind === 'SectionRef') return undefined; // filled from the reference table
    if (kind === 'Url') return `https://example.com/${token(path).toLowerCase()}`;
    if (kind === 'Email') return `${token(path).toLowerCase()}@example.com`;
    if (kind === 'Phone') return `+44 20 7946 ${String(1000 + ++counter).slice(-4)}`;
    if (kind === 'CountryCode') {
      variants.push({ path, other: 'FR' });
      return 'IE';
    }
    if (kind === 'Duration') return '7 weeks';
    if (kind === 'Host') return `${token(path).toLowerCase()}.example.com`;
    if (kind === 'NamePattern') return `${token(path)}_*`;
    if (schema.format === 'date') {
      variants.push({ path, other: '2026-04-02' });
      return '2026-03-01';
    }
    if (kind === 'Address') return `${token(path)} Street\n${token(path)} City`;
    if (kind === 'Text' || kind === 'Prose' || kind === 'SectionTitle' || kind === 'SectionIntro' || kind === 'SectionClosing')
      return `${token(path)} words`;
    if (schema.enum) {
      if (schema.enum.length > 1) variants.push({ path, other: schema.enum[1] });
      return schema.enum[0];
    }
    if (schema.type === 'boolean') {
      variants.push({ path, other: false });
      return true;
    }
    if (schema.type === 'integer' || schema.type === 'number') {
      variants.push({ path, other: 14 });
      return 13;
    }
    if (path[path.length - 1] === 'currency') return 'EUR';
    if (schema.type === 'string') return `${token(path)}`;
    if (schema.type === 'array' && schema.items && ['IdRef', 'SectionRef'].includes(resolveRef(schema.items).refs[0] ?? ''))
      return undefined;
    if (schema.type === 'array' && schema.items) {
      // Contact methods are one of several shapes: one item per shape.
      const shapes = (resolveRef(schema.items).node.oneOf as SchemaNode[] | undefined)?.length ?? 0;
      return Array.from({ length: Math.max(1, shapes) }, (_, i) => value(schema.items!, [...path, i]));
    }
    if (schema.type === 'object' && schema.properties) return object(schema, path);
    return undefined;
  };
  const object = (schema: SchemaNode, path: Path): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const excluded = exclusions(schema);
    const index = typeof path[path.length - 1] === 'number' ? (path[path.length - 1] as number) : 0;
    const oneOf = (schema.oneOf as SchemaNode[] | undefined)?.map((s) => s.required![0]!);
    for (const [key, child] of Object.entries(schema.properties!)) {
      if (excluded.has(key)) continue;
      if (oneOf?.includes(key) && oneOf[index % oneOf.length] !== key) continue;
      const v = value(child, [...path, key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  };
  const document = object(policySchema, []);
  Object.assign(document, { id: 'input', version: '1.0.0', effective: '2026-01-01', locale: 'en', jurisdictions: ['eu', 'us-ca'] });
  delete document.$schema;
  (document.sections as Record<string, unknown>[])[0]!.after = 'contacts';
  fillReferences(document);
  return { document, tokens, variants };
}

/** The deprecated short forms, each the alternative of a general form the generator writes instead. */
function exclusions(schema: SchemaNode): Set<string> {
  const not = schema.not as { required?: string[] } | undefined;
  const out = new Set<string>();
  if (not?.required?.length === 2) out.add(not.required[0]!);
  return out;
}

/** Every reference names the first entity of the list it points into. */
function fillReferences(document: Record<string, unknown>) {
  for (const reference of references) {
    const target = at(document, reference.to) as { id: string }[] | undefined;
    const id = reference.to[0] === 'otherControllers' ? target?.[0]?.id : target?.[0]?.id;
    if (!id) continue;
    for (const holder of holders(document, reference.from)) {
      const last = reference.from[reference.from.length - 1]!;
      if (last === '*') {
        const [parent, key] = holder;
        parent[key] = [id];
      } else holder[0][holder[1]] = id;
    }
  }
}

function at(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

/** The objects holding a reference (and its key), for a pattern ending at the reference or at its list. */
function holders(data: Record<string, unknown>, pattern: readonly string[]): [Record<string, unknown>, string][] {
  const trimmed = pattern[pattern.length - 1] === '*' ? pattern.slice(0, -1) : pattern;
  const walk = (node: unknown, rest: readonly string[]): [Record<string, unknown>, string][] => {
    if (!node || typeof node !== 'object') return [];
    if (rest.length === 1) return [[node as Record<string, unknown>, rest[0]!]];
    const [head, ...tail] = rest;
    if (head === '*') return Array.isArray(node) ? node.flatMap((item) => walk(item, tail)) : [];
    return walk((node as Record<string, unknown>)[head!], tail);
  };
  return walk(data, trimmed);
}

// Values that decide what the rules check, not what the page says (whether a DPO must be designated, whether the
// business operates exclusively online and so may take CCPA requests by e-mail alone).
const rulesOnly = new Set(['dpoRequired', 'operatesExclusivelyOnline', 'defers', 'practices', 'used']);
/** A value the author's own words stand in for on the page: a retention's end (its `description`), a condition's or a signal's kind. */
function superseded(document: Record<string, unknown>, path: Path): boolean {
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], document) as Record<
    string,
    unknown
  >;
  const key = path[path.length - 1];
  if (key === 'end' && parent.description !== undefined) return true;
  if (key === 'basis' && parent.text !== undefined) return true;
  if (key === 'signal' && parent.name !== undefined) return true;
  // A controller's own words for where it is the controller (`appliesTo`) stand in for its regions' names.
  const holder = path.slice(0, -2).reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], document) as
    Record<string, unknown> | undefined;
  if (path[path.length - 2] === 'regions' && holder?.appliesTo !== undefined) return true;
  // A toll-free flag says something only of a telephone number.
  if (key === 'tollFree' && parent.phone === undefined) return true;
  return false;
}

describe('every field of the document format', async () => {
  const generated = generate();
  const dir = tempDir();
  writeFileSync(path.join(dir, 'input.yaml'), stringify(generated.document));
  const result = await validate({ cwd: dir, files: ['input.yaml'], noRules: true });
  const renderer = createRenderer(await readTemplates([]));

  it('makes a valid document', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}: ${d.message}`)).toEqual([]);
  });

  const site = compileSite(
    result.models.map((m) => ({ id: m.policy.id, working: m, releases: [] })),
    renderer,
    { date: '2026-01-01', drafts: false },
  );
  const pages = {
    html: String(site.files.get('input/index.html') ?? ''),
    md: String(site.files.get('input/index.md') ?? ''),
  };

  it('puts the statement about sale and sharing in the summary, with the opt-out page', () => {
    const summary = String(site.files.get('input/summary.html') ?? '');
    const sale = (generated.document.sharing as { sale: { statement: string; optOutUrl: string } }).sale;
    expect(summary).toContain(sale.statement);
    expect(summary).toContain(`href="${sale.optOutUrl}"`);
  });

  it.each(['html', 'md'] as const)('reaches the %s page, every string of it', (format) => {
    const missing = [...generated.tokens]
      .filter(([, field]) => !unprinted.has(field.split('.').pop()!) && !supersededBy.test(field))
      .filter(([, field]) => !unpublished.test(field) && !elsewhere.test(field))
      .filter(([token]) => !pages[format].toLowerCase().includes(token.toLowerCase()))
      .map(([, field]) => field);
    expect(missing).toEqual([]);
  });
});

describe('every value of the document format', async () => {
  const generated = generate();
  const renderer = createRenderer(await readTemplates([]));
  const render = (document: Record<string, unknown>) => {
    const model = resolve(document as unknown as Policy, 'input.yaml');
    const site = compileSite([{ id: 'input', working: model, releases: [] }], renderer, { date: '2026-01-01', drafts: false });
    return [String(site.files.get('input/index.html')), String(site.files.get('input/index.md'))] as const;
  };
  const [html, md] = render(generated.document);
  const cases = generated.variants.filter(
    ({ path }) => !path.some((key) => rulesOnly.has(String(key))) && path[0] !== 'jurisdictions' && !superseded(generated.document, path),
  );
  // A reference to another entity is an id, printed as a link or a name: leaving it out must change both pages.
  const referenceCases = references.flatMap((reference) =>
    referencePaths(generated.document, reference.from).map((path) => [path.join('.'), path] as const),
  );

  it.each(cases.map((c) => [c.path.join('.'), c] as const))('%s, changed, changes both pages', (_, { path, other }) => {
    const variant = structuredClone(generated.document);
    const parent = path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, variant);
    parent[path[path.length - 1]!] = other;
    const [variantHtml, variantMd] = render(variant);
    expect(variantHtml === html ? 'the HTML page' : variantMd === md ? 'the Markdown page' : 'both').toBe('both');
  });

  it.each(referenceCases)('%s, left out, changes both pages', (_, path) => {
    const variant = structuredClone(generated.document);
    const parent = path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, variant);
    delete parent[path[path.length - 1]!];
    const [variantHtml, variantMd] = render(variant);
    expect(variantHtml === html ? 'the HTML page' : variantMd === md ? 'the Markdown page' : 'both').toBe('both');
  });
});

/** Where the generated document holds a reference of the table (the field holding the id or the list of ids). */
function referencePaths(document: Record<string, unknown>, pattern: readonly string[]): Path[] {
  const trimmed = pattern[pattern.length - 1] === '*' ? pattern.slice(0, -1) : pattern;
  const walk = (node: unknown, rest: readonly string[], at: Path): Path[] => {
    if (!node || typeof node !== 'object') return [];
    if (rest.length === 1) return rest[0]! in node ? [[...at, rest[0]!]] : [];
    const [head, ...tail] = rest;
    if (head === '*') return Array.isArray(node) ? node.flatMap((item, i) => walk(item, tail, [...at, i])) : [];
    return walk((node as Record<string, unknown>)[head!], tail, [...at, head!]);
  };
  return walk(document, trimmed, []);
}
