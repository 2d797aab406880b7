import { announcement, notificationFiles } from '../notify/announcement.js';
import { renderNotification } from '../notify/notification.js';
import type { Publishing } from './document.js';
import type { SiteOutput } from './site.js';

/**
 * The notification e-mail for the newest change, in each language whose
 * translations cover the newest version, under `dist/<id>/`:
 * `notify/<from>...<to>/` for the source's language, `<locale>/notify/...`
 * for a translation. None before a second release.
 */
export function publishNotifications(p: Publishing, files: SiteOutput): void {
  const { doc, releases, renderer, baseUrl } = p;
  const changes = p.changeSets[releases.length - 1];
  if (releases.length < 2 || !changes) return;
  const pair = { from: releases[releases.length - 2]!, to: releases[releases.length - 1]! };
  const source = pair.to.model.policy.locale;
  for (const lang of [p.locale, ...p.locales]) {
    const input = announcement(doc, pair, changes, { locale: lang, messages: renderer.messages(lang), baseUrl });
    const mail = input && renderNotification(input, renderer);
    if (!mail) continue;
    const dir = `${lang === source ? '' : `${lang}/`}notify/${pair.from.entry.version}...${pair.to.entry.version}/`;
    for (const [name, content] of notificationFiles(mail)) files.set(`${p.id}/${dir}${name}`, content);
  }
}
