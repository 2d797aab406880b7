import type { Policy } from '../model/policy.generated.js';
import { above, partPlaces, under, type Part } from './parts.js';
import type { Finding } from './types.js';
import type { Deferral } from './view.js';

/** Whether the document itself has something at this path. */
function has(value: unknown, path: readonly (string | number)[]): boolean {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

/** The deferred part a finding is about, of those the rule judges: the finding lies on, under or above one of its places. */
function partOf(finding: Finding, parts: readonly Part[], deferral: Deferral): { part: Part; inside: boolean } | undefined {
  for (const [part] of [...deferral.read].sort((a, b) => a[1] - b[1])) {
    if (!parts.includes(part)) continue;
    for (const place of partPlaces[part].places) {
      if (under(finding.path, place)) return { part, inside: finding.path.length > place.length };
      if (above(finding.path, place)) return { part, inside: false };
    }
  }
  return undefined;
}

/**
 * Where a finding of a rule that read the parent goes. On what the document
 * states itself (an item of its own inside a deferred part) it stays; on a
 * deferred part the rule judges, as a whole or where only the parent states
 * it, it points at the document's `parent.defers` entry, saying the parent
 * was read too. On what only the parent states in a part the rule does not
 * judge (the parent's contacts, for a rule about rights), there is none: that
 * is the parent's, reported when the parent is judged.
 */
export function placeDeferred(finding: Finding, parts: readonly Part[], deferral: Deferral, own: Policy, fix: string): Finding | undefined {
  const found = partOf(finding, parts, deferral);
  const ownPath = has(own, finding.path);
  if (!found) return ownPath || !has(deferral.view, finding.path) ? finding : undefined;
  if (found.inside && ownPath) return finding;
  const parent = deferral.parent!;
  return {
    message: `${finding.message}; the parent \`${parent}\`, to which this document defers \`${found.part}\`, was read too`,
    path: ['parent', 'defers', deferral.read.get(found.part)!],
    hint: `${finding.hint ?? fix} This document leaves \`${found.part}\` to \`${parent}\`: state it there, or in this document.`,
  };
}
