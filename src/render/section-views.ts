import { mapStrings } from '../model/fields.js';
import type { Policy } from '../model/policy.generated.js';
import type { Messages } from '../model/messages.js';
import type { BuiltinSection } from '../model/sections.js';
import type { SectionSlot } from '../resolve/resolve.js';
import { proseToPlainText } from '../markdown/prose.js';
import { escapeMarkdown } from '../markdown/escape.js';
import { addressParts, contactChannels, labelSaysTollFree, telHref, type Channel } from './contact-channels.js';
import { countryList, facts, inline, literal, type FactWriter } from './facts.js';
import { listFormat, separators } from './intl-format.js';
import { sectionDetails } from './section-details.js';
import { subtreesOf } from './subtree-memo.js';
import { proseAnchors, type Displayed, type OutputFormat, type SectionView } from './view-model.js';

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
  /** Links to data categories, by id, with their labels and what a template writes after each (a comma, or a semicolon when a label has a comma). */
  categoryRefs(ids: string[] | undefined): { anchor: string; label: unknown; separator: string | undefined }[];
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
  // The introduction's and custom sections' headings get anchors, for the table of contents.
  // The parts a version shares with the one viewed before are converted once (a custom section's anchors are its own id).
  const memo = subtreesOf(format);
  memo.start(policy);
  const doc = mapStrings(
    policy,
    (value, kind, path) => format.convert(value, kind, path, proseAnchors(policy, path)),
    undefined,
    memo,
  ) as Displayed<Policy>;
  const plain = (value: string) => format.convert(value, 'plain');
  const labelText = (group: string, value: string) => messages.enums[group]?.[value] ?? value;
  const semicolon = messages.punctuation?.semicolon ?? '; ';
  const label = (group: string, value: string | undefined) => (value === undefined ? undefined : plain(labelText(group, value)));
  const labels = (group: string, values: readonly string[] | undefined) =>
    values?.length
      ? plain(
          listFormat(
            policy.locale,
            values.map((value) => labelText(group, value)),
            'conjunction',
            semicolon,
          ),
        )
      : undefined;
  const categoryById = new Map(policy.collection.categories.map((cat, i) => [cat.id, { raw: cat, display: doc.collection.categories[i] }]));
  const categoryRefs = (ids: string[] | undefined) => {
    const list = ids ?? [];
    // Commas between the names, or semicolons where a name has a comma of its own.
    const after = separators(
      list.map((id) => proseToPlainText(categoryById.get(id)?.raw.label ?? id, 'text')),
      semicolon,
    );
    return list.map((id, i) => ({ anchor: `category-${id}`, label: categoryById.get(id)?.display?.label, separator: after[i] }));
  };
  const writer: Writer = {
    format,
    locale: policy.locale,
    semicolon,
    enumText: labelText,
    t: (group, key) => {
      const words = (messages as unknown as Record<string, Record<string, unknown> | undefined>)[group]?.[key];
      return typeof words === 'string' ? words : key;
    },
  };
  const contactById = new Map(
    policy.contacts.items.map((contact, i) => [
      contact.id,
      contactView(doc.contacts.items[i]!, contact, { policy, format, plain, label, writer, messages }),
    ]),
  );
  return { policy, doc, messages, format, plain, label, labels, categoryRefs, contactById, writer };
}

/** A contact as templates receive it: its anchor, its role's label, a telephone link, its address by line and every way to reach it. */
export type ContactView = ReturnType<typeof contactView>;

type ContactContext = Pick<ViewContext, 'policy' | 'format' | 'plain' | 'label' | 'writer' | 'messages'>;

function contactView(display: Displayed<Contact>, contact: Contact, context: ContactContext) {
  const { format, label, writer } = context;
  const tollFreeWord = writer.t('facts', 'tollFree');
  const phone = contact.phone && phoneView(contact.phone, format);
  const roleLabel = label('role', contact.role);
  // A contact named after its role ("Data protection officer") is shown once.
  const namedAsRole = contact.name !== undefined && sameWords(proseToPlainText(contact.name, 'text'), String(labelPlain(roleLabel)));
  const methods = (contact.methods ?? []).map((method) => ({
    label: method.label === undefined ? undefined : format.convert(method.label, 'text'),
    email: method.email,
    url: method.url,
    phone: method.phone === undefined ? undefined : phoneView(method.phone, format),
    // Said once: not when the method's label already says so ("Toll-free (US)").
    tollFree: method.tollFree === true && !labelSaysTollFree(method.label, tollFreeWord),
    addressLines: method.address === undefined ? undefined : addressLines(method.address, format),
    instructions: method.instructions === undefined ? undefined : format.convert(method.instructions, 'text'),
  }));
  const ways = contactChannels(contact, tollFreeWord);
  const reach = reachMarkdown(ways, writer, context.messages.punctuation?.colon ?? ': ');
  return {
    ...display,
    ...(namedAsRole ? { name: undefined } : {}),
    anchor: `contact-${display.id}`,
    roleLabel,
    // Who the contact is for, where it is not for everyone, as a sentence names them ("the European Union").
    regionsLabel: contact.regions?.length ? inline(writer, regionsInSentence(contact.regions, context)) : undefined,
    phone,
    addressLines: contact.address === undefined ? undefined : addressLines(contact.address, format),
    methods,
    // Every way to reach it, as links, for the places that send requests to the contact (a right, the opt-out).
    reach: reach === undefined ? undefined : inline(writer, reach),
    /** The same as inline Markdown, for a builder that joins several contacts' ways. */
    reachMarkdown: reach,
    /** How many ways there are to reach it. */
    reachWays: ways.length,
    facts: facts(writer, [
      ['country', writer.t('facts', 'country'), countryList(writer, contact.country ? [contact.country] : undefined)],
      ['controller', writer.t('facts', 'contactController'), controllerRef(contact.controller, context.policy)],
    ]),
  };
}

/** Regions as a sentence names them ("the European Union and the United Kingdom"), from the locale's `jurisdictionInSentence`, else their labels. */
function regionsInSentence(regions: readonly string[], { messages, writer }: ContactContext): string {
  const names = regions.map((region) =>
    literal(messages.enums.jurisdictionInSentence?.[region] ?? writer.enumText('jurisdiction', region)),
  );
  return listFormat(writer.locale, names, 'conjunction', writer.semicolon);
}

/** A link to a controller of the document (the first or a further one), by its name. */
function controllerRef(id: string | undefined, policy: Policy): string | undefined {
  if (id === undefined) return undefined;
  const controller = [policy.controller, ...(policy.otherControllers ?? [])].find((c) => c.id === id);
  return `[${literal(proseToPlainText(controller?.name ?? id, 'text'))}](#controller-${id})`;
}

/** A telephone number as a `tel:` link and as shown (not wrapping across lines on a page). */
function phoneView(number: string, format: OutputFormat) {
  return {
    href: telHref(number),
    display: format.convert(format.name === 'html' ? number.replace(/ /g, '\u00a0') : number, 'plain'),
  };
}

/** A postal address, one value per line (a one-line address is one line). */
function addressLines(address: string, format: OutputFormat): unknown[] {
  return addressParts(address).map((line) => format.convert(line, 'text'));
}

/**
 * The ways to reach a contact as inline Markdown, each a link where it can be
 * ("privacy@example.com or Phone: +1 888 555 0142 (toll-free)"); undefined
 * when it has none.
 */
function reachMarkdown(channels: readonly Channel[], writer: Writer, colon: string): string | undefined {
  const tollFree = writer.t('facts', 'tollFree');
  const ways = channels.map((channel) => {
    // A telephone number does not wrap across lines on a page.
    const shown = channel.kind === 'phone' && writer.format.name === 'html' ? channel.value.replace(/ /g, '\u00a0') : channel.value;
    const value = channel.href === undefined ? channel.value : `[${escapeMarkdown(shown)}](<${channel.href}>)`;
    const flagged = channel.tollFree ? `${value} (${literal(tollFree)})` : value;
    // A postal address is named as one, so that its commas are not read as a list of ways.
    const label = channel.label ?? (channel.kind === 'address' ? literal(writer.t('facts', 'address')) : undefined);
    return label === undefined ? flagged : `${label}${colon}${flagged}`;
  });
  // Ways with a label ("Phone: …") are kept apart by semicolons, as are ways with commas (an address).
  const labelled = channels.some((channel) => channel.label !== undefined || channel.kind === 'address');
  return ways.length ? listFormat(writer.locale, ways, 'disjunction', writer.semicolon, labelled) : undefined;
}

const sameWords = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
/** A converted label's text (a Handlebars SafeString or a string). */
const labelPlain = (value: unknown) => (value && typeof value === 'object' && 'toHTML' in value ? String(value) : String(value ?? ''));

/** Every section of the page in order; its anchor, the same on both pages, is its name or a custom section's id. */
export function sectionViews(slots: readonly SectionSlot[], context: ViewContext): SectionView[] {
  return slots.map((slot) => (slot.kind === 'custom' ? customSectionView(slot.section, context) : builtinSectionView(slot.name, context)));
}

function customSectionView(section: NonNullable<Policy['sections']>[number], context: ViewContext): SectionView {
  const index = (context.policy.sections ?? []).indexOf(section);
  const display = context.doc.sections![index]!;
  return { partial: 'custom-section', anchor: section.id, title: display.title, body: display.body };
}

function builtinSectionView(name: BuiltinSection, context: ViewContext): SectionView {
  const raw = context.policy[name] as { title?: string } | undefined;
  // A section's display value, spread into its view (a prose section's is the converted text itself).
  const display = context.doc[name] as { title?: unknown } | undefined;
  const titleText = raw?.title ?? context.messages.headings[name] ?? name;
  const base = { ...display, partial: name, anchor: name, title: raw?.title ? display!.title : context.plain(titleText) };
  return { ...base, ...(sectionDetails[name]?.(context) ?? {}) };
}
