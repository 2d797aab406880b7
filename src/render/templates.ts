import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PolicyModel } from '../resolve/resolve.js';
import type { TemplateSet } from '../load/read-templates.js';
import { messagesFor, type Messages } from '../model/messages.js';
import { normaliseMarkdown } from '../markdown/normalise.js';
import { type ImageHosts } from '../markdown/sanitise.js';
import { formatDate, htmlFormat, markdownOutput, pageView, type OutputFormat, type PageView } from './view-model.js';

export type { TemplateSet };

/** A page and its files, rendered. */
export interface RenderedPolicy {
  html: string;
  markdown: string;
}

/** Renders policies through one set of templates, compiled once. */
export interface Renderer {
  /** Render a policy's page as HTML and Markdown; undefined when a template fails (see `diagnostics`). */
  renderPolicy(model: PolicyModel, context?: PageContext): RenderedPolicy | undefined;
  /** Render a policy's page as Markdown only (for comparing versions, where the HTML is not needed). */
  renderMarkdown(model: PolicyModel, context?: PageContext): string | undefined;
  /** Render the site's index of documents. */
  renderIndex(models: readonly PolicyModel[]): string | undefined;
  /** Render any template by name (`changelog.html.hbs`); undefined when it fails (see `diagnostics`). */
  render(name: string, data: unknown): string | undefined;
  /** The labels of a locale (falling back to its language, then English). */
  messages(locale: string): Messages;
  /** Static files to copy into `dist/assets/`, by name, as bytes (or text). */
  assets: Map<string, string | Uint8Array>;
  /** Problems with the templates themselves, found while compiling or rendering. */
  diagnostics: Diagnostic[];
  /** A hash of every template, partial, locale file and asset, and of the render options: what a cached page rendered with them is keyed by. */
  digest: string;
  /** Other hosts prose may show images from (`RendererOptions.imageHosts`). */
  imageHosts: ImageHosts;
}

/** How a renderer renders, besides its templates. */
export interface RendererOptions {
  /** Host names prose may show images from besides the site itself (the config's `images.allowHosts`); other remote images are dropped. */
  imageHosts?: readonly string[];
}

type Template = (data: unknown) => string;

/** Where a page sits and what it is: its path back to the document's folder, and its version bar or draft banner. */
export interface PageContext {
  /** Relative path from the page to `dist/<id>/` (`''` for the document's index, `../../` for `v/<version>/`). */
  root: string;
  /** The version bar: this version's status, dates and neighbours (see docs/templates.md). */
  release?: unknown;
  /** The draft banner and the changes since the latest release. */
  draft?: unknown;
  /** The page in other languages: `{lang, href, label, current}` for hreflang links and the language switcher. */
  alternates?: unknown[];
  /** The policy's facts as a JSON-LD `<script>` element for the page's head (already escaped). */
  jsonLd?: unknown;
}

/**
 * Compile a template set. HTML templates escape every value except rendered
 * prose (which is sanitized); Markdown templates receive values already
 * escaped for Markdown, and their output is normalised by remark.
 */
export function createRenderer(templates: TemplateSet, options: RendererOptions = {}): Renderer {
  const imageHosts = [...new Set((options.imageHosts ?? []).map((host) => host.toLowerCase()))].sort();
  const diagnostics: Diagnostic[] = [...(templates.problems ?? [])];
  const html = Handlebars.create();
  const md = Handlebars.create();
  const compiled = new Map<string, Template>();
  const messages = new Map<string, Messages>();
  const assets = new Map<string, string | Uint8Array>();

  const fail = (name: string, error: unknown) => {
    const origin = templates.files.get(name)?.origin ?? '';
    const text = error instanceof Error ? error.message : String(error);
    const line = Number(/line (\d+)/.exec(text)?.[1] ?? 1);
    const file = origin ? `${origin}/${name}` : name;
    diagnostics.push(
      diagnostic(
        file,
        { start: { line, column: 1 }, end: { line, column: 1 } },
        'template-error',
        'templates',
        `Template \`${name}\` failed: ${text.split('\n')[0]}`,
        {
          hint: 'Fix the template, or delete your copy to use the built-in one.',
        },
      ),
    );
  };

  for (const [name, file] of templates.files) {
    if (name.startsWith('assets/')) {
      assets.set(name.slice('assets/'.length), file.content);
      continue;
    }
    const content = typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
    const partial = /^partials\/(.+)\.(html|md)\.hbs$/.exec(name);
    try {
      // Handlebars compiles lazily; parsing now reports syntax errors against the right file.
      if (name.endsWith('.hbs')) Handlebars.parse(content);
      if (partial) {
        const env = partial[2] === 'html' ? html : md;
        env.registerPartial(partial[1]!, env.compile(content, { noEscape: partial[2] === 'md', preventIndent: true }));
      } else if (name.endsWith('.html.hbs') || name.endsWith('.xml.hbs')) {
        // XML needs the same escaping as HTML text and attributes.
        compiled.set(name, html.compile(content));
      } else if (name.endsWith('.md.hbs') || name.endsWith('.txt.hbs')) {
        compiled.set(name, md.compile(content, { noEscape: true }));
      } else if (name.startsWith('locales/') && name.endsWith('.json')) {
        messages.set(name.slice('locales/'.length, -'.json'.length), JSON.parse(content) as Messages);
      }
    } catch (error) {
      fail(name, error);
    }
  }

  // A template that failed to compile would only cause follow-on errors when rendering.
  const broken = diagnostics.length > 0;
  const htmlOut = htmlFormat((value) => new Handlebars.SafeString(value), imageHosts);
  const markdownOut = markdownOutput(imageHosts);
  const run = (name: string, data: unknown): string | undefined => {
    if (broken) return undefined;
    const template = compiled.get(name);
    if (!template) {
      fail(name, new Error('template is missing'));
      return undefined;
    }
    try {
      return template(data);
    } catch (error) {
      fail(name, error);
      return undefined;
    }
  };
  // A version's page and its bare Markdown (for its redline), rendered one after the other, share the model's views;
  // only the last model's are kept (views are as large as the document, and a build renders versions one at a time).
  let views: { model: PolicyModel; byKey: Map<string, PageView> } | undefined;
  const viewOf = (model: PolicyModel, format: OutputFormat, assets: string) => {
    if (views?.model !== model) views = { model, byKey: new Map() };
    const key = `${format.name}\0${assets}`;
    let found = views.byKey.get(key);
    if (!found) views.byKey.set(key, (found = pageView(model, messagesFor(model.policy.locale, messages), format, { assets })));
    return found;
  };
  const view = (model: PolicyModel, format: OutputFormat, context: PageContext) => ({
    ...viewOf(model, format, `${context.root}../assets/`),
    root: context.root,
    release: context.release,
    draft: context.draft,
    alternates: context.alternates ?? [],
    jsonLd: context.jsonLd,
  });

  const renderMarkdown = (model: PolicyModel, context: PageContext = { root: '' }): string | undefined => {
    const markdown = run('page.md.hbs', view(model, markdownOut, context));
    return markdown === undefined ? undefined : normaliseMarkdown(markdown);
  };

  const digest = createHash('sha256');
  // Text and bytes alike are hashed as bytes (text as UTF-8), so an asset's digest is that of what is copied.
  for (const name of [...templates.files.keys()].sort()) digest.update(`${name}\0`).update(templates.files.get(name)!.content).update('\0');
  // Pages show different images under a different allow-list: cached pages are keyed by it too.
  if (imageHosts.length) digest.update(`\0images\0${imageHosts.join(' ')}`);

  return {
    diagnostics,
    assets,
    digest: digest.digest('hex'),
    imageHosts,
    render: run,
    messages: (locale) => messagesFor(locale, messages),
    renderPolicy(model, context = { root: '' }) {
      const page = run('page.html.hbs', view(model, htmlOut, context));
      const markdown = renderMarkdown(model, context);
      if (page === undefined || markdown === undefined) return undefined;
      return { html: page, markdown };
    },
    renderMarkdown,
    renderIndex(models) {
      const locale = models[0]?.policy.locale ?? 'en';
      const t = messagesFor(locale, messages);
      return run('index.html.hbs', {
        lang: locale,
        t,
        documents: models.map((m) => ({
          id: m.policy.id,
          title: htmlOut.convert(m.policy.title, 'text'),
          version: m.policy.version,
          effective: { iso: m.policy.effective, display: formatDate(m.policy.effective, m.policy.locale) },
        })),
      });
    },
  };
}
