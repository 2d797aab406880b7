import GithubSlugger from 'github-slugger';
import { mapStrings, type StringKind } from '../model/fields.js';
import type { Policy } from '../model/policy.generated.js';
import type { PolicyModel } from '../resolve/resolve.js';
import type { Messages } from '../model/messages.js';
import { escapeMarkdown } from '../markdown/escape.js';
import { proseToHtml, proseToMarkdown, proseToPlainText } from '../markdown/prose.js';
import { type ImageHosts } from '../markdown/sanitise.js';
import { formatDate } from './intl-format.js';
import { sectionViews, viewContext, type ViewContext, type Writer } from './section-views.js';
import { enumList, facts, inline, literal, markdownList, type Fact } from './facts.js';
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
  /** How the page names the controller: "Data controller", or "Company" where no law the document is written for uses the term. */
  controllerLabel: unknown;
  /** The controller: its fields as displayed, its address by line, and its facts (where it is the controller, its representatives). */
  controller: ControllerView;
  /** Further controllers, each like `controller`, with an anchor. */
  otherControllers: ControllerView[];
  /** The policy this notice supplements: a link and its words (`parent.link`). */
  parent?: { link: unknown } | undefined;
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
  const context = viewContext(model.policy, messages, format);
  const sections = sectionViews(model.sections, context, new GithubSlugger());
  return {
    format: format.name,
    ...pageHead(context),
    ...documentFacts(context),
    toc: sections.map((s) => ({ anchor: s.anchor, title: s.title })),
    sections,
    copyright: context.doc.copyright,
    t: mapStrings(messages, (value) => format.convert(value, 'plain'), {}) as Displayed<Messages>,
    assets: settings.assets,
  };
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
function documentFacts({
  policy,
  doc,
  plain,
  writer,
}: ViewContext): Pick<
  PageView,
  'id' | 'version' | 'effective' | 'controllerLabel' | 'controller' | 'otherControllers' | 'parent' | 'introduction' | 'related'
> {
  return {
    id: policy.id,
    version: policy.version,
    effective: { iso: policy.effective, display: plain(formatDate(policy.effective, policy.locale)) },
    controllerLabel: plain(writer.t('page', controllerTerms(policy) ? 'controller' : 'company')),
    controller: controllerView(policy.controller, doc.controller, writer, controllerTerms(policy)),
    otherControllers: (policy.otherControllers ?? []).map((controller, i) =>
      controllerView(controller, doc.otherControllers![i]!, writer, controllerTerms(policy)),
    ),
    parent: parentView(policy, writer),
    introduction: doc.introduction,
    related: (policy.related ?? []).map((related, i) => ({ ...doc.related![i]!, anchor: `related-${related.id}` })),
  };
}

type Controller = Policy['controller'];
/** A controller as a page shows it. */
export type ControllerView = Displayed<Controller> & { anchor: string; addressLines?: unknown[]; facts: Fact[] };

function controllerView(controller: Controller, display: Displayed<Controller>, writer: Writer, terms: boolean): ControllerView {
  const representatives = (controller.representatives ?? []).map((r) =>
    [
      `${literal(writer.enumText('jurisdiction', r.region))}: ${r.name}`,
      r.address?.replace(/\s*\n\s*/g, ', '),
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
          addressLines: controller.address
            .split('\n')
            .filter((line) => line.trim())
            .map((line) => inline(writer, line.trim())),
        }
      : {}),
    facts: facts(writer, [
      // The author's own words for where it is the controller stand in for the names of its regions.
      [
        'regions',
        writer.t('facts', terms ? 'controllerFor' : 'companyFor'),
        controller.appliesTo ?? enumList(writer, 'jurisdiction', controller.regions),
      ],
      ['representatives', writer.t('facts', 'representatives'), markdownList(writer, representatives)],
    ]),
  };
}

/** The link to the policy a notice supplements: its page in this site, or the address the document gives. */
function parentView(policy: Policy, writer: Writer): { link: unknown } | undefined {
  const parent = policy.parent;
  if (!parent) return undefined;
  const title = parent.title ?? parent.document ?? '';
  const href = parent.url ?? `../${parent.document}/`;
  return { link: inline(writer, `${literal(writer.t('page', 'parent'))} [${title}](<${href}>)`) };
}
