import { proseToPlainText } from '../markdown/prose.js';
import { fill } from '../model/messages.js';
import { languageName } from '../render/languages.js';
import { formatDate } from '../render/view-model.js';
import { pageContext, translationPage, type Publishing } from './document.js';
import type { SiteOutput } from './site.js';
import { str } from './version-bar.js';

/** Each translation renders the version it names, at <locale>/v/<version>/, and at <locale>/ when that version is the one in effect. */
export function publishTranslations(p: Publishing, files: SiteOutput): void {
  const { id, releases, currentIndex } = p;
  for (const tr of p.translations) {
    const i = releases.findIndex((r) => r.entry.version === tr.version);
    if (i < 0) continue;
    const at = `${tr.locale}/v/${tr.version}`;
    const versionPage = translationPage(p, tr, pageContext(p, { index: i, root: '../../../', isIndex: false, lang: tr.locale }, at));
    if (versionPage) {
      files.set(`${id}/${at}/index.html`, versionPage.html);
      files.set(`${id}/${at}/index.md`, versionPage.markdown);
    }
    if (i === currentIndex) {
      const indexPage = translationPage(p, tr, pageContext(p, { index: i, root: '../', isIndex: true, lang: tr.locale }, tr.locale));
      if (indexPage) {
        files.set(`${id}/${tr.locale}/index.html`, indexPage.html);
        files.set(`${id}/${tr.locale}/index.md`, indexPage.markdown);
      }
    }
  }
}

/**
 * A language whose translation does not cover the version in effect still
 * gets <locale>/index.html. When a coming version is translated, it is that
 * version in full, saying first that the one in effect exists in the
 * original only; otherwise a page in that language saying so, linking to the
 * version in effect and to the versions it has.
 */
export function publishUntranslated(p: Publishing, files: SiteOutput): void {
  const { id, releases, locale, translations, currentIndex, statuses, renderer } = p;
  for (const lang of p.locales) {
    if (files.has(`${id}/${lang}/index.html`)) continue;
    const tl = renderer.messages(lang);
    const sourceLanguage = languageName(locale, lang, false);
    const inEffect = {
      text: fill(str(tl.versions?.untranslated), { version: p.current.entry.version, language: sourceLanguage }),
      href: '../index.html',
      mdHref: '../index.md',
      lang: locale,
      label: fill(str(tl.versions?.readOriginal), { language: sourceLanguage }),
    };
    const coming = translations
      .filter((tr) => tr.locale === lang)
      .map((tr) => ({ tr, i: releases.findIndex((r) => r.entry.version === tr.version) }))
      .filter(({ i }) => i > currentIndex && statuses[i] === 'upcoming')
      .sort((a, b) => a.i - b.i)[0];
    if (coming) {
      const context = pageContext(p, { index: coming.i, root: '../', isIndex: true, lang }, lang);
      const indexPage = translationPage(p, coming.tr, { ...context, release: { ...context.release, inEffect } });
      if (indexPage) {
        files.set(`${id}/${lang}/index.html`, indexPage.html);
        files.set(`${id}/${lang}/index.md`, indexPage.markdown);
        continue;
      }
    }
    const translatedTitle = proseToPlainText(translations.find((tr) => tr.locale === lang)!.model.policy.title, 'text');
    const html = renderer.render('untranslated.html.hbs', {
      lang,
      t: tl,
      assets: '../../assets/',
      heading: translatedTitle,
      message: inEffect.text,
      original: { href: inEffect.href, lang: locale, label: inEffect.label },
      alternates: [{ lang: locale, href: '../index.html' }],
      translated: translations
        .filter((tr) => tr.locale === lang)
        .map((tr) => ({
          version: tr.version,
          href: `v/${tr.version}/index.html`,
          effective: { iso: tr.model.policy.effective, display: formatDate(tr.model.policy.effective, lang) },
        })),
    });
    if (html !== undefined) files.set(`${id}/${lang}/index.html`, html);
  }
}
