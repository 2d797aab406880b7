import { readdirSync, readFileSync } from 'node:fs';
import { createRequire as requireFor } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { sha256 } from '../util/hash.js';

/** How a template file is compiled, by its name: a partial, a page template, or neither (not a template). */
export interface TemplateKind {
  format: 'html' | 'md';
  partial?: string;
  options: CompileOptions;
}

type CompileOptions = Parameters<typeof Handlebars.precompile>[1];

/** A template shipped with policyc, compiled when the package was built: its source's hash, and its Handlebars template spec (loaded when first asked for). */
export interface PrecompiledTemplate {
  sha256: string;
  spec(): TemplateSpecification;
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** The compile options of a template file, by its path in the templates folder; undefined for a file that is not a template. */
export function templateKind(name: string): TemplateKind | undefined {
  const partial = /^partials\/(.+)\.(html|md)\.hbs$/.exec(name);
  if (partial) {
    const format = partial[2] as 'html' | 'md';
    return { format, partial: partial[1]!, options: { noEscape: format === 'md', preventIndent: true } };
  }
  // XML needs the same escaping as HTML text and attributes.
  if (name.endsWith('.html.hbs') || name.endsWith('.xml.hbs')) return { format: 'html', options: {} };
  if (name.endsWith('.md.hbs') || name.endsWith('.txt.hbs')) return { format: 'md', options: { noEscape: true } };
  return undefined;
}

/**
 * Where `npm run prepare` writes the shipped templates compiled: lib/render/precompiled/,
 * found from lib/'s modules, the CLI's bundle and chunks (all two folders
 * deep in the package) and from src/ under the tests alike. `index.cjs` holds
 * each template's source hash by name; each template's spec is a module of its own,
 * so a build loads only those it renders.
 */
export const precompiledDir = fileURLToPath(new URL('../../lib/render/precompiled/', import.meta.url));

let shipped: ReadonlyMap<string, PrecompiledTemplate> | undefined;

/**
 * The shipped templates as compiled when the package was built, by name; an
 * empty map when there are none (a checkout before `npm run prepare`). Only
 * these files of policyc's own package are ever evaluated, never one from a
 * project or a cache: a project's template is used precompiled only when its
 * text hashes to that of the shipped template it was compiled from (see
 * `createRenderer`).
 */
export function shippedTemplates(): ReadonlyMap<string, PrecompiledTemplate> {
  if (!shipped) {
    const load = requireFor(import.meta.url);
    try {
      const hashes = load(path.join(precompiledDir, 'index.cjs')) as Record<string, string>;
      shipped = new Map(
        Object.entries(hashes).map(([name, sha256]) => [
          name,
          { sha256, spec: () => load(path.join(precompiledDir, specFile(name))) as TemplateSpecification },
        ]),
      );
    } catch {
      shipped = new Map();
    }
  }
  return shipped;
}

/** A template's spec module, by the template's name (`partials/cookies.html.hbs` → `partials--cookies.html.hbs.cjs`). */
const specFile = (name: string) => `${name.replaceAll('/', '--')}.cjs`;

/**
 * The modules `shippedTemplates` loads, by file name: every template under
 * `dir` (policyc's own templates/) precompiled with the options it is
 * compiled with at run time, and `index.cjs` with each one's source hash.
 * Run by scripts/precompile-templates.mjs.
 */
export function precompileTemplates(dir: string): Map<string, string> {
  const modules = new Map<string, string>();
  const hashes: Record<string, string> = {};
  for (const name of listTemplates(dir)) {
    const source = readFileSync(path.join(dir, name), 'utf8');
    hashes[name] = sha256(source);
    modules.set(specFile(name), `'use strict';\nmodule.exports = ${Handlebars.precompile(source, templateKind(name)!.options)};\n`);
  }
  modules.set('index.cjs', `'use strict';\nmodule.exports = ${JSON.stringify(hashes, null, 1)};\n`);
  return modules;
}

/** The template files below `dir`, by relative path with forward slashes, sorted. */
function listTemplates(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const name = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return listTemplates(dir, name);
      return entry.isFile() && templateKind(name) ? [name] : [];
    });
}
