import Handlebars from 'handlebars';
import { cachedJson, cacheKey, type Cache } from '../cache/cache.js';
import { cookieTable, renderFragment, renderSummary } from '../render/extras.js';
import { jsonLdScript, policyJsonLd } from '../render/jsonld.js';
import type { Renderer } from '../render/templates.js';
import type { PolicyModel } from '../resolve/resolve.js';
import type { SiteOutput } from './site.js';

/**
 * The machine-readable and embeddable forms of the version in effect: the
 * summary notice, the fragment, the cookie table (HTML and JSON) and the
 * JSON-LD (written as policy.jsonld, and returned for the page's head).
 */
export function publishExtras(
  model: PolicyModel,
  renderer: Renderer,
  files: SiteOutput,
  baseUrl: string,
  cache?: { cache: Cache | undefined; digest: string },
): Handlebars.SafeString {
  const id = model.policy.id;
  const render = () => {
    const out: Record<string, string> = {};
    const summary = renderSummary(model, renderer, { root: '' });
    if (summary !== undefined) out[`${id}/summary.html`] = summary;
    const fragment = renderFragment(model, renderer, { stylesheet: `${baseUrl}assets/fragment.css` });
    if (fragment !== undefined) out[`${id}/fragment.html`] = fragment;
    const cookies = cookieTable(model, renderer);
    if (cookies) {
      out[`${id}/cookies.html`] = cookies.html;
      out[`${id}/cookies.json`] = cookies.json;
    }
    const ld = policyJsonLd(model, { url: `${baseUrl}${id}/index.html`, messages: renderer.messages(model.policy.locale) });
    out[`${id}/policy.jsonld`] = `${JSON.stringify(ld, null, 2)}\n`;
    return { files: out, script: jsonLdScript(ld) };
  };
  const extras = cache ? cachedJson(cache.cache, () => cacheKey('extras', renderer.digest, cache.digest, baseUrl), render)! : render();
  for (const [file, content] of Object.entries(extras.files)) files.set(file, content);
  return new Handlebars.SafeString(extras.script);
}
