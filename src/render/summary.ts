import type { Policy } from '../model/policy.generated.js';
import type { PolicyModel } from '../resolve/resolve.js';
import type { Messages } from '../model/messages.js';
import { proseToPlainText } from '../markdown/prose.js';
import { controllerTerms } from './controller-terms.js';
import { formatDate, listFormat, separators } from './intl-format.js';
import { contactChannels } from './contact-channels.js';
import type { Renderer } from './templates.js';

/**
 * English defaults of the labels the extra outputs print that the locale
 * files do not have yet. A locale's `summary` group, when present, overrides
 * them key by key.
 */
export const extraLabels = {
  summary: {
    /** The summary page's heading and title; `{title}` is the policy's title. */
    title: '{title}: summary',
    /** The lead paragraph; `{title}`, `{version}`, `{effective}` (the formatted date). */
    intro:
      'The main points of our {title} (version {version}, in effect from {effective}). Each item links to the details in the full policy.',
    /** The link to the full policy. */
    readFull: 'Read the full policy',
    /** The name of the layer listing the cookies. */
    cookies: 'Cookies we use',
  },
} as const;

/** Where the summary page sits. */
export interface SummaryOptions {
  /** Relative path from the summary page to `dist/<id>/` (`''` for `dist/<id>/summary.html`). */
  root: string;
}

/** One item of a summary layer: a link into the full policy, with an optional detail, e-mail address, web address or ways to reach a contact. */
interface SummaryItem {
  href: string;
  label: string;
  detail?: string | undefined;
  email?: string | undefined;
  url?: string | undefined;
  /** Every way to reach a contact: its text, its label, its link (none for an address), and what follows it (a separator). */
  channels?: SummaryChannel[] | undefined;
}

interface SummaryChannel {
  text: string;
  label?: string | undefined;
  href?: string | undefined;
  /** "toll-free", where the page says so. */
  note?: string | undefined;
  separator: string;
}

/** One layer of the summary: what we collect, why, who receives it, ... */
interface SummaryLayer {
  id: string;
  heading: string;
  href: string;
  items: SummaryItem[];
}

type SummaryLabels = { [K in keyof typeof extraLabels.summary]: string };

/** What the builders of the summary share: the document, the locale's labels and the way into the full policy. */
interface SummaryContext {
  policy: Policy;
  t: Messages;
  labels: SummaryLabels;
  /** The full policy's page, relative to the summary. */
  full: string;
}

/**
 * Render `summary.html`: a short layered notice generated from the structure
 * (the data categories, purposes, recipients, cookies, transfers with their
 * safeguards, rights and contacts), each item linking to its anchor in the
 * full policy (`index.html#category-email-address`), and a link to the full
 * policy. A complete page with the site stylesheet. Undefined when the
 * template fails (see `renderer.diagnostics`).
 *
 * `summary.html.hbs` receives `lang`, `pageTitle`, `description`, `assets`,
 * `root`, `heading`, `intro`, `fullHref`, `version`, `effective` (`iso`,
 * `display`), `controller` (plain text fields), `layers` (each `id`,
 * `heading`, `href`, `items` of `href`, `label`, `detail`, `email`, `url`,
 * and for a contact `channels`, each `text`, `label`, `href`, `note`,
 * `separator`),
 * `labels` (the summary labels) and `t` (the locale's labels). Every value is
 * plain text, escaped by the template.
 */
export function renderSummary(model: PolicyModel, renderer: Renderer, options: SummaryOptions): string | undefined {
  const policy = model.policy;
  const t = renderer.messages(policy.locale);
  const context: SummaryContext = { policy, t, labels: summaryLabels(t), full: `${options.root}index.html` };
  return renderer.render('summary.html.hbs', summaryPage(context, options.root, summaryLayers(context)));
}

/** The summary labels of a locale: its `summary` group over the English defaults. */
function summaryLabels(t: Messages): SummaryLabels {
  const own = (t.summary ?? {}) as Record<string, unknown>;
  const pick = (key: keyof typeof extraLabels.summary) => (typeof own[key] === 'string' ? (own[key] as string) : extraLabels.summary[key]);
  return { title: pick('title'), intro: pick('intro'), readFull: pick('readFull'), cookies: pick('cookies') };
}

/** The data `summary.html.hbs` receives, around the layers. */
function summaryPage(context: SummaryContext, root: string, layers: SummaryLayer[]): Record<string, unknown> {
  const { policy: p, t, labels } = context;
  const title = text(p.title);
  const effective = formatDate(p.effective, p.locale);
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => ({ title, version: p.version, effective })[key as 'title'] ?? whole);
  const summaryTitle = fill(labels.title);
  const brand = p.controller.brand ?? p.controller.name;
  return {
    lang: p.locale,
    pageTitle: p.controller.brand ? `${summaryTitle} – ${text(p.controller.brand)}` : summaryTitle,
    description: (t.page.descriptionOf ?? '{controller}').replace('{controller}', text(brand)),
    assets: `${root}../assets/`,
    root,
    heading: summaryTitle,
    intro: fill(labels.intro),
    fullHref: context.full,
    version: p.version,
    effective: { iso: p.effective, display: effective },
    controllerLabel: controllerTerms(p) ? t.page.controller : t.page.company,
    controller: summaryController(p.controller),
    layers,
    labels,
    t,
  };
}

/** The controller's name and website, as plain text. */
function summaryController(controller: Policy['controller']) {
  return {
    name: text(controller.name),
    website: controller.website && {
      url: controller.website.url,
      name: controller.website.name ? text(controller.website.name) : undefined,
    },
  };
}

/** The summary's layers in page order; a layer whose section the document lacks is left out. */
function summaryLayers(context: SummaryContext): SummaryLayer[] {
  return layerBuilders.map((build) => build(context)).filter((layer) => layer !== undefined);
}

const layerBuilders: ((context: SummaryContext) => SummaryLayer | undefined)[] = [
  collectionLayer,
  purposesLayer,
  sharingLayer,
  saleLayer,
  cookiesLayer,
  transfersLayer,
  rightsLayer,
  contactsLayer,
];

function collectionLayer(context: SummaryContext): SummaryLayer {
  const items = context.policy.collection.categories.map((c) => ({ href: link(context, `category-${c.id}`), label: text(c.label) }));
  return layer(context, 'collection', heading(context, 'collection'), items);
}

function purposesLayer(context: SummaryContext): SummaryLayer {
  const items = context.policy.purposes.items.map((purpose) => ({
    href: link(context, `purpose-${purpose.id}`),
    label: text(purpose.description),
    detail: purpose.legalBases?.length
      ? `${groupLabel(context, 'purposes', 'legalBasis')}${punctuation(context, 'colon')}${listFormat(
          context.policy.locale,
          purpose.legalBases.map((basis) => enumLabel(context, 'legalBasis', basis)),
          'conjunction',
          punctuation(context, 'semicolon'),
        )}`
      : undefined,
  }));
  return layer(context, 'purposes', heading(context, 'purposes'), items);
}

function sharingLayer(context: SummaryContext): SummaryLayer | undefined {
  if (!context.policy.sharing) return undefined;
  const items = (context.policy.sharing.recipients ?? []).map((r) => ({
    href: link(context, `recipient-${r.id}`),
    label: text(r.name),
    // The author's words where a condition has them, else its kind's label; nothing when none is stated.
    detail: r.conditions?.length
      ? `${groupLabel(context, 'sharing', 'condition')}${punctuation(context, 'colon')}${listFormat(
          context.policy.locale,
          r.conditions.map((c) => (c.text === undefined ? enumLabel(context, 'condition', c.basis) : text(c.text))),
          'disjunction',
          punctuation(context, 'semicolon'),
        )}`
      : undefined,
  }));
  return layer(context, 'sharing', heading(context, 'sharing'), items);
}

/** Whether personal information is sold or shared (CCPA), in the policy's own statement, with the opt-out page. */
function saleLayer(context: SummaryContext): SummaryLayer | undefined {
  const sale = context.policy.sharing?.sale;
  if (!sale) return undefined;
  const item: SummaryItem = { href: link(context, 'sale'), label: text(sale.statement) };
  if (sale.optOutUrl) item.url = sale.optOutUrl;
  return layer(context, 'sale', context.t.sharing?.sale ?? 'Sale and sharing of personal information', [item]);
}

function cookiesLayer(context: SummaryContext): SummaryLayer | undefined {
  if (!context.policy.cookies) return undefined;
  const items = (context.policy.cookies.items ?? []).map((c) => ({
    href: link(context, `cookie-${c.id}`),
    label: c.name,
    detail: [
      // The provider where the document names one, and the party that sets the cookie in every case.
      c.provider && text(c.provider),
      enumLabel(context, 'party', c.party),
      c.category && enumLabel(context, 'cookieCategory', c.category),
    ]
      .filter(Boolean)
      .join(', '),
  }));
  return layer(
    context,
    'cookies',
    context.policy.cookies.title === undefined ? context.labels.cookies : text(context.policy.cookies.title),
    items,
  );
}

function transfersLayer(context: SummaryContext): SummaryLayer | undefined {
  if (!context.policy.transfers) return undefined;
  const items = context.policy.transfers.items.map((tr) => {
    const mechanisms = tr.mechanisms.map((m) => enumLabel(context, 'mechanism', m)).join(punctuation(context, 'semicolon'));
    return {
      href: link(context, `transfer-${tr.id}`),
      label: text(tr.destination),
      detail: `${text(tr.recipient)}${punctuation(context, 'semicolon')}${groupLabel(context, 'transfers', 'mechanisms')}${punctuation(context, 'colon')}${mechanisms}`,
    };
  });
  return layer(context, 'transfers', heading(context, 'transfers'), items);
}

function rightsLayer(context: SummaryContext): SummaryLayer | undefined {
  if (!context.policy.rights) return undefined;
  const items = context.policy.rights.items.map((r) => ({
    href: link(context, `right-${r.id}`),
    label: r.title
      ? text(r.title)
      : listFormat(
          context.policy.locale,
          (r.types ?? []).map((type) => enumLabel(context, 'right', type)),
          'conjunction',
          punctuation(context, 'semicolon'),
        ),
  }));
  return layer(context, 'rights', heading(context, 'rights'), items);
}

function contactsLayer(context: SummaryContext): SummaryLayer {
  const items = context.policy.contacts.items.map((c) => {
    const role = enumLabel(context, 'role', c.role);
    const name = c.name ? text(c.name) : undefined;
    // A contact named after its role ("Data protection officer") is shown once.
    const label = name && name.toLowerCase() !== role.toLowerCase() ? `${role} (${name})` : role;
    return { href: link(context, `contact-${c.id}`), label, channels: summaryChannels(context, c) };
  });
  return layer(context, 'contacts', heading(context, 'contacts'), items);
}

/** Every way to reach a contact, as the summary lists them (its telephone and further methods too). */
function summaryChannels(context: SummaryContext, contact: Policy['contacts']['items'][number]): SummaryChannel[] {
  const tollFree = groupLabel(context, 'facts', 'tollFree');
  const channels = contactChannels(contact, tollFree);
  // Ways with a label ("Phone: …") or with commas (an address) are kept apart by semicolons.
  const labelled = channels.some((channel) => channel.label !== undefined || channel.kind === 'address');
  const after = separators(
    channels.map((channel) => channel.value),
    punctuation(context, 'semicolon'),
    labelled,
  );
  return channels.map((channel, i) => ({
    // A telephone number does not wrap across lines.
    text:
      channel.kind === 'instructions' || channel.kind === 'address'
        ? text(channel.value)
        : channel.kind === 'phone'
          ? channel.value.replace(/ /g, '\u00a0')
          : channel.value,
    // A postal address is named as one, so that its commas are not read as a list of ways.
    label:
      channel.label === undefined
        ? channel.kind === 'address'
          ? groupLabel(context, 'facts', 'address')
          : undefined
        : text(channel.label),
    href: channel.href,
    note: channel.tollFree ? tollFree : undefined,
    separator: after[i]!,
  }));
}

function layer(context: SummaryContext, id: string, heading: string, items: SummaryItem[]): SummaryLayer {
  return { id, heading, href: link(context, id), items };
}

/** A link to an anchor of the full policy. */
function link(context: SummaryContext, anchor: string): string {
  return `${context.full}#${anchor}`;
}

/** A section's heading: the document's own title for it where it gives one, else the locale's. */
function heading(context: SummaryContext, name: string): string {
  const own = (context.policy as unknown as Record<string, { title?: string } | undefined>)[name]?.title;
  return own === undefined ? (context.t.headings[name] ?? name) : text(own);
}

/** An enum value's label in the locale, else the value itself. */
function enumLabel(context: SummaryContext, group: string, value: string): string {
  return context.t.enums[group]?.[value] ?? value;
}

/** A label of one of the locale's groups (`purposes.legalBasis`), else its key. */
function groupLabel(context: SummaryContext, name: keyof Messages, key: string): string {
  const value = (context.t[name] as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : key;
}

function text(value: string): string {
  return proseToPlainText(value, 'text');
}

/** A separator in the locale's typography (French puts a no-break space before « : » and « ; »). */
function punctuation(context: SummaryContext, mark: 'colon' | 'semicolon'): string {
  return context.t.punctuation?.[mark] ?? (mark === 'colon' ? ': ' : '; ');
}
