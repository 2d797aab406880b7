import Handlebars from 'handlebars';
import type { PolicyModel } from '../resolve/resolve.js';
import { proseToPlainText } from '../markdown/prose.js';
import type { Renderer } from './templates.js';
import { htmlFormat, pageView } from './view-model.js';

// The summary page has a module of its own; callers import it from here with the other extra outputs.
export { extraLabels, renderSummary, type SummaryOptions } from './summary.js';

/** The prefix of every class and id in the embeddable fragments. */
export const fragmentPrefix = 'policyc-';

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
  // Only the page's HTML is needed (its Markdown is rendered with the page itself, if at all).
  const page = renderer.renderHtml(model, { root: '' });
  if (page === undefined) return undefined;
  // The page's `<article class="policy">` would become a second `policyc-policy`, the fragment root's own class.
  const body = pageBody(page).replace(/<article class="policy"/, '<article class="policy-document"');
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
  /** `cookies.json`: `{ policy, version, effective, cookies: [{ id, name, party, provider, purpose, lifetime, duration, category }] }` (with `pattern` and `domain` for a cookie that states them), plain text, 2-space indented, with a final newline. */
  json: string;
}

/**
 * Render the cookie table alone (`cookies.html.hbs`, scoped like the
 * fragment) and the cookies as JSON. Undefined when the document has no
 * cookies section, or when the template fails (see `renderer.diagnostics`).
 *
 * `cookies.html.hbs` receives the cookies section as the page's `cookies`
 * partial does (`items` with `anchor`, `name`, `providerLabel`, `purpose`,
 * `lifetimeLabel`, `durationLabel`, `categoryLabel`, `patternLabel`, `domainLabel`; `hasCategory`, `hasDomain`), plus
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
    cookies: (p.cookies.items ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      party: c.party,
      provider: c.provider === undefined ? null : plain(c.provider),
      purpose: plain(c.purpose),
      lifetime: c.lifetime,
      duration: c.duration ?? null,
      category: c.category ?? null,
      // The names and domain a consent manager matches, only where stated (a table of named cookies stays as it was).
      ...(c.pattern === undefined ? {} : { pattern: c.pattern }),
      ...(c.domain === undefined ? {} : { domain: c.domain }),
    })),
  };
  return { html: scopeHtml(html), json: `${JSON.stringify(data, null, 2)}\n` };
}
