import { escapeMarkdown } from '../markdown/escape.js';
import type { Policy } from '../model/policy.generated.js';

type Contact = Policy['contacts']['items'][number];

/** The contact's e-mail address, web page or telephone number as an inline Markdown link; undefined when it has none. */
export function reachMarkdown(contact: Contact): string | undefined {
  const phone = contact.phone ?? contact.methods?.find((m) => m.phone)?.phone;
  const email = contact.email ?? contact.methods?.find((m) => m.email)?.email;
  const url = contact.url ?? contact.methods?.find((m) => m.url)?.url;
  if (email) return `[${escapeMarkdown(email)}](<mailto:${email}>)`;
  if (url) return `[${escapeMarkdown(url)}](<${url}>)`;
  if (phone) return `[${escapeMarkdown(phone)}](<tel:${phone.replace(/[^+0-9]/g, '')}>)`;
  return undefined;
}

/**
 * A contact named by another part of the document (the security section, the
 * children section), as inline Markdown: the way to reach it, else a link to
 * it in the contacts section under its role's label.
 */
export function contactMarkdown(policy: Policy, id: string | undefined, roleLabel: (role: string) => string): string | undefined {
  if (id === undefined) return undefined;
  const contact = policy.contacts.items.find((c) => c.id === id);
  if (!contact) return undefined;
  return reachMarkdown(contact) ?? `[${escapeMarkdown(roleLabel(contact.role))}](#contact-${id})`;
}
