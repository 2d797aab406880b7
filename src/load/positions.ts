import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Place } from '../diagnostics/diagnostic.js';

/** A YAML node found by its path, with the pair that holds it when it is a mapping value. */
export interface Located {
  node: Node | null;
  /** The key/value pair whose value is `node`, when its parent is a mapping. */
  pair?: Pair<unknown, unknown> | undefined;
  /** How many path segments were found: less than the path length when it stops early. */
  depth: number;
}

/** The place of an offset range in a file. */
export function placeOfRange(lineCounter: LineCounter, start: number, end: number): Place {
  const a = lineCounter.linePos(start);
  const b = lineCounter.linePos(Math.max(start, end));
  return { start: { line: a.line, column: a.col }, end: { line: b.line, column: b.col } };
}

/** The place of a node's value (without trailing comments), or of the file start when it has no range. */
export function placeOfNode(lineCounter: LineCounter, node: unknown): Place {
  const range = (node as Node | null)?.range;
  if (!range) return placeOfRange(lineCounter, 0, 0);
  return placeOfRange(lineCounter, range[0], range[1]);
}

/** Split a JSON pointer (`/cookies/items/2`) into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Find the pair of a mapping whose key is `key`. */
export function findPair(map: unknown, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isPair(item) && keyText(item.key) === key) return item;
  }
  return undefined;
}

/** The text of a mapping key, as the JavaScript value would have it. */
export function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** Walk a parsed document along path segments, as far as the path exists. */
export function locate(doc: Document, segments: readonly string[]): Located {
  let node: unknown = doc.contents;
  let pair: Pair<unknown, unknown> | undefined;
  let depth = 0;
  for (const segment of segments) {
    if (isMap(node)) {
      const found = findPair(node, segment);
      if (!found) break;
      pair = found;
      node = found.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      pair = undefined;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { node: (node as Node | null) ?? null, pair, depth };
}

/**
 * The place that best names the node at `segments`: the node's value; when it
 * is missing (a key with no value), the key; when the path stops early, the
 * deepest node that exists.
 */
export function placeOfPath(doc: Document, lineCounter: LineCounter, segments: readonly string[]): Place {
  const found = locate(doc, segments);
  if (found.node?.range) return placeOfNode(lineCounter, found.node);
  if (found.pair) return placeOfNode(lineCounter, found.pair.key);
  return placeOfRange(lineCounter, 0, 0);
}

/** The place of the key naming the node at `segments` (its own start for sequence items and the root). */
export function placeOfKey(doc: Document, lineCounter: LineCounter, segments: readonly string[]): Place {
  const found = locate(doc, segments);
  if (found.depth === segments.length && found.pair) return placeOfNode(lineCounter, found.pair.key);
  return placeOfPath(doc, lineCounter, segments);
}

/** Format path segments for people: `cookies.items[2].name`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number' || /^\d+$/.test(s)) out += `[${s}]`;
    else out += out ? `.${s}` : s;
  }
  return out;
}

/** The place of a character offset of a text (1-based line and column, in UTF-16 code units). */
export function placeOfOffset(text: string, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  const point = { line, column: offset - lineStart + 1 };
  return { start: point, end: point };
}
