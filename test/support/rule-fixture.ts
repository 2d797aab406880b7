// A rule fixture (test/rule-fixtures/<rule-id>[-variant]/edits.yaml) is a base
// document (test/rule-fixtures/<base>.yaml, a policy no rule of its family
// fires on) plus the few edits that make the rule fire, written as data: the
// document `fires` is the base with the `fires` edits applied, `silent` the
// base with the `silent` edits applied, and `previous` (for the rules that
// compare a version with the one before) the base with the `previous` edits
// applied. `silent` and `previous` may instead start from the firing document:
// `{ from: fires, edits: [...] }`. `parent` (for documents that defer parts to
// a parent, `parent.document`) is the base with the `parent` edits applied:
// the parent's version both documents are judged with.
//
// Every document is written out the way `stringifyFixture` writes YAML (block
// style, flow style for lists of scalars, no line folding), so the line and
// column of each diagnostic are those of the document `materialize` prints.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, isScalar, parse, visit } from 'yaml';
import { root } from './fixtures.js';

/** The folder of the rule fixtures. */
export const ruleFixturesDir = path.join(root, 'test/rule-fixtures');

/**
 * One edit of a document. `path` is dotted: map keys, and for a list either the
 * `id` of an item or (to insert) its index, e.g. `rights.items.delete` or
 * `rights.items.3`.
 */
export type Edit =
  /** Replace the value at `path`, or add it: as the last key of its map, or before the key `before`. */
  | { set: string; value: unknown; before?: string }
  /** Remove the key or list item at `path`. */
  | { delete: string }
  /** Insert `value` into a list before the index that ends `path` (the list's length appends). */
  | { insert: string; value: unknown };

/** Edits of the base, or of the firing document. */
export type Edits = Edit[] | { from: 'fires'; edits: Edit[] };

/** The edits of a fixture folder, as `edits.yaml` holds them. */
export interface FixtureEdits {
  /** The base document, a file `<base>.yaml` beside the fixture folders. */
  base: string;
  /** From the base to the document on which the rule fires. */
  fires: Edit[];
  /** To a document on which the rule stays silent. */
  silent: Edits;
  /** To the version before (for the rules that compare versions). */
  previous?: Edits;
  /** To the parent document the others may defer parts to. */
  parent?: Edits;
}

type Container = Record<string, unknown> | unknown[];

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The index in `list` of the item with this `id`, or (when `index` is allowed) of this number. */
function itemIndex(list: unknown[], segment: string, path: string, index: boolean): number {
  const byId = list.findIndex((item) => isMap(item) && item.id === segment);
  if (byId >= 0) return byId;
  if (index && /^\d+$/.test(segment) && Number(segment) <= list.length) return Number(segment);
  throw new Error(`edit ${path}: no item with id \`${segment}\``);
}

/** The container holding the last segment of `path`, and that segment. */
function locate(document: unknown, path: string): { parent: Container; last: string } {
  const segments = path.split('.');
  let node = document;
  for (const segment of segments.slice(0, -1)) {
    if (Array.isArray(node)) node = node[itemIndex(node, segment, path, true)];
    else if (isMap(node) && Object.hasOwn(node, segment)) node = node[segment];
    else throw new Error(`edit ${path}: no \`${segment}\``);
  }
  if (!Array.isArray(node) && !isMap(node)) throw new Error(`edit ${path}: not inside a map or a list`);
  return { parent: node, last: segments.at(-1)! };
}

/** Apply `edits` in order to a copy of `document`. An edit that does not apply throws: a fixture never edits nothing. */
export function applyEdits<T>(document: T, edits: readonly Edit[]): T {
  const copy = structuredClone(document);
  for (const edit of edits) {
    if ('insert' in edit) {
      const { parent, last } = locate(copy, edit.insert);
      if (!Array.isArray(parent) || !/^\d+$/.test(last) || Number(last) > parent.length)
        throw new Error(`edit insert ${edit.insert}: not an index of a list`);
      parent.splice(Number(last), 0, structuredClone(edit.value));
    } else if ('delete' in edit) {
      const { parent, last } = locate(copy, edit.delete);
      if (Array.isArray(parent)) parent.splice(itemIndex(parent, last, edit.delete, false), 1);
      else if (Object.hasOwn(parent, last)) delete parent[last];
      else throw new Error(`edit delete ${edit.delete}: no \`${last}\``);
    } else {
      const { parent, last } = locate(copy, edit.set);
      if (Array.isArray(parent)) parent[itemIndex(parent, last, edit.set, false)] = structuredClone(edit.value);
      else if (edit.before === undefined) parent[last] = structuredClone(edit.value);
      else {
        if (Object.hasOwn(parent, last) || !Object.hasOwn(parent, edit.before))
          throw new Error(`edit set ${edit.set} before ${edit.before}: not a new key before an existing one`);
        const entries = Object.entries(parent);
        for (const key of Object.keys(parent)) delete parent[key];
        for (const [key, value] of entries) {
          if (key === edit.before) parent[last] = structuredClone(edit.value);
          parent[key] = value;
        }
      }
    }
  }
  return copy;
}

/** A fixture document as YAML: block style, lists of scalars in flow style (`[a, b]`), lines never folded. */
export function stringifyFixture(document: unknown): string {
  const doc = new Document(document);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The documents of a fixture: its base, edited. */
export function materialize(base: string, edits: FixtureEdits): FixtureDocuments {
  const start = parse(base) as unknown;
  const fires = applyEdits(start, edits.fires);
  const edited = (of: Edits) => stringifyFixture(Array.isArray(of) ? applyEdits(start, of) : applyEdits(fires, of.edits));
  return {
    fires: stringifyFixture(fires),
    silent: edited(edits.silent),
    ...(edits.previous ? { previous: edited(edits.previous) } : {}),
    ...(edits.parent ? { parent: edited(edits.parent) } : {}),
  };
}

/** The documents of a fixture, as YAML. */
export interface FixtureDocuments {
  fires: string;
  silent: string;
  previous?: string;
  parent?: string;
}

/** The documents of a fixture folder of test/rule-fixtures/: its base document, edited. */
export function fixtureDocuments(folder: string): FixtureDocuments {
  const edits = parse(readFileSync(path.join(ruleFixturesDir, folder, 'edits.yaml'), 'utf8')) as FixtureEdits;
  return materialize(readFileSync(path.join(ruleFixturesDir, `${edits.base}.yaml`), 'utf8'), edits);
}

/** Every document of every rule fixture, as [`test/rule-fixtures/<folder>/<name>.yaml`, its text]. */
export function allFixtureDocuments(): [string, string][] {
  const folders = readdirSync(ruleFixturesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return folders.flatMap((folder) =>
    Object.entries(fixtureDocuments(folder)).map(([name, text]): [string, string] => [`test/rule-fixtures/${folder}/${name}.yaml`, text]),
  );
}
