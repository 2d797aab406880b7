import { escapeMarkdown, markdownCode } from '../markdown/escape.js';
import { proseToPlainText } from '../markdown/prose.js';
import { listFormat } from './intl-format.js';
import type { OutputFormat } from './view-model.js';

/**
 * One structured fact of an entity as a template prints it: a label from the
 * locale and a value already converted for the output format. A template
 * lists an entity's facts under it (`<dl>` on a page, a nested list in
 * Markdown), so no label is glued to the text before it and no separator is
 * written by the template.
 */
export interface Fact {
  /** Which fact (`condition`, `role`, `countries`): a stable key for templates and styles. */
  key: string;
  label: unknown;
  value: unknown;
}

/** How the builders write values: inline Markdown in, the output format's value out. */
export interface FactWriter {
  format: OutputFormat;
  locale: string;
  /** The locale's semicolon and the space around it, which separates the items of a list when an item has a comma. */
  semicolon: string;
  /** The locale's label of an enum value, as plain text (the value itself when the locale has none). */
  enumText(group: string, value: string): string;
}

/** Inline Markdown (the author's words, escaped labels and links) converted for the output format. */
export function inline(writer: FactWriter, markdown: string): unknown {
  return writer.format.convert(markdown, 'text');
}

/** Plain text made safe to stand in inline Markdown beside the author's words. */
export const literal = (text: string): string => escapeMarkdown(text);

/** A link in inline Markdown; the label is plain text, the URL one the schema checked (http or https). */
export function link(label: string, url: string): string {
  return `[${escapeMarkdown(label)}](<${url}>)`;
}

/** Labels of enum values as one list in the locale's words ("A, B and C"), as inline Markdown. */
export function enumList(
  writer: FactWriter,
  group: string,
  values: readonly string[] | undefined,
  type?: 'disjunction',
): string | undefined {
  if (!values?.length) return undefined;
  return listFormat(
    writer.locale,
    values.map((value) => literal(writer.enumText(group, value))),
    type,
    writer.semicolon,
  );
}

/** Items of inline Markdown as one list in the locale's words; undefined for none. */
export function markdownList(writer: FactWriter, items: readonly (string | undefined)[], type?: 'disjunction'): string | undefined {
  const present = items.filter((item): item is string => item !== undefined && item !== '');
  return present.length ? listFormat(writer.locale, present, type, writer.semicolon) : undefined;
}

/** Names or hosts written as code (storage keys, `*.example.com`), in the locale's list form; undefined for none. */
export function codeList(writer: FactWriter, items: readonly string[] | undefined): string | undefined {
  return markdownList(writer, (items ?? []).map(markdownCode));
}

/** The facts that have a value, each labelled from the locale's group and converted; `[key, label, inline Markdown]`. */
export function facts(writer: FactWriter, entries: readonly (readonly [string, string, string | undefined])[]): Fact[] {
  return entries.flatMap(([key, label, value]) =>
    value === undefined || value === '' ? [] : [{ key, label: writer.format.convert(label, 'plain'), value: inline(writer, value) }],
  );
}

/** Links to entities of this document by id, with their names, in the locale's list form. */
export function refs(
  writer: FactWriter,
  anchor: string,
  ids: readonly string[] | undefined,
  entities: readonly { id: string; name?: string; description?: string }[] | undefined,
): string | undefined {
  const byId = entitiesById(entities ?? []);
  return markdownList(
    writer,
    (ids ?? []).map((id) => {
      const entity = byId.get(id);
      // The name as plain text: link text cannot hold the links or emphasis an author's name may have.
      const name = entity ? proseToPlainText(entity.name ?? entity.description ?? entity.id, 'text') : id;
      return `[${literal(name)}](#${anchor}-${id})`;
    }),
  );
}

type Named = { id: string; name?: string; description?: string };
// A page names entities of the same lists many times (each category its purposes): each list is indexed once.
const indexed = new WeakMap<readonly Named[], Map<string, Named>>();

/** A list's entities by id (the last of an id, as a Map built from the list keeps). */
function entitiesById(entities: readonly Named[]): Map<string, Named> {
  let byId = indexed.get(entities);
  if (!byId) indexed.set(entities, (byId = new Map(entities.map((e) => [e.id, e]))));
  return byId;
}

/** Country codes as the locale names them ("United States"). */
export function countryList(writer: FactWriter, codes: readonly string[] | undefined): string | undefined {
  if (!codes?.length) return undefined;
  const names = new Intl.DisplayNames([writer.locale], { type: 'region' });
  return markdownList(
    writer,
    codes.map((code) => literal(names.of(code) ?? code)),
  );
}

/** Whether a text already names a URL (so a template need not print it again). */
export function mentions(text: string | undefined, url: string): boolean {
  if (!text) return false;
  const bare = (u: string) => u.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return text.includes(bare(url));
}
