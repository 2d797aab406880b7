import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PolicyModel } from '../resolve/resolve.js';
import type { TemplateFile, TemplateSet } from '../load/read-templates.js';
import { messagesFor, overlayMessages, type Messages } from '../model/messages.js';
import { markdownAnchor } from '../markdown/escape.js';
import { normaliseMarkdown } from '../markdown/normalise.js';
import { type ImageHosts } from '../markdown/sanitise.js';
import { sha256 } from '../util/hash.js';
import { shippedTemplates, templateKind, type PrecompiledTemplate } from './precompiled.js';
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
  /** Render a policy's page as HTML only (for the embeddable fragment, where the Markdown is not needed). */
  renderHtml(model: PolicyModel, context?: PageContext): string | undefined;
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
  /** The shipped templates compiled when the package was built (default: `shippedTemplates()`; an empty map compiles every template at run time). */
  precompiled?: ReadonlyMap<string, PrecompiledTemplate>;
}

type Template = (data: unknown, options?: Handlebars.RuntimeOptions) => string;

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
  const fail: Fail = (name, error) => diagnostics.push(templateDiagnostic(templates, name, error));
  const { compiled, messages, assets } = compileTemplates(templates, fail, options.precompiled ?? shippedTemplates());
  // A template that failed to compile would only cause follow-on errors when rendering.
  const run = templateRunner(compiled, diagnostics.length > 0, fail);
  return {
    diagnostics,
    assets,
    digest: templateDigest(templates, imageHosts),
    imageHosts,
    render: run,
    messages: (locale) => messagesFor(locale, messages),
    ...pageRenderers(run, messages, imageHosts),
  };
}

/** Records a problem with a template, by the template's name. */
type Fail = (name: string, error: unknown) => void;

/** Renders a template by name; undefined when it is missing or fails (recorded through `Fail`). */
type Run = (name: string, data: unknown) => string | undefined;

/** A template set, compiled: the templates by name, the locales' messages, and the assets as they are. */
interface CompiledTemplates {
  compiled: Map<string, Template>;
  messages: Map<string, Messages>;
  assets: Map<string, string | Uint8Array>;
}

/** A template's failure as a diagnostic, against the file it came from and the line Handlebars names. */
function templateDiagnostic(templates: TemplateSet, name: string, error: unknown): Diagnostic {
  const origin = templates.files.get(name)?.origin ?? '';
  const text = error instanceof Error ? error.message : String(error);
  const line = Number(/line (\d+)/.exec(text)?.[1] ?? 1);
  const file = origin ? `${origin}/${name}` : name;
  return diagnostic(
    file,
    { start: { line, column: 1 }, end: { line, column: 1 } },
    'template-error',
    'templates',
    `Template \`${name}\` failed: ${text.split('\n')[0]}`,
    {
      hint: 'Fix the template, or delete your copy to use the built-in one.',
    },
  );
}

/** Compile every template and partial, read every locale and set the assets aside; a file that fails is reported and skipped. */
function compileTemplates(templates: TemplateSet, fail: Fail, precompiled: ReadonlyMap<string, PrecompiledTemplate>): CompiledTemplates {
  const environments = { html: Handlebars.create(), md: Handlebars.create() };
  // Markdown has no ids: `{{anchorTag anchor}}` writes the HTML page's id as an empty anchor (escaped, as no other value there is).
  environments.md.registerHelper('anchorTag', (id: unknown) => (typeof id === 'string' && id ? markdownAnchor(id) : ''));
  const result: CompiledTemplates = { compiled: new Map(), messages: new Map(), assets: new Map() };
  for (const [name, file] of templates.files) {
    if (name.startsWith('assets/')) {
      result.assets.set(name.slice('assets/'.length), file.content);
      continue;
    }
    for (const layer of layers(file)) {
      const content = typeof layer.content === 'string' ? layer.content : Buffer.from(layer.content).toString('utf8');
      try {
        compileFile(name, content, environments, result, precompiled.get(name));
      } catch (error) {
        fail(name, error);
      }
    }
  }
  return result;
}

/** A file and the files it is laid over, bottom first. */
function layers(file: TemplateFile): TemplateFile[] {
  return file.under ? [...layers(file.under), file] : [file];
}

/**
 * Compile one template file into its place: a partial of its format, a page
 * template, or a locale's messages. A template whose text is the shipped
 * one's (same hash) takes the spec compiled when the package was built;
 * any other is compiled here.
 */
function compileFile(
  name: string,
  content: string,
  environments: Record<'html' | 'md', typeof Handlebars>,
  result: CompiledTemplates,
  shipped: PrecompiledTemplate | undefined,
): void {
  const kind = templateKind(name);
  if (kind) {
    const env = environments[kind.format];
    let template: Template;
    if (shipped && shipped.sha256 === sha256(content)) {
      // Loaded when first run: a build whose pages come from its cache runs few templates.
      let loaded: Template | undefined;
      template = (...args) => (loaded ??= env.template(shipped.spec()))(...args);
    } else {
      // Handlebars compiles lazily; parsing now reports syntax errors against the right file.
      Handlebars.parse(content);
      template = env.compile(content, kind.options);
    }
    if (kind.partial !== undefined) env.registerPartial(kind.partial, template);
    else result.compiled.set(name, template);
  } else if (name.endsWith('.hbs')) {
    // Not a template policyc renders, but a syntax error in it is still reported.
    Handlebars.parse(content);
  } else if (name.startsWith('locales/') && name.endsWith('.json')) {
    const locale = name.slice('locales/'.length, -'.json'.length);
    result.messages.set(locale, localeFile(content, result.messages.get(locale)));
  }
}

/**
 * A locale file's messages, laid over those of the same locale from the
 * folders read before (policyc's own): a project's file need only hold the
 * labels it rewords.
 */
function localeFile(content: string, below: Messages | undefined): Messages {
  const parsed: unknown = JSON.parse(content);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('a locale file must hold a JSON object of message groups');
  return below ? overlayMessages(below, parsed) : (parsed as Messages);
}

/** Run templates by name, reporting a missing or failing one; with `broken` (a template failed to compile), run none. */
function templateRunner(compiled: ReadonlyMap<string, Template>, broken: boolean, fail: Fail): Run {
  return (name, data) => {
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
}

/** A hash of every template file and of the image hosts: what a cached page rendered with them is keyed by. */
function templateDigest(templates: TemplateSet, imageHosts: readonly string[]): string {
  const digest = createHash('sha256');
  // Text and bytes alike are hashed as bytes (text as UTF-8), so an asset's digest is that of what is copied.
  for (const name of [...templates.files.keys()].sort()) {
    for (const layer of layers(templates.files.get(name)!)) digest.update(`${name}\0`).update(layer.content).update('\0');
  }
  // Pages show different images under a different allow-list: cached pages are keyed by it too.
  if (imageHosts.length) digest.update(`\0images\0${imageHosts.join(' ')}`);
  return digest.digest('hex');
}

/** Render a policy's page (HTML and Markdown) and the site's index through compiled templates. */
function pageRenderers(
  run: Run,
  messages: ReadonlyMap<string, Messages>,
  imageHosts: ImageHosts,
): Pick<Renderer, 'renderPolicy' | 'renderHtml' | 'renderMarkdown' | 'renderIndex'> {
  const htmlOut = htmlFormat((value) => new Handlebars.SafeString(value), imageHosts);
  const markdownOut = markdownOutput(imageHosts);
  const view = pageViews(messages);
  const renderMarkdown = (model: PolicyModel, context: PageContext = { root: '' }): string | undefined => {
    const markdown = run('page.md.hbs', view(model, markdownOut, context));
    return markdown === undefined ? undefined : normaliseMarkdown(markdown);
  };
  const renderHtml = (model: PolicyModel, context: PageContext = { root: '' }): string | undefined =>
    run('page.html.hbs', view(model, htmlOut, context));
  return {
    renderPolicy(model, context = { root: '' }) {
      const page = renderHtml(model, context);
      const markdown = renderMarkdown(model, context);
      if (page === undefined || markdown === undefined) return undefined;
      return { html: page, markdown };
    },
    renderHtml,
    renderMarkdown,
    renderIndex: (models) => run('index.html.hbs', indexView(models, messages, htmlOut)),
  };
}

/** The data a page template receives: the policy's view in a format, and where the page sits. */
function pageViews(messages: ReadonlyMap<string, Messages>): (model: PolicyModel, format: OutputFormat, context: PageContext) => unknown {
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
  return (model, format, context) => ({
    ...viewOf(model, format, `${context.root}../assets/`),
    root: context.root,
    release: context.release,
    draft: context.draft,
    alternates: context.alternates ?? [],
    jsonLd: context.jsonLd,
  });
}

/** The data `index.html.hbs` receives: the site's documents, in the first one's language. */
function indexView(models: readonly PolicyModel[], messages: ReadonlyMap<string, Messages>, htmlOut: OutputFormat): unknown {
  const locale = models[0]?.policy.locale ?? 'en';
  return {
    lang: locale,
    t: messagesFor(locale, messages),
    documents: models.map((m) => ({
      id: m.policy.id,
      title: htmlOut.convert(m.policy.title, 'text'),
      version: m.policy.version,
      effective: { iso: m.policy.effective, display: formatDate(m.policy.effective, m.policy.locale) },
    })),
  };
}
