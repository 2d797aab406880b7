import { proseToPlainText } from '../markdown/prose-tree.js';
import { fill, type Messages } from '../model/messages.js';
import type { Policy } from '../model/policy.generated.js';
import { displayName, listFormat } from '../render/intl-format.js';
import type { Subprocessor } from './subprocessors.js';

/** A label of the language's `subprocessors` group. */
export function subprocessorLabel(t: Messages, key: string): string {
  const value = (t.subprocessors as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : '';
}

/** A subprocessor's location and safeguards in a language's words. */
export function placeAndSafeguards(s: Subprocessor, l: { lang: string; t: Messages }): { location: string; mechanisms: string } {
  const location = listFormat(
    l.lang,
    s.countries.map((code) => displayName('region', code, l.lang) ?? code),
  );
  const mechanisms = s.mechanisms.length
    ? listFormat(
        l.lang,
        s.mechanisms.map((m) => l.t.enums.mechanism?.[m] ?? m),
      )
    : subprocessorLabel(l.t, 'noMechanism');
  return { location, mechanisms };
}

/** The list's heading, as plain text: `sharing.subprocessors.title`, else the locale's `Subprocessors: <document title>`. */
export function listHeading(texts: Policy, t: Messages): string {
  const title = texts.sharing?.subprocessors?.title;
  return title ? proseToPlainText(title, 'text') : fill(subprocessorLabel(t, 'heading'), { title: proseToPlainText(texts.title, 'text') });
}
