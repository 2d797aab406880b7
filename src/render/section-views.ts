import type GithubSlugger from 'github-slugger';
import { mapStrings } from '../model/fields.js';
import type { Policy } from '../model/policy.generated.js';
import type { Messages } from '../model/messages.js';
import type { BuiltinSection } from '../model/sections.js';
import type { SectionSlot } from '../resolve/resolve.js';
import { proseToPlainText } from '../markdown/prose.js';
import { formatDuration, formatMoney } from './intl-format.js';
import type { Displayed, OutputFormat, SectionView } from './view-model.js';

type Contact = Policy['contacts']['items'][number];

/** What the builders of a page's sections share: the document as written and as displayed, and labels in the output format. */
export interface ViewContext {
  policy: Policy;
  /** The document with every string converted for the output format. */
  doc: Displayed<Policy>;
  messages: Messages;
  format: OutputFormat;
  /** Plain text converted for the output format. */
  plain(value: string): unknown;
  /** An enum value's label in the locale (else the value itself), converted for the format; undefined for no value. */
  label(group: string, value: string | undefined): unknown;
  /** Links to data categories, by id, with their labels. */
  categoryRefs(ids: string[] | undefined): { anchor: string; label: unknown }[];
  /** Each contact's view, by id: a contact shows in its own section and wherever a right or the opt-out names it. */
  contactById: Map<string, ContactView>;
}

/** Gather what the section builders share for one document, one locale and one output format. */
export function viewContext(policy: Policy, messages: Messages, format: OutputFormat): ViewContext {
  const doc = mapStrings(policy, format.convert) as Displayed<Policy>;
  const plain = (value: string) => format.convert(value, 'plain');
  const label = (group: string, value: string | undefined) =>
    value === undefined ? undefined : plain(messages.enums[group]?.[value] ?? value);
  const categoryById = new Map(policy.collection.categories.map((cat, i) => [cat.id, doc.collection.categories[i]]));
  const categoryRefs = (ids: string[] | undefined) =>
    (ids ?? []).map((id) => ({ anchor: `category-${id}`, label: categoryById.get(id)?.label }));
  const contactById = new Map(
    policy.contacts.items.map((contact, i) => [contact.id, contactView(doc.contacts.items[i]!, contact, { format, plain, label })]),
  );
  return { policy, doc, messages, format, plain, label, categoryRefs, contactById };
}

/** A contact as templates receive it: its anchor, its role's label and a telephone link. */
export type ContactView = ReturnType<typeof contactView>;

function contactView(display: Displayed<Contact>, contact: Contact, context: Pick<ViewContext, 'format' | 'plain' | 'label'>) {
  const { format, plain, label } = context;
  // A telephone number must not wrap across lines on a page.
  const phone = contact.phone && {
    href: `tel:${contact.phone.replace(/[^+0-9]/g, '')}`,
    display: plain(format.name === 'html' ? contact.phone.replace(/ /g, '\u00a0') : contact.phone),
  };
  return { ...display, anchor: `contact-${display.id}`, roleLabel: label('role', contact.role), phone };
}

/** Every section of the page in order, with anchors unique across the page. */
export function sectionViews(slots: readonly SectionSlot[], context: ViewContext, slugger: GithubSlugger): SectionView[] {
  return slots.map((slot) =>
    slot.kind === 'custom' ? customSectionView(slot.section, context, slugger) : builtinSectionView(slot.name, context, slugger),
  );
}

function customSectionView(section: NonNullable<Policy['sections']>[number], context: ViewContext, slugger: GithubSlugger): SectionView {
  const index = (context.policy.sections ?? []).indexOf(section);
  const display = context.doc.sections![index]!;
  const anchor = context.format.sectionAnchor(section.id, proseToPlainText(section.title, 'text'), slugger);
  return { partial: 'custom-section', anchor, title: display.title, body: display.body };
}

function builtinSectionView(name: BuiltinSection, context: ViewContext, slugger: GithubSlugger): SectionView {
  const raw = context.policy[name] as { title?: string } | undefined;
  // A section's display value, spread into its view (a prose section's is the converted text itself).
  const display = context.doc[name] as { title?: unknown } | undefined;
  const titleText = raw?.title ?? context.messages.headings[name] ?? name;
  const anchor = context.format.sectionAnchor(name, proseToPlainText(titleText, 'text'), slugger);
  const base = { ...display, partial: name, anchor, title: raw?.title ? display!.title : context.plain(titleText) };
  return { ...base, ...(sectionDetails[name]?.(context) ?? {}) };
}

/** What a built-in section's partial receives besides the section itself: anchors, labels, links between entities. */
const sectionDetails: Partial<Record<BuiltinSection, (context: ViewContext) => Record<string, unknown>>> = {
  collection: collectionDetails,
  purposes: ({ policy, doc, label, categoryRefs }) => ({
    items: policy.purposes!.items.map((purpose, i) => ({
      ...doc.purposes!.items[i],
      anchor: `purpose-${purpose.id}`,
      legalBasisLabel: label('legalBasis', purpose.legalBasis),
      categories: categoryRefs(purpose.categories),
    })),
  }),
  sharing: ({ policy, doc, label, categoryRefs }) => ({
    recipients: policy.sharing!.recipients.map((recipient, i) => ({
      ...doc.sharing!.recipients[i],
      anchor: `recipient-${recipient.id}`,
      typeLabel: label('recipientType', recipient.type),
      conditionLabel: label('condition', recipient.condition),
      categories: categoryRefs(recipient.categories),
    })),
  }),
  marketing: ({ policy, doc, label, contactById }) => ({
    consentLabel: label('marketingConsent', policy.marketing!.consent),
    optOut: {
      ...doc.marketing!.optOut,
      contact: policy.marketing!.optOut.contact ? contactById.get(policy.marketing!.optOut.contact) : undefined,
    },
  }),
  cookies: cookiesDetails,
  transfers: transfersDetails,
  certifications: ({ policy, doc }) => ({
    items: policy.certifications!.items.map((cert, i) => ({
      ...doc.certifications!.items[i],
      anchor: `certification-${cert.id}`,
      dispute: cert.dispute && {
        ...doc.certifications!.items[i]!.dispute,
        showUrl: !mentions(cert.dispute.description, cert.dispute.url),
      },
    })),
  }),
  rights: rightsDetails,
  changes: ({ policy, label }) => ({ channels: (policy.changes!.channels ?? []).map((n) => label('notification', n)) }),
  contacts: ({ policy, contactById }) => ({ items: policy.contacts.items.map((contact) => contactById.get(contact.id)) }),
};

function collectionDetails({ policy, doc, label, plain, categoryRefs }: ViewContext): Record<string, unknown> {
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
      retention: cat.retention ? plain(retentionText(cat.retention, policy.locale)) : undefined,
    })),
  };
}

/** How long a category is kept, as one line of plain text: the period in the locale's words, then the criteria. */
function retentionText(retention: NonNullable<Policy['collection']['categories'][number]['retention']>, locale: string): string {
  return [retention.period && formatDuration(retention.period, locale), proseToPlainText(retention.criteria ?? '', 'text')]
    .filter(Boolean)
    .join(', ');
}

function cookiesDetails({ policy, doc, label, plain }: ViewContext): Record<string, unknown> {
  const items = policy.cookies!.items;
  return {
    consent: doc.cookies!.consent && { ...doc.cookies!.consent, modelLabel: label('consentModel', policy.cookies!.consent!.model) },
    hasCategory: items.some((cookie) => cookie.category),
    items: items.map((cookie, i) => ({
      ...doc.cookies!.items[i],
      anchor: `cookie-${cookie.id}`,
      providerLabel: cookie.provider ? doc.cookies!.items[i]!.provider : label('party', 'first'),
      lifetimeLabel: label('lifetime', cookie.lifetime),
      durationLabel: cookie.duration ? plain(formatDuration(cookie.duration, policy.locale)) : undefined,
      categoryLabel: label('cookieCategory', cookie.category),
    })),
  };
}

function transfersDetails({ policy, doc, label }: ViewContext): Record<string, unknown> {
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
}

function rightsDetails({ policy, doc, label, plain, contactById }: ViewContext): Record<string, unknown> {
  return {
    items: policy.rights!.items.map((right, i) => ({
      ...doc.rights!.items[i],
      anchor: `right-${right.id}`,
      title: right.title ? doc.rights!.items[i]!.title : label('right', right.type),
      contact: right.contact ? contactById.get(right.contact) : undefined,
      fee: right.fee && {
        ...doc.rights!.items[i]!.fee,
        display: plain(formatMoney(right.fee.amount, right.fee.currency, policy.locale)),
      },
    })),
  };
}

/** Whether a text already names a URL (so a template need not print it again). */
function mentions(text: string | undefined, url: string): boolean {
  if (!text) return false;
  const bare = (u: string) => u.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return text.includes(bare(url));
}
