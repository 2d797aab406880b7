import type { Policy } from '../model/policy.generated.js';

type Contact = Policy['contacts']['items'][number];

/** One way to reach a contact, as the document gives it: its main e-mail, web page, telephone or address, or one of its `methods`. */
export interface Channel {
  kind: 'email' | 'url' | 'phone' | 'address' | 'instructions';
  /** The address, number, URL or words; an address on one line. */
  value: string;
  /** Where a link to it leads (`mailto:`, `tel:` or the URL); none for an address or instructions. */
  href?: string | undefined;
  /** The method's own label, in the author's words. */
  label?: string | undefined;
  /** True when the page must say it is toll-free: the number is, and its label does not already say so. */
  tollFree?: boolean | undefined;
}

/** A telephone number as a `tel:` link. */
export const telHref = (number: string): string => `tel:${number.replace(/[^+0-9]/g, '')}`;

/** A postal address as lines: each trimmed, empty ones (a YAML block's trailing newline) left out. */
export function addressParts(address: string): string[] {
  return address
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A postal address on one line ("4th Floor, 18 Quay Street, Manchester M3 3HN, United Kingdom"). */
export const addressOnOneLine = (address: string): string => addressParts(address).join(', ');

/**
 * Whether a method's label already says its number is toll-free ("Toll-free
 * (US)"), in the locale's word for it: the page then does not say it twice.
 */
export function labelSaysTollFree(label: string | undefined, tollFreeWord: string): boolean {
  const letters = (text: string) => text.toLocaleLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return label !== undefined && letters(tollFreeWord) !== '' && letters(label).includes(letters(tollFreeWord));
}

/** Every way to reach a contact, in the document's order: its main e-mail, web page, telephone and address, then its `methods`. */
export function contactChannels(contact: Contact, tollFreeWord: string): Channel[] {
  const main: Channel[] = [];
  if (contact.email) main.push({ kind: 'email', value: contact.email, href: `mailto:${contact.email}` });
  if (contact.url) main.push({ kind: 'url', value: contact.url, href: contact.url });
  if (contact.phone) main.push({ kind: 'phone', value: contact.phone, href: telHref(contact.phone) });
  if (contact.address) main.push({ kind: 'address', value: addressOnOneLine(contact.address) });
  const methods = (contact.methods ?? []).map((method): Channel => {
    const label = method.label;
    if (method.email) return { kind: 'email', value: method.email, href: `mailto:${method.email}`, label };
    if (method.url) return { kind: 'url', value: method.url, href: method.url, label };
    if (method.phone)
      return {
        kind: 'phone',
        value: method.phone,
        href: telHref(method.phone),
        label,
        tollFree: method.tollFree === true && !labelSaysTollFree(label, tollFreeWord),
      };
    if (method.address) return { kind: 'address', value: addressOnOneLine(method.address), label };
    return { kind: 'instructions', value: method.instructions ?? '', label };
  });
  return [...main, ...methods];
}
