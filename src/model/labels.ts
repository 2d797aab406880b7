import { readFileSync } from 'node:fs';
import { lazyObject } from '../util/lazy.js';
import type { Messages } from './messages.js';

/**
 * The built-in English labels (templates/locales/en.json), for text that is
 * data rather than page (change summaries). Pages use the templates' own
 * locale files, which a user may override. Read on first use.
 */
export const englishLabels: Messages = lazyObject(
  () => JSON.parse(readFileSync(new URL('../../templates/locales/en.json', import.meta.url), 'utf8')) as Messages,
);

/** The English label of an enum value (`mechanism`, `eu-us-safe-harbor` -> "U.S.-EU Safe Harbor Framework"). */
export function enumLabel(group: string, value: string): string {
  return englishLabels.enums[group]?.[value] ?? value;
}
