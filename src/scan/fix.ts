import { isMap, isScalar, isSeq, parseDocument, Document, type Node, type YAMLMap } from 'yaml';
import type { Cookie, Technology } from '../model/policy.generated.js';
import { locate } from '../load/positions.js';
import { fitsDomain, knownCategory, knownLifetime, lookupCookie, type CookieDatabase, type KnownCookie } from './cookie-database.js';
import { matchCookie, matchStorage } from './compare.js';
import type { Declared, DeclaredCookie, DeclaredStorage } from './declared.js';
import { sameSite } from './hosts.js';
import type { Observation, ObservedCookie } from './observation.js';

/*
 * `policyc scan --fix`: the entries a scan suggests for what it saw and the
 * document does not declare, written into the document's text. The text is
 * edited, not printed again: each new entry is made with the yaml package's
 * Document API in the style of the entries already there (their quoting,
 * indentation, block or flow lists, blank lines between them) and inserted
 * at the end of its list, so every other byte of the file is kept, comments
 * included. Each entry carries `review`, for a person to check it.
 */

/** What `--fix` added: the new text, and each entry's id and list. */
export interface FixResult {
  text: string;
  added: { list: 'cookies.items' | 'cookies.technologies'; id: string; name: string }[];
}

export interface FixInput {
  /** The document's text as validated. */
  readonly text: string;
  readonly observation: Observation;
  readonly declared: Declared;
  readonly database: CookieDatabase;
}

/** Add an entry for each undeclared cookie and a technology for each kind of undeclared storage key; undefined when there is nothing to add. */
export function fixDocument(input: FixInput): FixResult | undefined {
  const doc = parseDocument(input.text, { keepSourceTokens: false });
  const ids = new Set<string>();
  collectIds(doc.toJS(), ids);
  const cookies = suggestCookies(input, ids);
  const technologies = suggestStorage(input, ids);
  if (!cookies.length && !technologies.length) return undefined;
  let text = input.text;
  if (cookies.length) text = appendToList(text, ['cookies', 'items'], cookies);
  if (technologies.length) text = appendToList(text, ['cookies', 'technologies'], technologies);
  return {
    text,
    added: [
      ...cookies.map((c) => ({ list: 'cookies.items' as const, id: c.id, name: c.name })),
      ...technologies.map((t) => ({ list: 'cookies.technologies' as const, id: t.id, name: t.keys?.join(', ') ?? '' })),
    ],
  };
}

/** Every `id` value in a document, so new ids are unique in it. */
function collectIds(value: unknown, ids: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collectIds(item, ids);
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) {
      if (key === 'id' && typeof child === 'string') ids.add(child);
      else collectIds(child, ids);
    }
}

/** A new id from a name, valid (`$defs.Id`) and not in `ids`; added to them. */
function newId(name: string, fallback: string, ids: Set<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56)
      .replace(/-+$/, '') || fallback;
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
}

/** A one-line text of at most `max` characters. */
function oneLine(text: string, max = 500): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}

const hostPattern = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/** The entries for the undeclared cookies, one per name (or per known prefix: `_ga_*` once for every `_ga_…`). */
function suggestCookies(input: FixInput, ids: Set<string>): Cookie[] {
  const { observation, declared, database } = input;
  const added: Cookie[] = [];
  const covered: DeclaredCookie[] = [...declared.cookies];
  for (const cookie of observation.cookies) {
    if (matchCookie(covered, cookie)) continue;
    const known = lookupCookie(database, cookie.name, cookie.domain);
    const entry = cookieEntry(cookie, known, observation, ids);
    added.push(entry);
    covered.push({ ...entry, path: [] } as DeclaredCookie);
  }
  return added;
}

function cookieEntry(cookie: ObservedCookie, known: KnownCookie | undefined, observation: Observation, ids: Set<string>): Cookie {
  const third = !sameSite(cookie.domain, observation.siteHost);
  const lifetime = observedLifetime(cookie, observation) ?? (known ? knownLifetime(known) : undefined);
  const category = known ? knownCategory(known) : undefined;
  const name = oneLine(cookie.name, 200);
  return {
    id: newId(name, 'cookie', ids),
    name,
    ...(known?.wildcard ? { pattern: `${known.name}*` } : {}),
    ...(third && hostPattern.test(cookie.domain) ? { domain: cookie.domain } : {}),
    party: third ? 'third' : 'first',
    ...(known?.platform ? { provider: oneLine(known.platform, 200) } : {}),
    purpose: known?.description ? oneLine(known.description, 2000) : 'To be described: what this cookie does',
    ...(lifetime ?? { lifetime: 'session' as const }),
    category: category ?? 'functional',
    review: reviewNote(cookie, known, { category: category !== undefined, lifetime: lifetime !== undefined }),
  };
}

/** What a person must check in a suggested cookie, and where the scan saw it. */
function reviewNote(cookie: ObservedCookie, known: KnownCookie | undefined, has: { category: boolean; lifetime: boolean }): string {
  const seen = `seen on ${oneLine(cookie.page, 200)}, set by ${cookie.setter}${cookie.setBy === 'script' ? ' (a script)' : ''}`;
  if (known)
    return oneLine(
      `added by policyc scan from the Open Cookie Database (${oneLine(known.platform, 80)}${fitsDomain(known, cookie.domain) ? '' : `, listed for ${oneLine(known.domain, 80)}: check it is this cookie`}), ${seen}: check the purpose, category and duration`,
    );
  const placeholders = ['the purpose', ...(has.category ? [] : ['category']), ...(has.lifetime ? [] : ['lifetime'])];
  return oneLine(
    `added by policyc scan, ${seen}; not in the Open Cookie Database: ${listed(placeholders)} ${placeholders.length === 1 ? 'is a placeholder' : 'are placeholders'} to replace`,
  );
}

/** `a`, `a and b`, `a, b and c`. */
function listed(words: readonly string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

/** The lifetime the scan saw, when it saw one (a HAR does not show how long a script's cookie lasts). */
function observedLifetime(
  cookie: ObservedCookie,
  observation: Observation,
): { lifetime: 'session' } | { lifetime: 'persistent'; duration: string } | undefined {
  if (cookie.maxAgeSeconds === undefined)
    return observation.source === 'har' && cookie.setBy === 'script' ? undefined : { lifetime: 'session' };
  return { lifetime: 'persistent', duration: durationOf(cookie.maxAgeSeconds) };
}

/** Seconds as a Duration: in years, days, hours or minutes, whichever is exact (to a minute), rounded up otherwise. */
export function durationOf(seconds: number): string {
  const unit = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const near = (size: number) => Math.abs(seconds / size - Math.round(seconds / size)) * size <= 60 && Math.round(seconds / size) >= 1;
  if (near(365 * 86400)) return unit(Math.round(seconds / (365 * 86400)), 'year');
  if (near(86400)) return unit(Math.round(seconds / 86400), 'day');
  if (seconds >= 86400) return unit(Math.ceil(seconds / 86400), 'day');
  if (near(3600)) return unit(Math.round(seconds / 3600), 'hour');
  return unit(Math.max(1, Math.ceil(seconds / 60)), 'minute');
}

/** One technology per kind of storage with undeclared keys, listing them. */
function suggestStorage(input: FixInput, ids: Set<string>): Technology[] {
  const byKind = new Map<'local' | 'session', string[]>();
  const covered: DeclaredStorage[] = [...input.declared.storage];
  for (const item of input.observation.storage) {
    if (matchStorage(covered, item)) continue;
    const keys = byKind.get(item.kind) ?? [];
    if (!keys.includes(item.key)) keys.push(oneLine(item.key, 200));
    byKind.set(item.kind, keys);
  }
  return [...byKind].map(([kind, keys]) => ({
    id: newId(`${kind}-storage`, 'storage', ids),
    type: kind === 'local' ? 'local-storage' : 'session-storage',
    keys,
    purpose: 'To be described: what these keys hold',
    category: 'functional',
    review: `added by policyc scan: the ${kind} storage keys seen on the site; describe their purpose and check the category`,
  }));
}

/** Append entries to the list at `path`, made in the style of the entries already there, keeping every other byte of the text. */
export function appendToList(text: string, path: readonly string[], entries: readonly object[]): string {
  const doc = parseDocument(text);
  const found = locate(doc, path);
  const indent = documentIndent(doc, text);
  if (found.depth === path.length) {
    const list = found.node;
    if (!isSeq(list) || list.flow || !list.range) return reprinted(doc, path, entries, indent);
    const column = columnOf(text, list.range[0]);
    const spaced = list.items.length > 1 && Boolean((list.items[1] as Node).spaceBefore);
    return insert(text, list.range[2], block(styled(doc, entries, list.items), { indent, column, spaced, padded: flowPadded(text, list) }));
  }
  // The list is missing: its key, with what else is missing above it, goes at the end of the deepest mapping there is.
  const parent = found.depth === 0 ? doc.contents : locate(doc, path.slice(0, found.depth)).node;
  if (!isMap(parent) || parent.flow || !parent.range || !parent.items[0]) return reprinted(doc, path, entries, indent);
  let value: unknown = styled(doc, entries, []);
  for (const key of [...path.slice(found.depth)].reverse()) value = { [key]: value };
  const column = columnOf(text, (parent.items[0].key as Node).range![0]);
  return insert(text, parent.range[2], block(value, { indent, column, spaced: false, padded: true }));
}

/** The indentation step of a document: its first nested key's column (2 when it has none). */
function documentIndent(doc: Document, text: string): number {
  const root = doc.contents;
  if (isMap(root))
    for (const pair of root.items)
      if (isMap(pair.value) && !pair.value.flow && pair.value.items[0]) {
        const column = columnOf(text, (pair.value.items[0].key as Node).range![0]);
        if (column > 0) return column;
      }
  return 2;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The entries as YAML nodes, each scalar quoted as the same key is in the existing entries (`name: "_ga"`). */
function styled(doc: Document, entries: readonly object[], existing: readonly unknown[]): Node[] {
  const quoting = new Map<string, Scalar['type']>();
  const flowLists = new Set<string>();
  for (const item of existing)
    if (isMap(item))
      for (const pair of (item as YAMLMap).items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (isScalar(pair.value) && typeof pair.value.value === 'string' && !quoting.has(key)) quoting.set(key, pair.value.type);
        if (isSeq(pair.value) && pair.value.flow) flowLists.add(key);
      }
  return entries.map((entry) => {
    const node = doc.createNode(entry) as YAMLMap;
    for (const pair of node.items) {
      const key = String((pair.key as Scalar).value);
      const type = quoting.get(key);
      if (isScalar(pair.value) && type && type !== 'BLOCK_FOLDED' && type !== 'BLOCK_LITERAL') pair.value.type = type;
      if (isSeq(pair.value) && flowLists.has(key)) pair.value.flow = true;
    }
    return node;
  });
}

type Scalar = import('yaml').Scalar;

/** Whether the first flow list inside a list's entries is written `[ a ]` (the yaml package's way) rather than `[a]`. */
function flowPadded(text: string, list: Node): boolean {
  let padded = true;
  let found = false;
  visit(list, (node) => {
    if (!found && isSeq(node) && node.flow && node.range && node.items.length) {
      found = true;
      padded = text[node.range[0] + 1] === ' ';
    }
  });
  return padded;
}

/** Every node under `node`, depth first. */
function visit(node: unknown, each: (node: unknown) => void): void {
  each(node);
  if (isMap(node)) for (const pair of node.items) visit(pair.value, each);
  else if (isSeq(node)) for (const item of node.items) visit(item, each);
}

interface BlockStyle {
  indent: number;
  /** The column the printed value starts at. */
  column: number;
  /** A blank line before each entry. */
  spaced: boolean;
  /** Flow lists as `[ a ]`, not `[a]`. */
  padded: boolean;
}

/** A value printed as block YAML at a column, each line indented, ready to insert after a line break. */
function block(value: unknown, { indent, column, spaced, padded }: BlockStyle): string {
  const piece = new Document(value);
  const lines = piece.toString({ indent, indentSeq: true, lineWidth: 0, flowCollectionPadding: padded }).replace(/\n$/, '').split('\n');
  const pad = ' '.repeat(column);
  if (!spaced) return lines.map((l) => (l ? pad + l : l)).join('\n');
  // Blank lines between the entries, as between the existing ones.
  return lines.map((l) => (l.startsWith('- ') ? `\n${pad}${l}` : l ? pad + l : l)).join('\n');
}

/** `piece` inserted at a line start (a line break added first when `at` is not one), with the text's own line breaks. */
function insert(text: string, at: number, piece: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const before = text.slice(0, at);
  const lead = before === '' || before.endsWith('\n') ? '' : eol;
  return `${before}${lead}${piece.replace(/\n/g, eol)}${eol}${text.slice(at)}`;
}

/**
 * A list in flow style (`items: [{...}]`) cannot take a block entry: the
 * document is printed again by the yaml package (comments are kept, some
 * spacing may change). policyc's own documents never use flow lists here.
 */
function reprinted(doc: Document, path: readonly string[], entries: readonly object[], indent: number): string {
  const list = doc.getIn(path, true);
  const nodes = styled(doc, entries, isSeq(list) ? list.items : []);
  if (isSeq(list)) for (const node of nodes) list.items.push(node);
  else doc.setIn(path, doc.createNode(nodes));
  return doc.toString({ indent, lineWidth: 0 });
}
