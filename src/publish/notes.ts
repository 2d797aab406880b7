import type { Release } from '../history/verify.js';
import type { VersionedDocument } from './site.js';

/** A release note as one language shows it: its Markdown, and its language when it is not that one (the original, untranslated). */
export interface NoteIn {
  text: string;
  lang?: string;
}

/**
 * The release note of a version as readers of `lang` get it: the note frozen
 * with the version's translation into `lang`, else the original note, marked
 * with its language so that it is read (and spoken) as such. None when the
 * version has no note.
 */
export function noteIn(doc: Pick<VersionedDocument, 'translations'>, release: Release, lang: string): NoteIn | undefined {
  const source = release.model.policy.locale;
  if (lang !== source) {
    const translated = doc.translations?.find((t) => t.locale === lang && t.version === release.entry.version)?.note;
    if (translated !== undefined) return { text: translated };
  }
  if (release.note === undefined) return undefined;
  return { text: release.note, ...(lang !== source ? { lang: source } : {}) };
}
