import Handlebars from 'handlebars';
import { cached, cacheKey } from '../cache/cache.js';
import { fill } from '../model/messages.js';
import { redline } from '../render/redline.js';
import { redlineHtml } from '../render/redline-html.js';
import { pageContext, versionPage, type Publishing } from './document.js';
import { keepHeapWithinBudget } from './heap-budget.js';
import type { SiteOutput } from './site.js';
import { str } from './version-bar.js';

/** The version in effect at `dist/<id>/` (its page with the JSON-LD given for its head, and `policy.json`). */
export function publishCurrent(p: Publishing, files: SiteOutput, jsonLd: Handlebars.SafeString): void {
  const { id, currentIndex, locale } = p;
  const page = versionPage(p, currentIndex, {
    ...pageContext(p, { index: currentIndex, root: '', isIndex: true, lang: locale }, ''),
    jsonLd,
  });
  if (page) {
    files.set(`${id}/index.html`, page.html);
    files.set(`${id}/index.md`, page.markdown);
  }
  files.set(`${id}/policy.json`, policyJson(p.current.model.policy));
}

/**
 * Every version at `v/<version>/`, and the redline of each against the one
 * before at `compare/<from>...<to>/`: one version at a time, its page then its
 * redline, so what is rendered for a version is dropped before the next.
 */
export function publishVersions(p: Publishing, files: SiteOutput): void {
  const { id, releases, locale } = p;
  const redlines = comparePages(p, files);
  releases.forEach((r, i) => {
    const page = versionPage(p, i, pageContext(p, { index: i, root: '../../', isIndex: false, lang: locale }, `v/${r.entry.version}`));
    if (page) {
      files.set(`${id}/v/${r.entry.version}/index.html`, page.html);
      files.set(`${id}/v/${r.entry.version}/index.md`, page.markdown);
    }
    if (i > 0) redlines(i);
  });
}

/** A function that publishes the redline of version i against the one before it. */
function comparePages(p: Publishing, files: SiteOutput): (i: number) => void {
  const { id, releases, renderer, settings, t, title } = p;
  const common = { lang: p.locale, t, title, id, assets: '', controller: p.latest.model.policy.controller };
  const labels = {
    movedAfter: str(t.compare?.movedAfter),
    movedFromStart: str(t.compare?.movedFromStart),
    linkChanged: str(t.compare?.linkChanged),
  };
  // The redline compares the pages without their version bars, which always differ; only their Markdown is needed, and only for pairs not cached.
  const bare = new Map<number, string | undefined>();
  const bareMarkdown = (i: number) => {
    if (!bare.has(i)) bare.set(i, renderer.renderMarkdown(releases[i]!.model, { root: '../../' }));
    return bare.get(i);
  };
  return (i: number) => {
    const r = releases[i]!;
    const from = releases[i - 1]!;
    const data = {
      ...common,
      assets: '../../../assets/',
      root: '../../',
      heading: fill(str(t.compare?.title), { title, from: from.entry.version, to: r.entry.version }),
      from: { version: from.entry.version, href: `../../v/${from.entry.version}/index.html` },
      to: { version: r.entry.version, href: `../../v/${r.entry.version}/index.html` },
    };
    const compare = cached(
      settings.cache,
      () => cacheKey('compare-page', renderer.digest, from.entry.sha256, r.entry.sha256, data),
      () => {
        const before = bareMarkdown(i - 1);
        const after = bareMarkdown(i);
        if (before === undefined || after === undefined) return undefined;
        const body = redlineHtml(redline(before, after), labels);
        keepHeapWithinBudget();
        return renderer.render('compare.html.hbs', { ...data, body: new Handlebars.SafeString(body) });
      },
    );
    if (compare !== undefined) files.set(`${id}/compare/${from.entry.version}...${r.entry.version}/index.html`, compare);
    bare.delete(i - 1);
  };
}

/** A document's `policy.json`. */
export function policyJson(policy: unknown): string {
  return `${JSON.stringify(policy, null, 2)}\n`;
}
