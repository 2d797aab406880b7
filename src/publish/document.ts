import { cached, cacheKey } from '../cache/cache.js';
import type { ChangeSet } from '../diff/types.js';
import { releaseChanges } from '../history/release-changes.js';
import type { Release } from '../history/verify.js';
import { proseToPlainText } from '../markdown/prose.js';
import type { Messages } from '../model/messages.js';
import type { Status } from '../render/history-pages.js';
import { translatedLocales, type Alternate } from '../render/languages.js';
import type { PageContext, RenderedPolicy, Renderer } from '../render/templates.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { sha256 } from '../util/hash.js';
import { keepHeapWithinBudget } from './heap-budget.js';
import type { PublishedTranslation, SiteSettings, VersionedDocument } from './site.js';
import { versionAlternates, versionBar, type PagePlace, type VersionBar, type VersionBarSource } from './version-bar.js';

/**
 * A released document as its publishing steps see it: its releases, where
 * each stands on the build date, the changes between them, its languages,
 * and how its pages are rendered (cached).
 */
export interface Publishing extends VersionBarSource {
  doc: VersionedDocument;
  id: string;
  releases: Release[];
  latest: Release;
  /** The version in effect, and its index. */
  current: Release;
  currentIndex: number;
  statuses: Status[];
  /** Each release's changes from the one before (undefined for the first). */
  changeSets: (ChangeSet | undefined)[];
  /** The messages of the source's language. */
  t: Messages;
  /** The newest version's title, as plain text. */
  title: string;
  baseUrl: string;
  translations: PublishedTranslation[];
  /** The locales the document is translated into (any version). */
  locales: string[];
  renderer: Renderer;
  settings: SiteSettings;
}

/** Everything the publishing steps of a released document share, computed once. */
export function publishing(doc: VersionedDocument, renderer: Renderer, settings: SiteSettings): Publishing {
  const releases = doc.releases;
  const latest = releases[releases.length - 1]!;
  const status = (i: number): Status => {
    if (settings.date < releases[i]!.entry.effective) return 'upcoming';
    const next = releases[i + 1];
    return next && settings.date >= next.entry.effective ? 'superseded' : 'current';
  };
  const statuses = releases.map((_, i) => status(i));
  const currentIndex = Math.max(0, statuses.lastIndexOf('current'));
  return {
    doc,
    id: doc.id,
    releases,
    latest,
    current: releases[currentIndex]!,
    currentIndex,
    statuses,
    changeSets: releases.map((r, i) => (i === 0 ? undefined : releaseChanges(releases[i - 1]!, r, settings.materiality, settings.cache))),
    t: renderer.messages(latest.model.policy.locale),
    locale: latest.model.policy.locale,
    title: proseToPlainText(latest.model.policy.title, 'text'),
    baseUrl: ensureSlash(settings.baseUrl ?? latest.model.policy.controller.website?.url ?? 'https://example.invalid/'),
    translations: doc.translations ?? [],
    locales: translatedLocales(doc),
    renderer,
    settings,
  };
}

/** The page context of version `index` at a place: its version bar and its languages, as seen from `at` (a path from dist/<id>/). */
export function pageContext(p: Publishing, place: PagePlace, at: string): PageContext & { release: VersionBar; alternates: Alternate[] } {
  return {
    root: place.root,
    release: versionBar(p, place, p.renderer.messages(place.lang)),
    alternates: versionAlternates(p, place, at, `${p.baseUrl}${p.id}/`),
  };
}

/** A released version's page, cached: a function of its snapshot, the templates and where the page sits. */
export function versionPage(p: Publishing, i: number, context: PageContext): RenderedPolicy | undefined {
  return policyPage(p, p.releases[i]!.model, () => p.releases[i]!.entry.sha256, context);
}

/** A translation's page, cached: a translated model has no file of its own to hash, so its content is its identity. */
export function translationPage(p: Publishing, tr: PublishedTranslation, context: PageContext): RenderedPolicy | undefined {
  return policyPage(p, tr.model, () => contentDigest(tr.model), context);
}

// A released version's page is a function of its snapshot, the templates and where the page sits: cached under all three.
function policyPage(p: Publishing, model: PolicyModel, digest: () => string, context: PageContext): RenderedPolicy | undefined {
  const { renderer, settings } = p;
  // Stored as the HTML's length, a newline, the HTML and the Markdown: pages are large, and JSON would escape every quote and newline.
  const stored = cached(
    settings.cache,
    () => cacheKey('policy-page', renderer.digest, digest(), context),
    () => {
      const page = renderer.renderPolicy(model, context);
      keepHeapWithinBudget();
      return page && `${page.html.length}\n${page.html}${page.markdown}`;
    },
  );
  if (stored === undefined) return undefined;
  const newline = stored.indexOf('\n');
  const end = newline + 1 + Number(stored.slice(0, newline));
  return { html: stored.slice(newline + 1, end), markdown: stored.slice(end) };
}

/** A hash of a model's content. */
function contentDigest(model: PolicyModel): string {
  return sha256(JSON.stringify(model.policy));
}

/** A URL ending in a slash. */
export function ensureSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
