import { diagnostic, fileStart } from '../diagnostics/diagnostic.js';
import { announcedByEmail, announcement, notificationFiles } from '../notify/announcement.js';
import { renderNotification } from '../notify/notification.js';
import type { Publishing } from './document.js';
import { cachedRendering } from './page-key.js';
import type { SiteOutput } from './site.js';

/**
 * The notification e-mail for the newest change, in each language whose
 * translations cover the newest version, under `dist/<id>/`:
 * `notify/<from>...<to>/` for the source's language, `<locale>/notify/...`
 * for a translation. None before a second release, nor when the newest
 * version's `changes.channels` leaves out `email` (an info diagnostic says so).
 */
export function publishNotifications(p: Publishing, files: SiteOutput): void {
  const { doc, releases, renderer, baseUrl } = p;
  const changes = p.changeSets[releases.length - 1];
  if (releases.length < 2 || !changes) return;
  const pair = { from: releases[releases.length - 2]!, to: releases[releases.length - 1]! };
  const source = pair.to.model.policy.locale;
  if (!announcedByEmail(pair.to.model.policy)) {
    renderer.diagnostics.push(
      diagnostic(
        pair.to.model.file,
        fileStart,
        'build-no-email-channel',
        'build',
        `No notification e-mail for ${pair.from.entry.version} to ${pair.to.entry.version}: version ${pair.to.entry.version} does not list \`email\` in \`changes.channels\``,
        { severity: 'info', hint: 'Add `email` to `changes.channels` (and release) when changes are to be told by e-mail.' },
      ),
    );
    return;
  }
  for (const lang of [p.locale, ...p.locales]) {
    // The e-mail is a function of what `announcement` reads (the pair's snapshots, the changes, the translations
    // and their notes, the site's address, the project's words) and the templates: the key holds those.
    const parts = { id: doc.id, lang, pair, changes, translations: p.translations, baseUrl, notify: p.settings.notify };
    const mail = cachedRendering(p, 'notification', parts, () => {
      const input = announcement(doc, pair, changes, {
        locale: lang,
        messages: renderer.messages(lang),
        baseUrl,
        ...(p.settings.notify ? { notify: p.settings.notify } : {}),
      });
      const rendered = input && renderNotification(input, renderer);
      return rendered ? notificationFiles(rendered) : null;
    });
    if (!mail) continue;
    const dir = `${lang === source ? '' : `${lang}/`}notify/${pair.from.entry.version}...${pair.to.entry.version}/`;
    for (const [name, content] of mail) files.set(`${p.id}/${dir}${name}`, content);
  }
}
