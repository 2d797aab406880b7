import type { ChangeSet } from '../diff/types.js';
import type { Release } from '../history/verify.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { localizeChanges } from './localize-changes.js';
import { displayName } from './intl-format.js';
import type { Messages } from '../model/messages.js';

/** A document's valid translations, each of one version into one locale. */
export interface Translated {
  /** `note`: the release note of the version in the locale (Markdown), frozen with the translation. */
  translations?: readonly { locale: string; version: string; model: PolicyModel; note?: string }[];
}

/** A page in one of the languages it is published in, for hreflang links and the language switcher. */
export interface Alternate {
  lang: string;
  href: string;
  /** The same page in Markdown, where there is one. */
  mdHref: string;
  /** The language's name in itself ("Français"). */
  label: string;
  /** Whether this is the page's own language. */
  current: boolean;
  /** The page's absolute address, for `hreflang` links (search engines take only absolute ones); its relative `href` when the site's address is unknown. */
  absoluteHref: string;
  /** The page in the source's language, named `x-default` for readers of any other. */
  isDefault: boolean;
}

/** A version's translation into a locale, when the document has one. */
export function translationOf(doc: Translated, locale: string, version: string): PolicyModel | undefined {
  return doc.translations?.find((tr) => tr.locale === locale && tr.version === version)?.model;
}

/** The locales a document is translated into, each once, in the order of its translations. */
export function translatedLocales(doc: Translated): string[] {
  return [...new Set((doc.translations ?? []).map((tr) => tr.locale))];
}

/**
 * The languages of a page published in several: `target` is its path inside
 * each language's folder (`versions/index.html`), as seen from the page's own
 * folder `at` (a path from `dist/<id>/`). None when there is only one.
 */
export function languageAlternates(
  at: string,
  target: string,
  languages: readonly { lang: string; dir: string }[],
  current: string,
  base?: string,
): Alternate[] {
  if (languages.length < 2) return [];
  const up = at
    .split('/')
    .filter(Boolean)
    .map(() => '../')
    .join('');
  return languages.map(({ lang, dir }, i) => {
    const href = `${up}${dir}${target}`;
    return {
      lang,
      href,
      mdHref: href.replace(/\.html$/, '.md'),
      label: languageName(lang),
      current: lang === current,
      absoluteHref: base === undefined ? href : new URL(`${dir}${target}`, base).href,
      // The first language is the source's: the version in which every version exists.
      isDefault: i === 0,
    };
  });
}

/** A language's name in that language ("Français", "English") for the language switcher, or in another (`anglais`). */
export function languageName(locale: string, inLanguage?: string, capitalised = true): string {
  // The language alone ("English", not "British English"): a reader picks a language, not a region.
  const language = locale.split('-')[0] ?? locale;
  const reader = inLanguage ?? language;
  try {
    const name = displayName('language', language, reader) ?? locale;
    return capitalised ? name.charAt(0).toLocaleUpperCase(reader) + name.slice(1) : name;
  } catch {
    return locale;
  }
}

/**
 * The changes from one release to the next as readers of `locale` see them:
 * unchanged in the source's locale, else told in the locale's messages and
 * named after the two releases' translations (see `localizeChanges`).
 */
export function changesIn(
  locale: string,
  set: ChangeSet,
  pair: { from: Release; to: Release },
  doc: Translated,
  messages: Messages,
): ChangeSet {
  if (locale === pair.to.model.policy.locale) return set;
  const side = (release: Release) => {
    const translated = translationOf(doc, locale, release.entry.version);
    return { source: release.model.policy, ...(translated ? { translated: translated.policy } : {}) };
  };
  return localizeChanges(set, { locale, messages, from: side(pair.from), to: side(pair.to) });
}
