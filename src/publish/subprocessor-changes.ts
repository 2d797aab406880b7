import type { Release } from '../history/verify.js';
import { proseToPlainText } from '../markdown/prose-tree.js';
import { fill, type Messages } from '../model/messages.js';
import type { Policy } from '../model/policy.generated.js';
import { listFormat } from '../render/intl-format.js';
import { translationOf, type Translated } from '../render/languages.js';
import { formatDate } from '../render/view-model.js';
import { placeAndSafeguards, subprocessorLabel } from './subprocessor-words.js';
import { subprocessorChanges, subprocessorList, type SubprocessorChange } from './subprocessors.js';

/** A released document's history, as its subprocessor changes are told from it. */
export interface ListHistory extends Translated {
  releases: readonly Release[];
}

/** Version `index`'s texts in a language: its translation into it, else the original. */
function textsOf(history: ListHistory, index: number, lang: string): Policy {
  const release = history.releases[index]!;
  if (lang === release.model.policy.locale) return release.model.policy;
  return translationOf(history, lang, release.entry.version)?.policy ?? release.model.policy;
}

/** The changes release `index` makes to the list of release `from` (default: the one before), each told as a plain sentence in a language. */
export function toldChanges(
  history: ListHistory,
  index: number,
  l: { lang: string; t: Messages },
  from = index - 1,
): { changes: SubprocessorChange[]; sentences: string[] } {
  if (from < 0 || from >= index) return { changes: [], sentences: [] };
  const before = subprocessorList(history.releases, from, textsOf(history, from, l.lang));
  const after = subprocessorList(history.releases, index, textsOf(history, index, l.lang));
  const changes = subprocessorChanges(before, after);
  return { changes, sentences: changes.map((c) => sentence(c, l)) };
}

/** One change in the readers' words: never an id or a field name. */
function sentence(change: SubprocessorChange, l: { lang: string; t: Messages }): string {
  const s = change.subprocessor;
  const name = proseToPlainText(s.name, 'text');
  const label = (key: string) => subprocessorLabel(l.t, key);
  if (change.type === 'removed') return fill(label('removed'), { name });
  if (change.type === 'changed') {
    const fields = change.fields.map((f) => label(`field${f[0]!.toUpperCase()}${f.slice(1)}`));
    return fill(label('changed'), { name, fields: listFormat(l.lang, fields) });
  }
  const { location } = placeAndSafeguards(s, l);
  const values = {
    name,
    location,
    date: formatDate(s.since, l.lang),
    purpose: s.purpose === undefined ? '' : proseToPlainText(s.purpose, 'text'),
  };
  return fill(label(s.purpose === undefined ? 'addedBare' : 'added'), values);
}
