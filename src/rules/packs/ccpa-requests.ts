import type { Policy } from '../../model/policy.generated.js';
import { declares } from '../practices.js';
import { list } from '../text.js';
import type { Finding } from '../types.js';

type Contact = Policy['contacts']['items'][number];

/** One designated method of submitting a request: its kind, and whether it is a toll-free number. */
interface Method {
  kind: 'email' | 'url' | 'phone' | 'address' | 'instructions';
  key: string;
  tollFree: boolean;
}

/** The area codes the North American Numbering Plan reserves for toll-free numbers. */
const tollFreeCodes = new Set(['800', '833', '844', '855', '866', '877', '888']);

/** Whether a North American number is toll-free by its area code (`+1 800 555 0100`, `(888) 555-0100`). */
function tollFreeNumber(phone: string): boolean {
  const digits = phone.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits.length === 10 ? digits : '';
  return tollFreeCodes.has(national.slice(0, 3));
}

/** Every way a contact takes requests: its own email, url, phone and address, and its further `methods`. */
function methodsOf(contact: Contact): Method[] {
  const own: Method[] = [
    ...(contact.email ? [{ kind: 'email' as const, key: contact.email, tollFree: false }] : []),
    ...(contact.url ? [{ kind: 'url' as const, key: contact.url, tollFree: false }] : []),
    ...(contact.phone ? [{ kind: 'phone' as const, key: contact.phone, tollFree: tollFreeNumber(contact.phone) }] : []),
    ...(contact.address ? [{ kind: 'address' as const, key: JSON.stringify(contact.address), tollFree: false }] : []),
  ];
  const further = (contact.methods ?? []).map((m): Method => {
    if (m.email) return { kind: 'email', key: m.email, tollFree: false };
    if (m.url) return { kind: 'url', key: m.url, tollFree: false };
    // The author's `tollFree` wins over the area code, either way.
    if (m.phone) return { kind: 'phone', key: m.phone, tollFree: m.tollFree ?? tollFreeNumber(m.phone) };
    if (m.address) return { kind: 'address', key: JSON.stringify(m.address), tollFree: false };
    return { kind: 'instructions', key: m.instructions ?? '', tollFree: false };
  });
  return [...own, ...further];
}

const kindWords: Record<Method['kind'], string> = {
  email: 'an e-mail address',
  url: 'a web address',
  phone: 'a telephone number that is not toll-free',
  address: 'a postal address',
  instructions: 'another way described in words',
};

/**
 * Requests to know, delete and correct need two or more designated methods, one a
 * toll-free number; a business that operates exclusively online and has a direct
 * relationship with its consumers need give only an e-mail address (Civ. Code
 * § 1798.130(a)(1)(A); 11 CCR 7020(a) and (b)). `exclusivelyOnline` is the
 * document's word for that; without it the general duty applies.
 */
export function requestMethods(policy: Policy, types: readonly string[], exclusivelyOnline: boolean): Finding[] {
  if (declares(policy, 'user-access')) return [];
  const rights = (policy.rights?.items ?? []).filter((r) => r.types?.some((t) => types.includes(t)));
  const ids = new Set([...rights.map((r) => r.contact), ...(policy.rights?.exercising?.methods ?? [])].filter(Boolean));
  if (!ids.size) return [];
  const all = policy.contacts.items.filter((c) => ids.has(c.id)).flatMap(methodsOf);
  const methods = all.filter((m, i) => all.findIndex((o) => o.kind === m.kind && o.key === m.key) === i);
  const tollFree = methods.some((m) => m.tollFree);
  // The general duty is met by any business, the online-only business's e-mail address only by it.
  if (tollFree && methods.length >= 2) return [];
  if (exclusivelyOnline && methods.some((m) => m.kind === 'email')) return [];
  const named = [...new Set(methods.map((m) => (m.tollFree ? 'a toll-free number' : kindWords[m.kind])))];
  const through = `Requests to know, delete or correct can be made only through ${named.length ? list(named) : 'no method the policy names'}`;
  if (exclusivelyOnline)
    return [
      {
        message: `${through}: a business that operates exclusively online (\`operatesExclusivelyOnline\`) need give only an e-mail address for them, but none is given`,
        path: ['rights'],
        hint: 'Add an `email` to the contact that takes these requests.',
      },
    ];
  return [
    {
      message: `${through}: the CCPA asks for two or more methods including a toll-free telephone number, unless the business operates exclusively online (\`operatesExclusivelyOnline\`)`,
      path: ['rights'],
      hint: tollFree
        ? 'Add a second method to the contact that takes these requests: a web form (`url`) or an `email`.'
        : 'Add a toll-free number to the contact that takes these requests (`methods` with a `phone` and `tollFree: true`) besides another method; or, if the business operates exclusively online and has a direct relationship with its consumers, say so with `controller.operatesExclusivelyOnline: true` and give an `email`.',
    },
  ];
}
