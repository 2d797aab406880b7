import GithubSlugger from 'github-slugger';
import { mapStrings, type StringKind } from '../model/fields.js';
import type { Policy } from '../model/policy.generated.js';
import type { PolicyModel } from '../resolve/resolve.js';
import type { Messages } from '../model/messages.js';
import { escapeMarkdown } from '../markdown/escape.js';
import { proseToHtml, proseToMarkdown, proseToPlainText } from '../markdown/prose.js';
import { type ImageHosts } from '../markdown/sanitise.js';

/**
 * How strings reach a template of one output format: rendered prose, and
 * plain text made safe (HTML templates escape it themselves; Markdown
 * templates get it backslash-escaped).
 */
export interface OutputFormat {
  name: 'html' | 'md';
  /** Convert a document string of the given kind, found at `path` (which decides the level of its headings). */
  convert(value: string, kind: StringKind, path?: readonly (string | number)[]): unknown;
  /** Anchor of a section: its id in HTML, the heading's slug in Markdown (which has no ids of its own). */
  sectionAnchor(id: string, plainTitle: string, slugger: GithubSlugger): string;
}

/** Turns a document's strings into Handlebars-ready values for HTML templates (`imageHosts`: other hosts prose may show images from). */
export function htmlFormat(safe: (html: string) => unknown, imageHosts: ImageHosts = []): OutputFormat {
  return {
    name: 'html',
    convert: (value, kind, path = []) =>
      kind === 'prose' || kind === 'text' ? safe(proseToHtml(value, kind, headingBase(path), imageHosts)) : value,
    sectionAnchor: (id) => id,
  };
}

/** Turns a document's strings into Markdown for Markdown templates (`imageHosts`: other hosts prose may show images from). */
export function markdownOutput(imageHosts: ImageHosts = []): OutputFormat {
  return {
    name: 'md',
    convert: (value, kind, path = []) =>
      kind === 'prose' || kind === 'text'
        ? proseToMarkdown(value, kind, headingBase(path), imageHosts)
        : kind === 'plain'
          ? escapeMarkdown(value)
          : value,
    sectionAnchor: (_id, plainTitle, slugger) => slugger.slug(plainTitle),
  };
}

/** Markdown output showing no image from another host. */
export const markdownFormat: OutputFormat = markdownOutput();

/**
 * The level the shallowest heading of a prose field becomes, so headings
 * never skip a level: the introduction sits under the h1, most prose under
 * a section's h2, and prose under a template's h3 (a right, a seal, the
 * cookie explanations) one deeper.
 */
function headingBase(path: readonly (string | number)[]): number {
  const [first, second, , fourth] = path;
  if (first === 'introduction') return 2;
  if (first === 'cookies' && (second === 'explanation' || second === 'usage')) return 4;
  if (first === 'purposes' && second === 'automatedDecisions') return 4;
  if ((first === 'rights' || first === 'certifications') && second === 'items' && fourth !== 'title') return 4;
  return 3;
}

/**
 * A document (or a locale's messages) as templates receive it: the same shape,
 * with every string converted for the output format (`OutputFormat.convert`:
 * rendered prose, or text made safe), a value templates print as it is.
 */
export type Displayed<T> = T extends string
  ? unknown
  : T extends readonly (infer Item)[]
    ? Displayed<Item>[]
    : T extends object
      ? { [K in keyof T]: Displayed<T[K]> }
      : T;

/** One section of the page, as its partial receives it. */
export interface SectionView {
  /** The partial that renders it: the built-in section's name, or `custom-section`. */
  partial: string;
  /** The section's anchor (`cookies`, `other-websites`). */
  anchor: string;
  /** The heading. */
  title: unknown;
  [field: string]: unknown;
}

/** Everything a page template receives. */
export interface PageView {
  format: 'html' | 'md';
  lang: string;
  title: unknown;
  /** The title as plain text. */
  plainTitle: string;
  /** The title for `<title>`: the plain title and the brand. */
  pageTitle: string;
  /** A one-sentence description, for `<meta name="description">`. */
  description: string;
  id: string;
  version: string;
  effective: { iso: string; display: unknown };
  controller: Displayed<Policy['controller']>;
  introduction?: unknown;
  related: (Displayed<NonNullable<Policy['related']>[number]> & { anchor: string })[];
  toc: { anchor: string; title: unknown }[];
  sections: SectionView[];
  copyright?: unknown;
  /** The locale's labels, converted for the format. */
  t: Displayed<Messages>;
  /** Relative path from the page to `dist/assets/`. */
  assets: string;
}

/** Build the data a page template receives from a resolved policy. */
export function pageView(model: PolicyModel, messages: Messages, format: OutputFormat, settings: { assets: string }): PageView {
  const p = model.policy;
  const c = mapStrings(p, format.convert) as Displayed<Policy>;
  const t = mapStrings(messages, (value) => format.convert(value, 'plain'), {}) as Displayed<Messages>;
  const label = (group: string, value: string | undefined) =>
    value === undefined ? undefined : format.convert(messages.enums[group]?.[value] ?? value, 'plain');
  const plain = (value: string) => format.convert(value, 'plain');
  const slugger = new GithubSlugger();
  const locale = p.locale;

  const categoryById = new Map(p.collection.categories.map((cat, i) => [cat.id, c.collection.categories[i]]));
  const categoryRefs = (ids: string[] | undefined) =>
    (ids ?? []).map((id) => ({ anchor: `category-${id}`, label: categoryById.get(id)?.label }));
  const contactById = new Map(p.contacts.items.map((contact, i) => [contact.id, contactView(c.contacts.items[i]!, contact)]));
  function contactView(display: Displayed<Policy['contacts']['items'][number]>, contact: Policy['contacts']['items'][number]) {
    // A telephone number must not wrap across lines on a page.
    const phone = contact.phone && {
      href: `tel:${contact.phone.replace(/[^+0-9]/g, '')}`,
      display: plain(format.name === 'html' ? contact.phone.replace(/ /g, '\u00a0') : contact.phone),
    };
    return { ...display, anchor: `contact-${display.id}`, roleLabel: label('role', contact.role), phone };
  }

  const sections: SectionView[] = [];
  for (const slot of model.sections) {
    if (slot.kind === 'custom') {
      const index = (p.sections ?? []).indexOf(slot.section);
      const display = c.sections![index]!;
      const anchor = format.sectionAnchor(slot.section.id, proseToPlainText(slot.section.title, 'text'), slugger);
      sections.push({ partial: 'custom-section', anchor, title: display.title, body: display.body });
      continue;
    }
    const name = slot.name;
    const raw = p[name] as { title?: string } | undefined;
    // A section's display value, spread into its view (a prose section's is the converted text itself).
    const display = c[name] as { title?: unknown } | undefined;
    const titleText = raw?.title ?? messages.headings[name] ?? name;
    const anchor = format.sectionAnchor(name, proseToPlainText(titleText, 'text'), slugger);
    const base = { ...display, partial: name, anchor, title: raw?.title ? display!.title : plain(titleText) };
    sections.push({ ...base, ...sectionDetails(name, p, c) });
  }

  function sectionDetails(name: string, policy: Policy, doc: Displayed<Policy>): Record<string, unknown> {
    switch (name) {
      case 'collection':
        return {
          contexts: policy.collection.contexts.map((ctx, i) => ({
            ...doc.collection.contexts[i],
            anchor: `context-${ctx.id}`,
            categories: categoryRefs(ctx.categories),
          })),
          categories: policy.collection.categories.map((cat, i) => ({
            ...doc.collection.categories[i],
            anchor: `category-${cat.id}`,
            sourceLabel: label('source', cat.source),
            retention: cat.retention
              ? plain(
                  [
                    cat.retention.period && formatDuration(cat.retention.period, locale),
                    proseToPlainText(cat.retention.criteria ?? '', 'text'),
                  ]
                    .filter(Boolean)
                    .join(', '),
                )
              : undefined,
          })),
        };
      case 'purposes':
        return {
          items: policy.purposes!.items.map((purpose, i) => ({
            ...doc.purposes!.items[i],
            anchor: `purpose-${purpose.id}`,
            legalBasisLabel: label('legalBasis', purpose.legalBasis),
            categories: categoryRefs(purpose.categories),
          })),
        };
      case 'sharing':
        return {
          recipients: policy.sharing!.recipients.map((recipient, i) => ({
            ...doc.sharing!.recipients[i],
            anchor: `recipient-${recipient.id}`,
            typeLabel: label('recipientType', recipient.type),
            conditionLabel: label('condition', recipient.condition),
            categories: categoryRefs(recipient.categories),
          })),
        };
      case 'marketing':
        return {
          consentLabel: label('marketingConsent', policy.marketing!.consent),
          optOut: {
            ...doc.marketing!.optOut,
            contact: policy.marketing!.optOut.contact ? contactById.get(policy.marketing!.optOut.contact) : undefined,
          },
        };
      case 'cookies': {
        const items = policy.cookies!.items;
        return {
          consent: doc.cookies!.consent && { ...doc.cookies!.consent, modelLabel: label('consentModel', policy.cookies!.consent!.model) },
          hasCategory: items.some((cookie) => cookie.category),
          items: items.map((cookie, i) => ({
            ...doc.cookies!.items[i],
            anchor: `cookie-${cookie.id}`,
            providerLabel: cookie.provider ? doc.cookies!.items[i]!.provider : label('party', 'first'),
            lifetimeLabel: label('lifetime', cookie.lifetime),
            durationLabel: cookie.duration ? plain(formatDuration(cookie.duration, locale)) : undefined,
            categoryLabel: label('cookieCategory', cookie.category),
          })),
        };
      }
      case 'transfers':
        return {
          items: policy.transfers!.items.map((transfer, i) => ({
            ...doc.transfers!.items[i],
            anchor: `transfer-${transfer.id}`,
            certification: transfer.certification && {
              ...doc.transfers!.items[i]!.certification,
              showUrl: !mentions(transfer.certification.statement, transfer.certification.url),
            },
            mechanisms: transfer.mechanisms.map((m) => ({ id: m, label: label('mechanism', m) })),
          })),
        };
      case 'certifications':
        return {
          items: policy.certifications!.items.map((cert, i) => ({
            ...doc.certifications!.items[i],
            anchor: `certification-${cert.id}`,
            dispute: cert.dispute && {
              ...doc.certifications!.items[i]!.dispute,
              showUrl: !mentions(cert.dispute.description, cert.dispute.url),
            },
          })),
        };
      case 'rights':
        return {
          items: policy.rights!.items.map((right, i) => ({
            ...doc.rights!.items[i],
            anchor: `right-${right.id}`,
            title: right.title ? doc.rights!.items[i]!.title : label('right', right.type),
            contact: right.contact ? contactById.get(right.contact) : undefined,
            fee: right.fee && { ...doc.rights!.items[i]!.fee, display: plain(formatMoney(right.fee.amount, right.fee.currency, locale)) },
          })),
        };
      case 'changes':
        return { channels: (policy.changes!.channels ?? []).map((n) => label('notification', n)) };
      case 'contacts':
        return { items: policy.contacts.items.map((contact) => contactById.get(contact.id)) };
      default:
        return {};
    }
  }

  const plainTitle = proseToPlainText(p.title, 'text');
  return {
    format: format.name,
    lang: p.locale,
    title: c.title,
    plainTitle,
    pageTitle: p.controller.brand ? `${plainTitle} – ${proseToPlainText(p.controller.brand, 'text')}` : plainTitle,
    description: (messages.page.descriptionOf ?? '{controller}').replace(
      '{controller}',
      proseToPlainText(p.controller.brand ?? p.controller.name, 'text'),
    ),
    id: p.id,
    version: p.version,
    effective: { iso: p.effective, display: plain(formatDate(p.effective, locale)) },
    controller: c.controller,
    introduction: c.introduction,
    related: (p.related ?? []).map((doc, i) => ({ ...c.related![i]!, anchor: `related-${doc.id}` })),
    toc: sections.map((s) => ({ anchor: s.anchor, title: s.title })),
    sections,
    copyright: c.copyright,
    t,
    assets: settings.assets,
  };
}

/** Whether a text already names a URL (so a template need not print it again). */
function mentions(text: string | undefined, url: string): boolean {
  if (!text) return false;
  const bare = (u: string) => u.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return text.includes(bare(url));
}

// Building an Intl formatter costs far more than formatting: formatted values are kept, by locale and value.
const formatted = new Map<string, string>();
function remembered(key: string, format: () => string): string {
  let value = formatted.get(key);
  if (value === undefined) {
    if (formatted.size >= 10_000) formatted.clear();
    formatted.set(key, (value = format()));
  }
  return value;
}

/** Format an ISO date (YYYY-MM-DD) for a locale, as a long date ("1 October 2013"). */
export function formatDate(iso: string, locale: string): string {
  return remembered(`date\0${locale}\0${iso}`, () =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)),
  );
}

/** Format a duration ("13 months") in a locale's words ("13 mois"); the document states it in English units. */
export function formatDuration(duration: string, locale: string): string {
  const match = /^(\d+) (day|week|month|year)s?$/.exec(duration);
  if (!match) return duration;
  return remembered(`duration\0${locale}\0${duration}`, () =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: match[2]!, unitDisplay: 'long' }).format(Number(match[1])),
  );
}

/** Format an amount of money for a locale, without decimals when it is whole ("£10"). */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const whole = Number.isInteger(amount);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(amount);
}
