import Handlebars from 'handlebars';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { messagesFor, type Messages } from './messages.js';
import { normaliseMarkdown } from './prose.js';
import { formatDate, htmlFormat, markdownFormat, pageView, type OutputFormat } from './view-model.js';

/** Template files by their path relative to the templates folder (`page.html.hbs`, `partials/cookies.md.hbs`, `assets/policy.css`, `locales/en.json`), with the folder each came from. */
export interface TemplateSet {
  files: Map<string, { content: string; origin: string }>;
}

/** A page and its files, rendered. */
export interface RenderedPolicy {
  html: string;
  markdown: string;
}

/** Renders policies through one set of templates, compiled once. */
export interface Renderer {
  /** Render a policy's page as HTML and Markdown; undefined when a template fails (see `diagnostics`). */
  renderPolicy(model: PolicyModel): RenderedPolicy | undefined;
  /** Render the site's index of documents. */
  renderIndex(models: readonly PolicyModel[]): string | undefined;
  /** Static files to copy into `dist/assets/`, by name. */
  assets: Map<string, string>;
  /** Problems with the templates themselves, found while compiling or rendering. */
  diagnostics: Diagnostic[];
}

type Template = (data: unknown) => string;

/**
 * Compile a template set. HTML templates escape every value except rendered
 * prose (which is sanitized); Markdown templates receive values already
 * escaped for Markdown, and their output is normalised by remark.
 */
export function createRenderer(templates: TemplateSet): Renderer {
  const diagnostics: Diagnostic[] = [];
  const html = Handlebars.create();
  const md = Handlebars.create();
  const compiled = new Map<string, Template>();
  const messages = new Map<string, Messages>();
  const assets = new Map<string, string>();

  const fail = (name: string, error: unknown) => {
    const origin = templates.files.get(name)?.origin ?? '';
    const text = error instanceof Error ? error.message : String(error);
    const line = Number(/line (\d+)/.exec(text)?.[1] ?? 1);
    const file = origin ? `${origin}/${name}` : name;
    diagnostics.push(
      diagnostic(file, { start: { line, column: 1 }, end: { line, column: 1 } }, 'template-error', 'templates', `Template \`${name}\` failed: ${text.split('\n')[0]}`, {
        hint: 'Fix the template, or delete your copy to use the built-in one.',
      }),
    );
  };

  for (const [name, { content }] of templates.files) {
    const partial = /^partials\/(.+)\.(html|md)\.hbs$/.exec(name);
    try {
      // Handlebars compiles lazily; parsing now reports syntax errors against the right file.
      if (name.endsWith('.hbs')) Handlebars.parse(content);
      if (partial) {
        const env = partial[2] === 'html' ? html : md;
        env.registerPartial(partial[1]!, env.compile(content, { noEscape: partial[2] === 'md', preventIndent: true }));
      } else if (name.endsWith('.html.hbs')) {
        compiled.set(name, html.compile(content));
      } else if (name.endsWith('.md.hbs')) {
        compiled.set(name, md.compile(content, { noEscape: true }));
      } else if (name.startsWith('locales/') && name.endsWith('.json')) {
        messages.set(name.slice('locales/'.length, -'.json'.length), JSON.parse(content) as Messages);
      } else if (name.startsWith('assets/')) {
        assets.set(name.slice('assets/'.length), content);
      }
    } catch (error) {
      fail(name, error);
    }
  }

  // A template that failed to compile would only cause follow-on errors when rendering.
  const broken = diagnostics.length > 0;
  const htmlOut = htmlFormat((value) => new Handlebars.SafeString(value));
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
  const view = (model: PolicyModel, format: OutputFormat) =>
    pageView(model, messagesFor(model.policy.locale, messages), format, { assets: '../assets/' });

  return {
    diagnostics,
    assets,
    renderPolicy(model) {
      const page = run('page.html.hbs', view(model, htmlOut));
      const markdown = run('page.md.hbs', view(model, markdownFormat));
      if (page === undefined || markdown === undefined) return undefined;
      return { html: page, markdown: normaliseMarkdown(markdown) };
    },
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
