import type GithubSlugger from 'github-slugger';
import { mapStrings } from '../model/fields.js';
import type { Policy } from '../model/policy.generated.js';
import type { Messages } from '../model/messages.js';
import type { BuiltinSection } from '../model/sections.js';
import type { SectionSlot } from '../resolve/resolve.js';
import { proseToPlainText } from '../markdown/prose.js';
import { reachMarkdown } from './contact-link.js';
import type { FactWriter } from './facts.js';
import { listFormat } from './intl-format.js';
import { sectionDetails } from './section-details.js';
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
  /** The labels of several values of a group, as one list in the locale's words; undefined for none. */
  labels(group: string, values: readonly string[] | undefined): unknown;
  /** Links to data categories, by id, with their labels. */
  categoryRefs(ids: string[] | undefined): { anchor: string; label: unknown }[];
  /** Each contact's view, by id: a contact shows in its own section and wherever a right or the opt-out names it. */
  contactById: Map<string, ContactView>;
  /** How entity facts are written: the format, the locale, its labels. */
  writer: Writer;
}

/** Writes facts (see facts.ts), with the locale's words by group and key (`t('facts', 'role')`). */
export interface Writer extends FactWriter {
  t(group: string, key: string): string;
}

/** Gather what the section builders share for one document, one locale and one output format. */
export function viewContext(policy: Policy, messages: Messages, format: OutputFormat): ViewContext {
  const doc = mapStrings(policy, format.convert) as Displayed<Policy>;
  const plain = (value: string) => format.convert(value, 'plain');
  const labelText = (group: string, value: string) => messages.enums[group]?.[value] ?? value;
  const label = (group: string, value: string | undefined) => (value === undefined ? undefined : plain(labelText(group, value)));
  const labels = (group: string, values: readonly string[] | undefined) =>
    values?.length
      ? plain(
          listFormat(
            policy.locale,
            values.map((value) => labelText(group, value)),
          ),
        )
      : undefined;
  const categoryById = new Map(policy.collection.categories.map((cat, i) => [cat.id, doc.collection.categories[i]]));
  const categoryRefs = (ids: string[] | undefined) =>
    (ids ?? []).map((id) => ({ anchor: `category-${id}`, label: categoryById.get(id)?.label }));
  const contactById = new Map(
    policy.contacts.items.map((contact, i) => [contact.id, contactView(doc.contacts.items[i]!, contact, { format, plain, label, labels })]),
  );
  const writer: Writer = {
    format,
    locale: policy.locale,
    enumText: labelText,
    t: (group, key) => {
      const words = (messages as unknown as Record<string, Record<string, unknown> | undefined>)[group]?.[key];
      return typeof words === 'string' ? words : key;
    },
  };
  return { policy, doc, messages, format, plain, label, labels, categoryRefs, contactById, writer };
}

/** A contact as templates receive it: its anchor, its role's label, a telephone link, its address by line and every way to reach it. */
export type ContactView = ReturnType<typeof contactView>;

function contactView(display: Displayed<Contact>, contact: Contact, context: Pick<ViewContext, 'format' | 'plain' | 'label' | 'labels'>) {
  const { format, label, labels } = context;
  const phone = contact.phone && phoneView(contact.phone, format);
  const roleLabel = label('role', contact.role);
  // A contact named after its role ("Data protection officer") is shown once.
  const namedAsRole = contact.name !== undefined && sameWords(proseToPlainText(contact.name, 'text'), String(labelPlain(roleLabel)));
  const methods = (contact.methods ?? []).map((method) => ({
    label: method.label === undefined ? undefined : format.convert(method.label, 'text'),
    email: method.email,
    url: method.url,
    phone: method.phone === undefined ? undefined : phoneView(method.phone, format),
    tollFree: method.tollFree,
    addressLines: method.address === undefined ? undefined : addressLines(method.address, format),
    instructions: method.instructions === undefined ? undefined : format.convert(method.instructions, 'text'),
  }));
  return {
    ...display,
    ...(namedAsRole ? { name: undefined } : {}),
    anchor: `contact-${display.id}`,
    roleLabel,
    // Who the contact is for, where it is not for everyone.
    regionsLabel: labels('jurisdiction', contact.regions),
    phone,
    addressLines: contact.address === undefined ? undefined : addressLines(contact.address, format),
    methods,
    // The first way to reach it as a link, for the places that name the contact (a right, the opt-out).
    reach: reachLink(contact, format),
  };
}

/** A telephone number as a `tel:` link and as shown (not wrapping across lines on a page). */
function phoneView(number: string, format: OutputFormat) {
  return {
    href: `tel:${number.replace(/[^+0-9]/g, '')}`,
    display: format.convert(format.name === 'html' ? number.replace(/ /g, '\u00a0') : number, 'plain'),
  };
}

/** A postal address, one value per line (a one-line address is one line). */
function addressLines(address: string, format: OutputFormat): unknown[] {
  return address
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => format.convert(line, 'text'));
}

/** The contact's e-mail address, web page or telephone number as a link (inline Markdown, converted); undefined when it has none. */
function reachLink(contact: Contact, format: OutputFormat): unknown {
  const markdown = reachMarkdown(contact);
  return markdown === undefined ? undefined : format.convert(markdown, 'text');
}

const sameWords = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
/** A converted label's text (a Handlebars SafeString or a string). */
const labelPlain = (value: unknown) => (value && typeof value === 'object' && 'toHTML' in value ? String(value) : String(value ?? ''));

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
