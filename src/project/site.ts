import type { Cache } from '../cache/cache.js';
import { materialityOverrides } from '../config/config.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compileSite, type SiteFiles, type SiteOutput } from '../publish/site.js';
import { loadMarkdownParser } from '../markdown/parser-slot.js';
import { checkProject, type ValidateOptions } from './check.js';
import { openProject } from './open.js';
import { today } from './options.js';
import type { BuildSession } from './session.js';

/** Options of `build`. */
export interface BuildOptions extends ValidateOptions {
  /** Output folder (default: `dist`). */
  out?: string;
  /** Folder whose files override the built-in templates by name (default: `templates`, when it exists). */
  templates?: string;
  /** The date the site is built for (YYYY-MM-DD): the version in effect then is the current one (default: today). */
  date?: string;
  /** Also publish a working document that differs from its latest release, under `draft/`. */
  drafts?: boolean;
  /** Absolute URL where the output folder is published (default: `baseUrl` in policyc.config.json, else the controller's website). */
  baseUrl?: string;
}

/** The outcome of `compile`: the site's files, unless an error prevented them. */
export interface CompileResult {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  files?: SiteFiles;
}

/**
 * Validate the project and compile the site in memory: every file of it, or
 * the diagnostics that prevented it (a document, history, config or
 * template error). `build` writes the result; `serve` serves it.
 */
export async function compile(options: Omit<BuildOptions, 'out'> = {}, session?: BuildSession): Promise<CompileResult> {
  const prepared = await prepareSite(options, session);
  const done = (diagnostics: Diagnostic[], files?: SiteFiles): CompileResult => ({
    diagnostics: sortDiagnostics(diagnostics),
    sources: prepared.sources,
    ...(files ? { files } : {}),
  });
  if (!prepared.compile) return done(prepared.diagnostics);
  const site = prepared.compile(new Map());
  return hasErrors(site.diagnostics) ? done(site.diagnostics) : done(site.diagnostics, site.files);
}

/** A validated project with its templates, ready to compile into an output; or the diagnostics that prevent it. */
export interface PreparedSite {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** Compile every file into `output`; the diagnostics returned include validation's. */
  compile?: <T extends SiteOutput>(output: T) => { files: T; diagnostics: Diagnostic[] };
  /** The cache validation opened, for `build` to prune. */
  cache?: Cache;
}

/** Open and validate the project and make its renderer: everything a site is compiled from (reusing what `session` kept). */
export async function prepareSite(options: Omit<BuildOptions, 'out'>, session?: BuildSession): Promise<PreparedSite> {
  const project = await openProject(options, session);
  const checked = await checkProject(project, options);
  const { sources, config } = checked;
  if (hasErrors(checked.diagnostics)) return { diagnostics: checked.diagnostics, sources };
  // The site renders prose (and its drafts are diffed): the Markdown parser loads with the renderer.
  const [templates] = await Promise.all([project.renderer(options.templates), loadMarkdownParser()]);
  if (templates.missing) return { diagnostics: [...checked.diagnostics, templates.missing], sources };
  const { renderer } = templates;
  const baseUrl = options.baseUrl ?? config.baseUrl;
  const settings = {
    date: options.date ?? today(),
    drafts: options.drafts ?? false,
    ...(baseUrl ? { baseUrl } : {}),
    materiality: materialityOverrides(config),
    ...(config.notify ? { notify: config.notify } : {}),
    ...(checked.cache ? { cache: checked.cache } : {}),
  };
  return {
    diagnostics: checked.diagnostics,
    sources,
    compile: (output) => {
      const site = compileSite(checked.documents, renderer, settings, output);
      // A cache found unsafe while rendering says so too (sortDiagnostics drops the copy validation already reported).
      return { files: site.files, diagnostics: [...checked.diagnostics, ...site.diagnostics, ...(checked.cache?.diagnostics ?? [])] };
    },
    ...(checked.cache ? { cache: checked.cache } : {}),
  };
}
