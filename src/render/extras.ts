import Handlebars from 'handlebars';
import type { PolicyModel } from '../resolve/resolve.js';
import type { Messages } from '../model/messages.js';
import { proseToPlainText } from '../markdown/prose.js';
import type { Renderer } from './templates.js';
import { formatDate, htmlFormat, pageView } from './view-model.js';

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

/** The prefix of every class and id in the embeddable fragments. */
export const fragmentPrefix = 'policyc-';

/** Where the summary page sits. */
export interface SummaryOptions {
  /** Relative path from the summary page to `dist/<id>/` (`''` for `dist/<id>/summary.html`). */
  root: string;
}

/** One item of a summary layer: a link into the full policy, with an optional detail, e-mail address or web address. */
interface SummaryItem {
  href: string;
  label: string;
  detail?: string | undefined;
  email?: string | undefined;
  url?: string | undefined;
}

/** One layer of the summary: what we collect, why, who receives it, ... */
interface SummaryLayer {
  id: string;
  heading: string;
  href: string;
  items: SummaryItem[];
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
 * `heading`, `href`, `items` of `href`, `label`, `detail`, `email`, `url`),
 * `labels` (the summary labels) and `t` (the locale's labels). Every value is
 * plain text, escaped by the template.
 */
export function renderSummary(model: PolicyModel, renderer: Renderer, options: SummaryOptions): string | undefined {
  const p = model.policy;
  const t = renderer.messages(p.locale);
  const labels = summaryLabels(t);
  const text = (value: string) => proseToPlainText(value, 'text');
  const enumLabel = (group: string, value: string) => t.enums[group]?.[value] ?? value;
  const group = (name: keyof Messages, key: string) => {
    const value = (t[name] as Record<string, unknown> | undefined)?.[key];
    return typeof value === 'string' ? value : key;
  };
  const full = `${options.root}index.html`;
  const link = (anchor: string) => `${full}#${anchor}`;
  const layer = (id: string, heading: string, items: SummaryItem[]): SummaryLayer => ({ id, heading, href: link(id), items });
  const heading = (name: string) => t.headings[name] ?? name;
  const title = text(p.title);
  const effective = formatDate(p.effective, p.locale);

  const layers: SummaryLayer[] = [
    layer(
      'collection',
      heading('collection'),
      p.collection.categories.map((c) => ({ href: link(`category-${c.id}`), label: text(c.label) })),
    ),
    layer(
      'purposes',
      heading('purposes'),
      p.purposes.items.map((purpose) => ({
        href: link(`purpose-${purpose.id}`),
        label: text(purpose.description),
        detail: purpose.legalBasis ? `${group('purposes', 'legalBasis')}: ${enumLabel('legalBasis', purpose.legalBasis)}` : undefined,
      })),
    ),
  ];
  if (p.sharing) {
    layers.push(
      layer(
        'sharing',
        heading('sharing'),
        p.sharing.recipients.map((r) => ({
          href: link(`recipient-${r.id}`),
          label: text(r.name),
          detail: `${group('sharing', 'condition')}: ${enumLabel('condition', r.condition)}`,
        })),
      ),
    );
  }
  if (p.cookies) {
    layers.push(
      layer(
        'cookies',
        labels.cookies,
        p.cookies.items.map((c) => ({
          href: link(`cookie-${c.id}`),
          label: c.name,
          detail: [c.provider ? text(c.provider) : enumLabel('party', 'first'), c.category && enumLabel('cookieCategory', c.category)]
            .filter(Boolean)
            .join(', '),
        })),
      ),
    );
  }
  if (p.transfers) {
    layers.push(
      layer(
        'transfers',
        heading('transfers'),
        p.transfers.items.map((tr) => ({
          href: link(`transfer-${tr.id}`),
          label: text(tr.destination),
          detail: `${text(tr.recipient)}; ${group('transfers', 'mechanisms')}: ${tr.mechanisms.map((m) => enumLabel('mechanism', m)).join('; ')}`,
        })),
      ),
    );
  }
  if (p.rights) {
    layers.push(
      layer(
        'rights',
        heading('rights'),
        p.rights.items.map((r) => ({ href: link(`right-${r.id}`), label: r.title ? text(r.title) : enumLabel('right', r.type) })),
      ),
    );
  }
  layers.push(
    layer(
      'contacts',
      heading('contacts'),
      p.contacts.items.map((c) => ({
        href: link(`contact-${c.id}`),
        label:
          c.name && text(c.name).toLowerCase() !== enumLabel('role', c.role).toLowerCase()
            ? `${enumLabel('role', c.role)} (${text(c.name)})`
            : enumLabel('role', c.role),
        email: c.email,
        url: c.email ? undefined : c.url,
      })),
    ),
  );

  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => ({ title, version: p.version, effective })[key as 'title'] ?? whole);
  const summaryTitle = fill(labels.title);
  const brand = p.controller.brand ?? p.controller.name;
  return renderer.render('summary.html.hbs', {
    lang: p.locale,
    pageTitle: p.controller.brand ? `${summaryTitle} – ${text(p.controller.brand)}` : summaryTitle,
    description: (t.page.descriptionOf ?? '{controller}').replace('{controller}', text(brand)),
    assets: `${options.root}../assets/`,
    root: options.root,
    heading: summaryTitle,
    intro: fill(labels.intro),
    fullHref: full,
    version: p.version,
    effective: { iso: p.effective, display: effective },
    controller: {
      name: text(p.controller.name),
      website: p.controller.website && {
        url: p.controller.website.url,
        name: p.controller.website.name ? text(p.controller.website.name) : undefined,
      },
    },
    layers,
    labels,
    t,
  });
}

/** The summary labels of a locale: its `summary` group over the English defaults. */
function summaryLabels(t: Messages): { [K in keyof typeof extraLabels.summary]: string } {
  const own = (t.summary ?? {}) as Record<string, unknown>;
  const pick = (key: keyof typeof extraLabels.summary) => (typeof own[key] === 'string' ? (own[key] as string) : extraLabels.summary[key]);
  return { title: pick('title'), intro: pick('intro'), readFull: pick('readFull'), cookies: pick('cookies') };
}

/** Options of `renderFragment`. */
export interface FragmentOptions {
  /** URL of the fragment's stylesheet (`fragmentCss`), linked from inside the fragment; best absolute, since the fragment is embedded in other pages. */
  stylesheet?: string;
}

/**
 * Render `fragment.html`: the policy's body to embed in an existing site.
 * No `<html>`, `<head>` or `<body>`: a single `<div class="policyc-policy"
 * lang="…">` holding the full page's `<article>` (without the skip link,
 * site header and footer), with every class and id prefixed `policyc-` and
 * every in-page reference (`href="#…"`, `aria-labelledby`, `for`, …)
 * rewritten to match, so it neither restyles nor clashes with the host page.
 * With `options.stylesheet`, the fragment links its scoped stylesheet
 * (`<link rel="stylesheet">` is allowed in a body). Undefined when a template
 * fails (see `renderer.diagnostics`).
 *
 * `fragment.html.hbs` receives `lang`, `id`, `version`, `stylesheet` and
 * `body` (the article's HTML); its output is scoped as a whole.
 */
export function renderFragment(model: PolicyModel, renderer: Renderer, options: FragmentOptions = {}): string | undefined {
  const page = renderer.renderPolicy(model, { root: '' });
  if (!page) return undefined;
  // The page's `<article class="policy">` would become a second `policyc-policy`, the fragment root's own class.
  const body = pageBody(page.html).replace(/<article class="policy"/, '<article class="policy-document"');
  const p = model.policy;
  const html = renderer.render('fragment.html.hbs', {
    lang: p.locale,
    id: p.id,
    version: p.version,
    stylesheet: options.stylesheet,
    body: new Handlebars.SafeString(body),
  });
  return html === undefined ? undefined : scopeHtml(html);
}

/** The content of a page's `<main>` (else its `<body>`, less any skip link). */
function pageBody(html: string): string {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(html)?.[1];
  if (main !== undefined) return main.trim();
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return body.replace(/<a\b[^>]*\bclass="[^"]*\bskip-link\b[^"]*"[^>]*>[\s\S]*?<\/a>/gi, '').trim();
}

/** Attributes whose value is a list of ids (or, for `class`, class names) of the same document. */
const referenceAttributes = [
  'class',
  'id',
  'for',
  'headers',
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'aria-activedescendant',
  'aria-details',
  'aria-errormessage',
  'aria-flowto',
];

/**
 * Prefix every class name and id of an HTML fragment, and every reference to
 * an id (`href="#x"`, `aria-labelledby`, `for`, …), with `prefix`; names that
 * already carry it stay as they are. Works on policyc's output, whose
 * attribute values are double-quoted and escaped.
 */
export function scopeHtml(html: string, prefix = fragmentPrefix): string {
  const scoped = (name: string) => (name.startsWith(prefix) ? name : `${prefix}${name}`);
  const list = (value: string) => value.split(/\s+/).filter(Boolean).map(scoped).join(' ');
  const attributes = new RegExp(`(\\s)(${referenceAttributes.join('|')})="([^"]*)"`, 'g');
  return html.replace(/<[a-zA-Z][^<>]*>/g, (tag) =>
    tag
      .replace(attributes, (_, space: string, name: string, value: string) => `${space}${name}="${list(value)}"`)
      .replace(/(\s)href="#([^"]+)"/g, (_, space: string, fragment: string) => `${space}href="#${scoped(fragment)}"`),
  );
}

/**
 * The fragments' stylesheet, every rule scoped under `.policyc-policy` so it
 * cannot restyle the host page. Publish it (for example as
 * `dist/assets/fragment.css`) and pass its URL to `renderFragment`.
 */
export const fragmentCss = `/* policyc fragment stylesheet: every rule is scoped to the embedded policy. */
.policyc-policy { line-height: 1.6; overflow-wrap: break-word; }
.policyc-policy .policyc-policy-meta { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; }
.policyc-policy .policyc-policy-meta div { display: flex; gap: 0.4rem; }
.policyc-policy .policyc-policy-meta dt::after { content: ":"; }
.policyc-policy .policyc-policy-meta dd { margin: 0; font-weight: 600; }
.policyc-policy .policyc-toc ol { padding-left: 1.25rem; }
.policyc-policy .policyc-legal-basis, .policyc-policy .policyc-data-used, .policyc-policy .policyc-condition, .policyc-policy .policyc-issuer { opacity: 0.8; }
.policyc-policy .policyc-cookie-consent { border-left: 4px solid currentColor; padding: 0.5rem 1rem; }
.policyc-policy .policyc-table-wrap { overflow-x: auto; margin: 1.25rem 0; }
.policyc-policy table { border-collapse: collapse; width: 100%; }
.policyc-policy caption { text-align: left; font-weight: 600; padding-bottom: 0.5rem; }
.policyc-policy th, .policyc-policy td { text-align: left; vertical-align: top; padding: 0.5rem 0.6rem; border-bottom: 1px solid rgba(127, 127, 127, 0.4); }
.policyc-policy thead th { border-bottom-width: 2px; }
.policyc-policy tbody th { font-weight: 400; }
.policyc-policy .policyc-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
.policyc-policy .policyc-facts div { display: contents; }
.policyc-policy .policyc-facts dt { font-weight: 600; }
.policyc-policy .policyc-facts dd { margin: 0; }
.policyc-policy .policyc-fee { font-weight: 600; }
@media (max-width: 30rem) { .policyc-policy .policyc-facts { grid-template-columns: 1fr; } }
`;

/** The cookie table and its data, for a consent manager or CMS. */
export interface CookieTable {
  /** `cookies.html`: the table alone, as an embeddable fragment (classes and ids prefixed `policyc-`). */
  html: string;
  /** `cookies.json`: `{ policy, version, effective, cookies: [{ id, name, party, provider, purpose, lifetime, duration, category }] }`, plain text, 2-space indented, with a final newline. */
  json: string;
}

/**
 * Render the cookie table alone (`cookies.html.hbs`, scoped like the
 * fragment) and the cookies as JSON. Undefined when the document has no
 * cookies section, or when the template fails (see `renderer.diagnostics`).
 *
 * `cookies.html.hbs` receives the cookies section as the page's `cookies`
 * partial does (`items` with `anchor`, `name`, `providerLabel`, `purpose`,
 * `lifetimeLabel`, `durationLabel`, `categoryLabel`; `hasCategory`), plus
 * `lang`, `id`, `version`, `effective` and `t`.
 */
export function cookieTable(model: PolicyModel, renderer: Renderer): CookieTable | undefined {
  const p = model.policy;
  if (!p.cookies) return undefined;
  const view = pageView(
    model,
    renderer.messages(p.locale),
    htmlFormat((value) => new Handlebars.SafeString(value), renderer.imageHosts),
    { assets: '../assets/' },
  );
  const section = view.sections.find((s) => s.partial === 'cookies');
  if (!section) return undefined;
  const html = renderer.render('cookies.html.hbs', {
    ...section,
    lang: p.locale,
    id: p.id,
    version: p.version,
    effective: view.effective,
    t: view.t,
  });
  if (html === undefined) return undefined;
  const plain = (value: string) => proseToPlainText(value, 'text');
  const data = {
    policy: p.id,
    version: p.version,
    effective: p.effective,
    cookies: p.cookies.items.map((c) => ({
      id: c.id,
      name: c.name,
      party: c.party,
      provider: c.provider === undefined ? null : plain(c.provider),
      purpose: plain(c.purpose),
      lifetime: c.lifetime,
      duration: c.duration ?? null,
      category: c.category ?? null,
    })),
  };
  return { html: scopeHtml(html), json: `${JSON.stringify(data, null, 2)}\n` };
}
