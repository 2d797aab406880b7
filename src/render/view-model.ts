import { mapStrings, type StringKind } from '../model/fields.js';
import type { Policy } from '../model/policy.generated.js';
import type { PolicyModel } from '../resolve/resolve.js';
import type { Messages } from '../model/messages.js';
import { escapeMarkdown } from '../markdown/escape.js';
import { proseHeadings, proseToHtml, proseToMarkdown, proseToPlainText, type HeadingPlan } from '../markdown/prose.js';
import { type ImageHosts } from '../markdown/sanitise.js';
import { formatDate, separators } from './intl-format.js';
import { addressOnOneLine, addressParts } from './contact-channels.js';
import { sectionViews, viewContext, type ViewContext, type Writer } from './section-views.js';
import { countryList, enumList, facts, inline, literal, markdownList, refs, type Fact } from './facts.js';
import { controllerTerms } from './controller-terms.js';

// Re-exported: modules across src/ import the formatters from the view model, where they were first written.
export { formatDate, formatDuration, formatMoney } from './intl-format.js';

/**
 * How strings reach a template of one output format: rendered prose, and
 * plain text made safe (HTML templates escape it themselves; Markdown
 * templates get it backslash-escaped).
 */
export interface OutputFormat {
  name: 'html' | 'md';
  /**
   * Convert a document string of the given kind, found at `path` (which decides the level of its headings);
   * `anchors` gives its headings anchors with that prefix (see `proseAnchors`).
   */
  convert(value: string, kind: StringKind, path?: readonly (string | number)[], anchors?: string): unknown;
}

/** Turns a document's strings into Handlebars-ready values for HTML templates (`imageHosts`: other hosts prose may show images from). */
export function htmlFormat(safe: (html: string) => unknown, imageHosts: ImageHosts = []): OutputFormat {
  return {
    name: 'html',
    convert: (value, kind, path = [], anchors) =>
      kind === 'prose' || kind === 'text' ? safe(proseToHtml(value, kind, headingPlan(path, anchors), imageHosts)) : value,
  };
}

/** Turns a document's strings into Markdown for Markdown templates (`imageHosts`: other hosts prose may show images from). */
export function markdownOutput(imageHosts: ImageHosts = []): OutputFormat {
  return {
    name: 'md',
    convert: (value, kind, path = [], anchors) =>
      kind === 'prose' || kind === 'text'
        ? proseToMarkdown(value, kind, headingPlan(path, anchors), imageHosts)
        : kind === 'plain'
          ? escapeMarkdown(value)
          : value,
  };
}

/** Markdown output showing no image from another host. */
export const markdownFormat: OutputFormat = markdownOutput();

/**
 * How the headings of a prose field are levelled. The introduction sits
 * under the page's h1, beside the sections: its headings keep the level
 * written (`##` an h2, `###` an h3; `#` an h2 too, the h1 being the title).
 * Elsewhere the shallowest heading becomes the level below the heading the
 * text sits under, so headings never skip a level: most prose under a
 * section's h2, and prose under a template's h3 (a right, a seal, the cookie
 * explanations) one deeper.
 */
function headingPlan(path: readonly (string | number)[], anchors: string | undefined): HeadingPlan {
  const [first, second, , fourth] = path;
  const plan = (base: number, keep = false): HeadingPlan => ({
    base,
    ...(keep ? { keep } : {}),
    ...(anchors === undefined ? {} : { anchors }),
  });
  if (first === 'introduction') return plan(2, true);
  if (first === 'cookies' && (second === 'explanation' || second === 'usage')) return plan(4);
  if (first === 'purposes' && second === 'automatedDecisions') return plan(4);
  if ((first === 'rights' || first === 'certifications') && second === 'items' && fourth !== 'title') return plan(4);
  return plan(3);
}

/**
 * The prefix of the anchors of the headings of the prose at `path`, or
 * undefined for none: the introduction's headings (`introduction-…`) and a
 * custom section's (`<section id>-…`) get anchors, as the table of contents
 * lists them (the built-in sections' structure is their own).
 */
export function proseAnchors(policy: Policy, path: readonly (string | number)[]): string | undefined {
  if (path.length === 1 && path[0] === 'introduction') return 'introduction';
  if (path.length === 3 && path[0] === 'sections' && path[2] === 'body') return policy.sections?.[path[1] as number]?.id;
  return undefined;
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
  /** How the page names the controller: "Data controller", or "Company" where no law the document is written for uses the term. */
  controllerLabel: unknown;
  /** The controller: its fields as displayed, its address by line, and its facts (where it is the controller, its representatives). */
  controller: ControllerView;
  /** Further controllers, each like `controller`, with an anchor. */
  otherControllers: ControllerView[];
  /** The policy this notice supplements: a link and its words (`parent.link`). */
  parent?: { link: unknown } | undefined;
  introduction?: unknown;
  related: (Displayed<NonNullable<Policy['related']>[number]> & { anchor: string; separator: string })[];
  /** The table of contents: the introduction's headings, then the sections, each with the headings of a custom section's text. */
  toc: TocEntry[];
  sections: SectionView[];
  copyright?: unknown;
  /** The locale's labels, converted for the format. */
  t: Displayed<Messages>;
  /** Relative path from the page to `dist/assets/`. */
  assets: string;
}

/** An entry of the table of contents: an anchor, its title, and the entries under it. */
export interface TocEntry {
  anchor: string;
  title: unknown;
  children: { anchor: string; title: unknown }[];
}

/** Build the data a page template receives from a resolved policy. */
export function pageView(model: PolicyModel, messages: Messages, format: OutputFormat, settings: { assets: string }): PageView {
  const context = viewContext(model.policy, messages, format);
  const sections = sectionViews(model.sections, context);
  return {
    format: format.name,
    ...pageHead(context),
    ...documentFacts(context),
    // A parent in this project is published beside this document: its folder is found from the page's way up to dist/.
    parent: parentView(model.policy, context.writer, settings.assets),
    toc: tableOfContents(model.policy, sections, format),
    sections,
    copyright: context.doc.copyright,
    t: displayedMessages(messages, format),
    assets: settings.assets,
  };
}

// A locale's messages are one object, converted once per output format (every page of a build shows them).
const messagesShown = new WeakMap<Messages, WeakMap<OutputFormat, Displayed<Messages>>>();

function displayedMessages(messages: Messages, format: OutputFormat): Displayed<Messages> {
  let byFormat = messagesShown.get(messages);
  if (!byFormat) messagesShown.set(messages, (byFormat = new WeakMap()));
  let shown = byFormat.get(format);
  if (!shown) byFormat.set(format, (shown = mapStrings(messages, (value) => format.convert(value, 'plain'), {}) as Displayed<Messages>));
  return shown;
}

/**
 * The table of contents, two levels deep, linking to the same anchors on
 * both pages: the introduction's h2 headings (its h3s under them, or on their
 * own before its first h2), then every section with the h3 headings of a
 * custom section's text under it.
 */
function tableOfContents(policy: Policy, sections: readonly SectionView[], format: OutputFormat): TocEntry[] {
  const headingsAt = (text: string | undefined, path: (string | number)[]) =>
    text === undefined
      ? []
      : proseHeadings(text, 'prose', headingPlan(path, proseAnchors(policy, path))).map((h) => ({
          depth: h.depth,
          anchor: h.anchor,
          title: format.convert(h.text, 'plain'),
        }));
  const toc: TocEntry[] = [];
  let under: TocEntry | undefined;
  for (const { depth, anchor, title } of headingsAt(policy.introduction, ['introduction'])) {
    if (depth === 2) toc.push((under = { anchor, title, children: [] }));
    else if (depth === 3) {
      if (under) under.children.push({ anchor, title });
      else toc.push({ anchor, title, children: [] });
    }
  }
  const custom = policy.sections ?? [];
  for (const section of sections) {
    const index = section.partial === 'custom-section' ? custom.findIndex((s) => s.id === section.anchor) : -1;
    const children = index < 0 ? [] : headingsAt(custom[index]!.body, ['sections', index, 'body']).filter((h) => h.depth === 3);
    toc.push({ anchor: section.anchor, title: section.title, children: children.map(({ anchor, title }) => ({ anchor, title })) });
  }
  return toc;
}

/** What the page's `<head>` shows: its language, its title (as displayed, as plain text, with the brand) and a description. */
function pageHead({ policy, doc, messages }: ViewContext): Pick<PageView, 'lang' | 'title' | 'plainTitle' | 'pageTitle' | 'description'> {
  const plainTitle = proseToPlainText(policy.title, 'text');
  const brand = policy.controller.brand;
  return {
    lang: policy.locale,
    title: doc.title,
    plainTitle,
    pageTitle: brand ? `${plainTitle} – ${proseToPlainText(brand, 'text')}` : plainTitle,
    description: (messages.page.descriptionOf ?? '{controller}').replace(
      '{controller}',
      proseToPlainText(brand ?? policy.controller.name, 'text'),
    ),
  };
}

/** The facts above the sections: which document and version, since when, by whom, and the documents it relates to. */
function documentFacts(
  context: ViewContext,
): Pick<PageView, 'id' | 'version' | 'effective' | 'controllerLabel' | 'controller' | 'otherControllers' | 'introduction' | 'related'> {
  const { policy, doc, plain, writer } = context;
  return {
    id: policy.id,
    version: policy.version,
    effective: { iso: policy.effective, display: plain(formatDate(policy.effective, policy.locale)) },
    controllerLabel: plain(writer.t('page', controllerTerms(policy) ? 'controller' : 'company')),
    controller: controllerView(policy.controller, doc.controller, context, controllerTerms(policy)),
    otherControllers: (policy.otherControllers ?? []).map((controller, i) =>
      controllerView(controller, doc.otherControllers![i]!, context, controllerTerms(policy)),
    ),
    introduction: doc.introduction,
    related: relatedViews(context),
  };
}

type Controller = Policy['controller'];
/** A controller as a page shows it. */
export type ControllerView = Displayed<Controller> & { anchor: string; addressLines?: unknown[]; facts: Fact[] };

function controllerView(
  controller: Controller,
  display: Displayed<Controller>,
  { policy, writer }: ViewContext,
  terms: boolean,
): ControllerView {
  const representatives = (controller.representatives ?? []).map((r) =>
    [
      `${literal(writer.enumText('jurisdiction', r.region))}: ${r.name}`,
      r.address && addressOnOneLine(r.address),
      r.email && `<${r.email}>`,
      r.url && `<${r.url}>`,
      r.phone,
    ]
      .filter(Boolean)
      .join(', '),
  );
  return {
    ...display,
    anchor: controller.id ? `controller-${controller.id}` : 'controller',
    ...(controller.address
      ? {
          addressLines: addressParts(controller.address).map((line) => inline(writer, line)),
        }
      : {}),
    facts: facts(writer, [
      // The author's own words for where it is the controller stand in for the names of its regions.
      [
        'regions',
        writer.t('facts', terms ? 'controllerFor' : 'companyFor'),
        controller.appliesTo ?? enumList(writer, 'jurisdiction', controller.regions),
      ],
      ['country', writer.t('facts', 'country'), countryList(writer, controller.country ? [controller.country] : undefined)],
      ['services', writer.t('facts', 'services'), refs(writer, 'scope', controller.services, policy.scope?.items)],
      ['contacts', writer.t('facts', 'contacts'), contactRefs(controller.contacts, policy, writer)],
      ['representatives', writer.t('facts', 'representatives'), markdownList(writer, representatives)],
    ]),
  };
}

/** The related documents, each with what the template writes after it (a comma, or a semicolon when a title has a comma). */
function relatedViews({ policy, doc, writer }: ViewContext): PageView['related'] {
  const related = policy.related ?? [];
  const after = separators(
    related.map((r) => proseToPlainText(r.title, 'text')),
    writer.semicolon,
  );
  return related.map((r, i) => ({ ...doc.related![i]!, anchor: `related-${r.id}`, separator: after[i]! }));
}

/** Links to contacts of the document, each by its role and name ("Privacy (Privacy team)"). */
function contactRefs(ids: readonly string[] | undefined, policy: Policy, writer: Writer): string | undefined {
  const names = policy.contacts.items.map((contact) => {
    const role = writer.enumText('role', contact.role);
    const name = contact.name === undefined ? undefined : proseToPlainText(contact.name, 'text');
    return { id: contact.id, name: name && name.toLocaleLowerCase() !== role.toLocaleLowerCase() ? `${role} (${name})` : role };
  });
  return refs(writer, 'contact', ids, names);
}

/** The link to the policy a notice supplements: its page in this site, or the address the document gives. */
function parentView(policy: Policy, writer: Writer, assets: string): { link: unknown } | undefined {
  const parent = policy.parent;
  if (!parent) return undefined;
  const title = parent.title ?? parent.document ?? '';
  const href = parent.url ?? `${assets.replace(/assets\/$/, '')}${parent.document}/`;
  return { link: inline(writer, `${literal(writer.t('page', 'parent'))} [${title}](<${href}>)`) };
}
