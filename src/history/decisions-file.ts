import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ReviewDecision } from '../diff/types.js';

/** The first lines of a decisions file policyc creates. */
const header = '# Decisions on the changes policyc cannot judge; `policyc review` lists them.\n';

// Long reasons stay on one line: folded, a diff of the file would show lines it did not change.
const writeOptions = { lineWidth: 0 } as const;

/**
 * A decisions file's text with `decision` recorded: it replaces any earlier
 * decision on the same change (stale or not), in its place, else it is added
 * at the end. Comments, other entries and their layout are kept (the yaml
 * Document API); no text (no file yet) gives a new file.
 */
export function withDecision(text: string | undefined, decision: ReviewDecision): string {
  const doc = parseDocument(text?.trim() ? text : `${header}decisions: []\n`);
  const list = decisionsList(doc);
  const node = doc.createNode(decision) as YAMLMap;
  const at = list.items.findIndex((item) => changeOf(item) === decision.change);
  list.items = list.items.filter((item, i) => i === at || changeOf(item) !== decision.change);
  if (at >= 0) list.items[at] = node;
  else list.items.push(node);
  list.flow = false;
  return doc.toString(writeOptions);
}

/**
 * A decisions file's text without the decisions a release froze (same change
 * and fingerprint); the rest as it was. The list may end empty (`decisions: []`):
 * the file is never removed, as policyc may not have created it.
 */
export function withoutDecisions(text: string, frozen: readonly ReviewDecision[]): string {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return text;
  const list = doc.get('decisions', true);
  if (!isSeq(list)) return text;
  const isFrozen = (item: unknown) =>
    frozen.some((d) => d.change === changeOf(item) && d.fingerprint === String(isMap(item) ? item.get('fingerprint') : ''));
  const kept = list.items.filter((item) => !isFrozen(item));
  if (kept.length === list.items.length) return text;
  list.items = kept;
  return doc.toString(writeOptions);
}

/** The file's `decisions` list, made when it is missing or empty. */
function decisionsList(doc: Document): YAMLSeq {
  const existing = isMap(doc.contents) ? doc.get('decisions', true) : undefined;
  if (isSeq(existing)) return existing;
  const list = doc.createNode([]) as YAMLSeq;
  if (isMap(doc.contents)) doc.set('decisions', list);
  else doc.contents = doc.createNode({ decisions: list }) as unknown as Document['contents'];
  return list;
}

/** The key of the change an entry of the list decides. */
function changeOf(item: unknown): string | undefined {
  if (!isMap(item)) return undefined;
  const value = item.get('change', true);
  return isScalar(value) ? String(value.value) : undefined;
}
