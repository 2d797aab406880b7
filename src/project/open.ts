import { existsSync } from 'node:fs';
import path from 'node:path';
import { diskCache, type Cache } from '../cache/cache.js';
import { loadConfig, type Config } from '../config/config.js';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import { leavesProject } from '../load/inside-project.js';
import { builtinTemplatesDir, readTemplates, type TemplateSet } from '../load/read-templates.js';
import type { Renderer } from '../render/templates.js';
import { projectPaths, type ProjectOptions, type ProjectPaths } from './options.js';
import type { BuildSession } from './session.js';

/** A renderer, or with it the diagnostic that the templates folder asked for could not be used. */
export interface ProjectRenderer {
  renderer: Renderer;
  missing?: Diagnostic;
}

/**
 * A project opened for one run: its paths with every default applied, its
 * config (read once for every stage), its cache (opened once), and its
 * renderer (made when first asked for).
 */
export interface OpenProject extends ProjectPaths {
  /** The project's `policyc.config.json` (empty when absent or invalid: see `configDiagnostics`). */
  config: Config;
  /** Problems reading the config. */
  configDiagnostics: Diagnostic[];
  /** The config file's text, when there is one. */
  configText?: string;
  /** The cache the options name, when they name one. */
  cache?: Cache;
  /** The renderer for a templates folder (`templates` when it exists, or the one named), made once per folder. */
  renderer(templates: string | undefined): Promise<ProjectRenderer>;
  /** What the builds before this one in the same process left to reuse (`serve`). */
  session?: BuildSession;
}

/** Open a project: apply the option defaults, read the config, open the cache (through the session's memory, with one). */
export async function openProject(options: ProjectOptions, session?: BuildSession): Promise<OpenProject> {
  const paths = projectPaths(options);
  const { config, diagnostics: configDiagnostics, text: configText } = await loadConfig(paths.cwd);
  const opened = openCache(options.cache, paths.cwd);
  const cache = session ? session.cache(opened) : opened;
  const renderers = new Map<string | undefined, Promise<ProjectRenderer>>();
  return {
    ...paths,
    config,
    configDiagnostics,
    ...(configText !== undefined ? { configText } : {}),
    ...(cache ? { cache } : {}),
    ...(session ? { session } : {}),
    renderer(templates) {
      let made = renderers.get(templates);
      if (!made) renderers.set(templates, (made = loadRenderer(paths.cwd, templates, config, session)));
      return made;
    },
  };
}

/** The cache an option names: a folder (relative to `cwd`), a given cache, or none. */
function openCache(option: ProjectOptions['cache'], cwd: string): Cache | undefined {
  if (option === undefined || option === false) return undefined;
  if (typeof option !== 'string') return option;
  const dir = path.resolve(cwd, option);
  return diskCache(dir, { root: cwd, display: path.relative(cwd, dir) || dir });
}

/**
 * The renderer for a project: the built-in templates overlaid with the
 * templates folder (`templates/` when it exists, or the one named). A named
 * folder that does not exist is reported in `missing`.
 */
async function loadRenderer(
  cwd: string,
  templates: string | undefined,
  config: Config,
  session: BuildSession | undefined,
): Promise<ProjectRenderer> {
  // Handlebars and the Markdown processors load with the renderer, so a run that renders nothing (validate) never loads them.
  const { createRenderer } = await import('../render/templates.js');
  const imageHosts = config.images?.allowHosts ?? [];
  // A session keeps the renderer, its templates compiled, while they and the image hosts stay the same.
  const make = (set: TemplateSet) =>
    session ? session.renderer(set, imageHosts, () => createRenderer(set, { imageHosts })) : createRenderer(set, { imageHosts });
  const overrideDir = path.resolve(cwd, templates ?? 'templates');
  if (leavesProject(overrideDir, cwd)) {
    const shown = path.relative(cwd, overrideDir);
    const outside = diagnostic(
      shown,
      fileStart,
      'templates-folder-outside',
      'templates',
      `Templates folder \`${shown}\` is a symbolic link that leads out of the project: it was not read`,
      {
        hint: 'Replace the link with the folder itself, or name a folder outside the project explicitly with `--templates DIR`.',
      },
    );
    return { renderer: make(await readTemplates([], cwd)), missing: outside };
  }
  const overrides = existsSync(overrideDir) ? [overrideDir] : [];
  const read = () => readTemplates(overrides, cwd);
  const renderer = make(await (session ? session.templates([builtinTemplatesDir, ...overrides], read) : read()));
  if (templates === undefined || overrides.length) return { renderer };
  const shown = path.relative(cwd, overrideDir) || overrideDir;
  const missing = diagnostic(shown, fileStart, 'templates-folder-missing', 'templates', `Templates folder \`${shown}\` does not exist`, {
    hint: 'Name an existing folder with `--templates DIR`, or leave the option out to use the built-in templates.',
  });
  return { renderer, missing };
}
