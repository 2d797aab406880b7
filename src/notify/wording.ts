/** `notify` in `policyc.config.json`: closing lines and legal wording per locale, and the unsubscribe address. */
export interface NotifySettings {
  /** Lines closing the e-mail, by locale (plain text). */
  closing?: Record<string, string>;
  /** Why the reader receives the e-mail (a legal obligation, a contract...), by locale (plain text); default: the locale's neutral wording. */
  legalNotice?: Record<string, string>;
  /** A `mailto:` address or an https URL, for the `List-Unsubscribe` header. */
  unsubscribe?: string;
}

/** The text of a per-locale setting for a locale: its own (`en-GB`), else its language's (`en`). */
export function forLocale(texts: Record<string, string> | undefined, locale: string): string | undefined {
  if (!texts) return undefined;
  const lower = Object.fromEntries(Object.entries(texts).map(([k, v]) => [k.toLowerCase(), v]));
  return lower[locale.toLowerCase()] ?? lower[locale.split('-')[0]!.toLowerCase()];
}
