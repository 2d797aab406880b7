import type { NotifySettings } from '../notify/wording.js';
import type { Cache } from '../cache/cache.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MaterialityOverrides } from '../diff/diff.js';
import type { Release } from '../history/verify.js';
import { fragmentCss } from '../render/extras.js';
import type { Renderer } from '../render/templates.js';
import type { PolicyModel } from '../resolve/resolve.js';
import type { ReviewFile } from '../validate/review-decisions.js';
import { publishChangelog } from './changelog.js';
import { ensureSlash, publishing } from './document.js';
import { publishDraft } from './drafts.js';
import { publishExtras } from './extras.js';
import { keepHeapWithinBudget } from './heap-budget.js';
import { withFormattedValues } from './intl-memo.js';
import { withMarkdownPieces } from './markdown-pieces.js';
import { publishNotifications } from './notifications.js';
import { publishSubprocessors } from './subprocessor-pages.js';
import { publishTranslations, publishUntranslated } from './translations.js';
import { policyJson, publishCurrent, publishVersions } from './versions.js';

export { changesToHtml, changesToMarkdown } from '../render/change-lists.js';

/** The files of a built site, by their path relative to the output folder: text, or bytes (assets are copied byte for byte). */
export type SiteFiles = Map<string, string | Uint8Array>;

/** Where a site's files go as they are rendered: a `SiteFiles` map, or a staged output folder (see `stageSite`). */
export interface SiteOutput {
  set(name: string, content: string | Uint8Array): unknown;
  has(name: string): boolean;
}

/** A document with its working model (when valid) and its released versions, oldest first. */
export interface VersionedDocument {
  id: string;
  working?: PolicyModel;
  releases: Release[];
  /** Valid translations: the version each renders, in its locale. */
  translations?: PublishedTranslation[];
  /** The valid working translation files (`policy/<id>.<locale>.yaml`), with the version each names: what `release` freezes. */
  workingTranslations?: { locale: string; version: string; file: string }[];
  /** The decisions on its changes to review (`policy/review/<id>.yaml`), when the file is there and valid. */
  review?: ReviewFile;
}

/** A valid translation of one version: frozen in the history, or the working translation file. */
export interface PublishedTranslation {
  locale: string;
  /** The version it translates. */
  version: string;
  /** The version's model with its texts translated. */
  model: PolicyModel;
  /** Display path of the file it was read from. */
  file?: string;
  /** Whether it was frozen into the history (else it is the working translation file). */
  frozen?: boolean;
  /** The release note in its locale (Markdown), frozen with it. */
  note?: string;
}

/** What the site is built for. */
export interface SiteSettings {
  /** The date (YYYY-MM-DD) whose version in effect is the current one. */
  date: string;
  /** Publish working documents that differ from their latest release, under `draft/`. */
  drafts: boolean;
  /** Absolute URL where the output folder is published, for the feed and e-mails (default: the controller's website). */
  baseUrl?: string;
  /** The project's materiality overrides. */
  materiality?: MaterialityOverrides;
  /** The project's words for notification e-mails (`notify` in policyc.config.json). */
  notify?: NotifySettings;
  /** Pages of released versions rendered by earlier builds, by what they were rendered from. */
  cache?: Cache;
}

/**
 * Render every document into the site's files. For a document with
 * releases: the version in effect (`<id>/index.html`, `.md`, `policy.json`),
 * every version at `v/<version>/`, the versions list, the changelog
 * (`changelog/`, `CHANGELOG.md`, `changes.json`), a redline per consecutive
 * pair at `compare/<from>...<to>/`, an Atom feed, and the notification e-mail
 * for the newest change. A document never released is published as it is.
 */
export function compileSite<T extends SiteOutput = SiteFiles>(
  documents: readonly VersionedDocument[],
  renderer: Renderer,
  settings: SiteSettings,
  files: T = new Map() as SiteOutput as T,
): { files: T; diagnostics: Diagnostic[] } {
  withFormattedValues(settings.cache, () =>
    withMarkdownPieces(settings.cache, () => {
      const listed: PolicyModel[] = [];
      for (const doc of documents) {
        const shown = doc.releases.length
          ? compileVersioned(doc, renderer, settings, files)
          : doc.working && compileUnreleased(doc.working, renderer, settings, files);
        if (shown) listed.push(shown);
      }
      const index = renderer.renderIndex(listed);
      if (index !== undefined) files.set('index.html', index);
    }),
  );
  for (const [name, content] of renderer.assets) files.set(`assets/${name}`, content);
  // The embeddable fragment's stylesheet, every rule scoped under .policyc-policy.
  if (!files.has('assets/fragment.css')) files.set('assets/fragment.css', fragmentCss);
  return { files, diagnostics: [...renderer.diagnostics] };
}

function compileUnreleased(model: PolicyModel, renderer: Renderer, settings: SiteSettings, files: SiteOutput): PolicyModel | undefined {
  const baseUrl = ensureSlash(settings.baseUrl ?? model.policy.controller.website?.url ?? 'https://example.invalid/');
  const jsonLd = publishExtras(model, renderer, files, baseUrl);
  const page = renderer.renderPolicy(model, { root: '', jsonLd });
  if (!page) return undefined;
  const id = model.policy.id;
  files.set(`${id}/index.html`, page.html);
  files.set(`${id}/index.md`, page.markdown);
  files.set(`${id}/policy.json`, policyJson(model.policy));
  return model;
}

/**
 * A released document, step by step: the version in effect and its extras,
 * every version and redline, the translations, the languages whose
 * translation misses the version in effect, the versions list, changelog,
 * `changes.json` and feed, the notification e-mails, the subprocessor
 * list with its feed and e-mail, and the draft.
 */
function compileVersioned(doc: VersionedDocument, renderer: Renderer, settings: SiteSettings, files: SiteOutput): PolicyModel | undefined {
  const p = publishing(doc, renderer, settings);
  const jsonLd = publishExtras(p.current.model, renderer, files, p.baseUrl, { cache: settings.cache, digest: p.current.entry.sha256 });
  const steps = [
    publishVersions,
    publishTranslations,
    publishUntranslated,
    publishChangelog,
    publishNotifications,
    publishSubprocessors,
    publishDraft,
  ];
  publishCurrent(p, files, jsonLd);
  // Each step renders pages of its own: the garbage of one is collected before the next when it is over the budget.
  for (const step of steps) {
    keepHeapWithinBudget();
    step(p, files);
  }
  return p.current.model;
}
