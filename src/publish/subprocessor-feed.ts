import Handlebars from 'handlebars';
import { escapeHtml } from '../markdown/escape.js';
import { proseToHtml, proseToPlainText } from '../markdown/prose.js';
import { fill } from '../model/messages.js';
import type { Publishing } from './document.js';
import { tagUri } from './feed.js';
import type { ListLanguage } from './subprocessor-pages.js';
import { toldChanges } from './subprocessor-changes.js';
import { listHeading, subprocessorLabel } from './subprocessor-words.js';

/**
 * The Atom feed of a language's subprocessor changes (`feed.xml.hbs`, as the
 * changelog's feed): an entry per release that changes the list, dated the
 * day it was released and announced, none released after the build date.
 * An entry lists the changes in plain sentences and how to object.
 */
export function subprocessorFeed(p: Publishing, l: ListLanguage): string | undefined {
  const { id, releases, baseUrl } = p;
  const title = proseToPlainText(l.texts.title, 'text');
  const page = `${baseUrl}${id}/${l.dir}subprocessors/`;
  const stamp = (date: string) => `${date}T00:00:00Z`;
  const tag = (suffix = '') => tagUri(baseUrl, releases[0]!.entry.effective, `${id}/${l.dir}subprocessors${suffix}`);
  const objection = l.texts.sharing?.subprocessors?.objection;
  const entries = releases
    .map((r, i) => ({ r, told: toldChanges(p, i, l) }))
    .filter(({ r, told }) => told.sentences.length && r.entry.released <= p.settings.date)
    .reverse()
    .map(({ r, told }) => {
      const count = told.sentences.length;
      const parts = [`<ul>${told.sentences.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`];
      if (objection)
        parts.push(
          `<p><strong>${escapeHtml(subprocessorLabel(l.t, 'objection'))}</strong></p>`,
          `<p>${proseToHtml(objection, 'text')}</p>`,
        );
      return {
        id: tag(`/${r.entry.version}`),
        title: fill(subprocessorLabel(l.t, 'entryTitle'), { version: r.entry.version }),
        link: `${page}index.html`,
        published: stamp(r.entry.released),
        updated: stamp(r.entry.released),
        summary: fill(subprocessorLabel(l.t, count === 1 ? 'entrySummaryOne' : 'entrySummary'), { count: String(count), title }),
        content: new Handlebars.SafeString(escapeHtml(parts.join('\n'))),
      };
    });
  return p.renderer.render('feed.xml.hbs', {
    lang: l.lang,
    t: l.t,
    title: listHeading(l.texts, l.t),
    id,
    assets: '',
    controller: p.latest.model.policy.controller,
    feedId: tag(),
    self: `${page}feed.xml`,
    alternate: `${page}index.html`,
    updated: entries[0]?.updated ?? stamp(p.settings.date),
    author: proseToPlainText(p.latest.model.policy.controller.name, 'text'),
    entries,
  });
}
