import type { Cookie, Jurisdiction, Policy, Technology } from '../model/policy.generated.js';

/*
 * What a document declares about its site, as a scan compares it: its cookies
 * (by name or pattern), its storage keys, the hosts its recipients and
 * technologies account for, and its jurisdictions. Each entry keeps its path
 * in the document, so a diagnostic points at it.
 */

export type Category = NonNullable<Cookie['category']>;

export interface DeclaredCookie {
  readonly id: string;
  readonly name: string;
  readonly pattern?: string;
  readonly domain?: string;
  readonly party: Cookie['party'];
  readonly lifetime: Cookie['lifetime'];
  readonly duration?: string;
  readonly category?: Category;
  /** The entry's path in the document (`cookies.items[3]`), as segments. */
  readonly path: readonly string[];
}

export interface DeclaredStorage {
  readonly id: string;
  readonly kind: 'local' | 'session';
  /** The keys, `*` standing for any run of characters; none declared means the technology names no key. */
  readonly keys: readonly string[];
  readonly category?: Category;
  readonly path: readonly string[];
}

/** A host the document accounts for, and who it belongs to (for messages). */
export interface DeclaredHost {
  /** As declared: `cdn.example.com`, or `*.example.com` for the domain and its hosts. */
  readonly host: string;
  /** `recipient \`google\``, `technology \`hotjar\``, `cookie \`ga\`` */
  readonly by: string;
}

export interface Declared {
  readonly cookies: readonly DeclaredCookie[];
  readonly storage: readonly DeclaredStorage[];
  readonly hosts: readonly DeclaredHost[];
  readonly jurisdictions: readonly Jurisdiction[];
}

/** What a (valid, resolved) document declares. */
export function declared(policy: Policy): Declared {
  const items = policy.cookies?.items ?? [];
  const technologies = policy.cookies?.technologies ?? [];
  const recipients = policy.sharing?.recipients ?? [];
  const cookies = items.map((c, i) => declaredCookie(c, ['cookies', 'items', String(i)]));
  const storage = technologies.flatMap((t, i) => declaredStorage(t, ['cookies', 'technologies', String(i)]));
  const hosts: DeclaredHost[] = [
    ...recipients.flatMap((r) => (r.hosts ?? []).map((host) => ({ host, by: `recipient \`${r.id}\`` }))),
    ...technologies.flatMap((t) => (t.hosts ?? []).map((host) => ({ host, by: `technology \`${t.id}\`` }))),
    ...items.flatMap((c) => (c.domain ? [{ host: c.domain, by: `cookie \`${c.id}\`` }] : [])),
  ];
  return { cookies, storage, hosts, jurisdictions: policy.jurisdictions ?? [] };
}

function declaredCookie(c: Cookie, path: string[]): DeclaredCookie {
  return {
    id: c.id,
    name: c.name,
    party: c.party,
    lifetime: c.lifetime,
    path,
    ...(c.pattern !== undefined ? { pattern: c.pattern } : {}),
    ...(c.domain !== undefined ? { domain: c.domain } : {}),
    ...(c.duration !== undefined ? { duration: c.duration } : {}),
    ...(c.category !== undefined ? { category: c.category } : {}),
  };
}

function declaredStorage(t: Technology, path: string[]): DeclaredStorage[] {
  if (t.type !== 'local-storage' && t.type !== 'session-storage') return [];
  return [
    {
      id: t.id,
      kind: t.type === 'local-storage' ? 'local' : 'session',
      keys: t.keys ?? [],
      path,
      ...(t.category !== undefined ? { category: t.category } : {}),
    },
  ];
}
