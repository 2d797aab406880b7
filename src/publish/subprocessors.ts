import { mechanismsOf, processorsOf } from '../diff/subprocessors.js';
import type { Release } from '../history/verify.js';
import type { Policy } from '../model/policy.generated.js';

/** One subprocessor of a released version, as its list shows it (texts in the version's language, or its translation's). */
export interface Subprocessor {
  id: string;
  replaces: string[];
  name: string;
  purpose?: string;
  /** Where it processes the data: country codes (`countries`). */
  countries: string[];
  /** The transfer mechanisms of the transfers that name it (enum values). */
  mechanisms: string[];
  /** The day it was added: its `since`, else the effective date of the first release listing it (or one it replaces). */
  since: string;
}

/**
 * The subprocessors of release `index` (its recipients whose `role` is
 * `processor`), each with the day it was added, computed from the releases
 * up to it. Names and purposes come from `texts` when given (a translation
 * of that version), by recipient id; mechanisms from the version itself,
 * whose transfers name recipients as it declares them.
 */
export function subprocessorList(releases: readonly Release[], index: number, texts?: Policy): Subprocessor[] {
  const firstListed = new Map<string, string>();
  for (const release of releases.slice(0, index + 1)) {
    for (const { recipient } of processorsOf(release.model.policy)) {
      if (firstListed.has(recipient.id)) continue;
      const inherited = (recipient.replaces ?? []).map((id) => firstListed.get(id)).filter((d) => d !== undefined);
      firstListed.set(recipient.id, inherited.length ? inherited.sort()[0]! : release.entry.effective);
    }
  }
  const policy = releases[index]!.model.policy;
  const translated = new Map((texts?.sharing?.recipients ?? []).map((r) => [r.id, r]));
  return processorsOf(policy).map(({ recipient }) => {
    const words = translated.get(recipient.id) ?? recipient;
    return {
      id: recipient.id,
      replaces: recipient.replaces ?? [],
      name: words.name,
      ...(words.purpose !== undefined ? { purpose: words.purpose } : {}),
      countries: recipient.countries ?? [],
      mechanisms: mechanismsOf(policy, recipient),
      since: recipient.since ?? firstListed.get(recipient.id)!,
    };
  });
}

/** What changed about a subprocessor kept from one list to the next. */
export type SubprocessorField = 'location' | 'mechanisms' | 'purpose';

/** A change between two lists: a subprocessor added, removed, or changed (with what changed). */
export type SubprocessorChange =
  | { type: 'added'; subprocessor: Subprocessor }
  | { type: 'removed'; subprocessor: Subprocessor }
  | { type: 'changed'; subprocessor: Subprocessor; before: Subprocessor; fields: SubprocessorField[] };

/** The changes from one list to the next, in the order of the new list then the removed ones; a renamed entry (`replaces`) is kept, not added. */
export function subprocessorChanges(before: readonly Subprocessor[], after: readonly Subprocessor[]): SubprocessorChange[] {
  const byId = new Map(before.map((s) => [s.id, s]));
  const kept = new Set<string>();
  const changes: SubprocessorChange[] = [];
  for (const s of after) {
    const old = byId.get(s.id) ?? s.replaces.map((id) => byId.get(id)).find((o) => o !== undefined);
    if (!old) {
      changes.push({ type: 'added', subprocessor: s });
      continue;
    }
    kept.add(old.id);
    for (const id of s.replaces) kept.add(id);
    const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    const fields: SubprocessorField[] = [];
    if (!same([...old.countries].sort(), [...s.countries].sort())) fields.push('location');
    if (!same([...old.mechanisms].sort(), [...s.mechanisms].sort())) fields.push('mechanisms');
    if ((old.purpose ?? '') !== (s.purpose ?? '')) fields.push('purpose');
    if (fields.length) changes.push({ type: 'changed', subprocessor: s, before: old, fields });
  }
  for (const s of before) if (!kept.has(s.id)) changes.push({ type: 'removed', subprocessor: s });
  return changes;
}
