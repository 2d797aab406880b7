import { entryHash, sha256, type FrozenFile, type TranslationEntry } from './manifest.js';
import type { TranslationReleasePlan } from './release-translations.js';
import type { ReleasePlan } from './release.js';

/** The name a release note is frozen under, beside the snapshots: `2.1.0.note.md`, `2.1.0.note.fr.md` for a translation. */
export function frozenNoteName(version: string, locale?: string): string {
  return `${version}.note${locale ? `.${locale}` : ''}.md`;
}

/** Where the translation of a release note is: the note's file with the locale before its extension (`notes/2.1.0.md` → `notes/2.1.0.fr.md`). */
export function translatedNotePath(file: string, locale: string): string {
  const slash = file.lastIndexOf('/');
  const dot = file.lastIndexOf('.');
  return dot > slash + 1 ? `${file.slice(0, dot)}.${locale}${file.slice(dot)}` : `${file}.${locale}`;
}

/** The notes of a release: the version's own (absent for a release of translations only), and its translations' by locale. */
export interface ReleaseNotes {
  source?: string;
  translated: ReadonlyMap<string, string>;
}

/** A note to freeze beside the snapshots, as `release` writes them. */
export interface NoteSnapshot {
  file: string;
  text: string;
  what: string;
}

/**
 * Record a release's notes in its plans (pure): the new version's entry
 * records its note, each translation frozen by the release records the note
 * in its locale, when there is one. A translation entry chains to the one
 * before it by its hash, so the entries the release adds are chained again
 * once their notes are in. Returns the plans and the notes to write.
 */
export function withNotes(
  plans: { plan?: ReleasePlan; translations: TranslationReleasePlan },
  notes: ReleaseNotes,
): { plan?: ReleasePlan; translations: TranslationReleasePlan; snapshots: NoteSnapshot[] } {
  const snapshots: NoteSnapshot[] = [];
  const freeze = (version: string, text: string, locale?: string): FrozenFile => {
    const file = frozenNoteName(version, locale);
    snapshots.push({ file, text, what: `The ${locale ? `${locale} ` : ''}release note of ${version}` });
    return { file, sha256: sha256(text) };
  };
  let plan = plans.plan;
  if (plan && notes.source !== undefined) {
    const entry = { ...plan.entry, note: freeze(plan.version, notes.source) };
    plan = { ...plan, entry, manifest: { ...plan.manifest, releases: plan.manifest.releases.map((r) => (r === plan!.entry ? entry : r)) } };
  }
  const { freezes, entries } = plans.translations;
  const added = new Set(freezes.map((f) => f.entry));
  const noted = new Map<TranslationEntry, TranslationEntry>();
  const chained: TranslationEntry[] = [];
  for (const entry of entries) {
    if (!added.has(entry)) {
      chained.push(entry);
      continue;
    }
    const text = notes.translated.get(entry.locale);
    const previous = chained[chained.length - 1];
    const next: TranslationEntry = {
      ...entry,
      previous: previous ? entryHash(previous) : null,
      ...(text !== undefined ? { note: freeze(entry.version, text, entry.locale) } : {}),
    };
    noted.set(entry, next);
    chained.push(next);
  }
  const translations: TranslationReleasePlan = {
    ...plans.translations,
    entries: chained,
    freezes: freezes.map((f) => ({ ...f, entry: noted.get(f.entry) ?? f.entry })),
  };
  return { ...(plan ? { plan } : {}), translations, snapshots };
}
