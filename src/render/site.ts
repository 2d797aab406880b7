import type { Diagnostic } from '../diagnostic.js';
import type { PolicyModel } from '../resolve/resolve.js';
import type { Renderer } from './templates.js';

/** The files of a built site, by their path relative to the output folder. */
export type SiteFiles = Map<string, string>;

/**
 * Render every model into the site's files: for each document
 * `<id>/index.html`, `<id>/index.md` and `<id>/policy.json`; the shared
 * `assets/`; and `index.html` listing the documents.
 */
export function compileSite(models: readonly PolicyModel[], renderer: Renderer): { files: SiteFiles; diagnostics: Diagnostic[] } {
  const files: SiteFiles = new Map();
  const sorted = [...models].sort((a, b) => (a.policy.id < b.policy.id ? -1 : a.policy.id > b.policy.id ? 1 : 0));
  for (const model of sorted) {
    const page = renderer.renderPolicy(model);
    if (!page) continue;
    const id = model.policy.id;
    files.set(`${id}/index.html`, page.html);
    files.set(`${id}/index.md`, page.markdown);
    files.set(`${id}/policy.json`, `${JSON.stringify(model.policy, null, 2)}\n`);
  }
  const index = renderer.renderIndex(sorted);
  if (index !== undefined) files.set('index.html', index);
  for (const [name, content] of renderer.assets) files.set(`assets/${name}`, content);
  return { files, diagnostics: [...renderer.diagnostics] };
}
