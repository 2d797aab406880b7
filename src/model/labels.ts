import { readFileSync } from 'node:fs';
import type { Messages } from '../render/messages.js';

/**
 * The built-in English labels (templates/locales/en.json), for text that is
 * data rather than page (change summaries). Pages use the templates' own
 * locale files, which a user may override.
 */
export const englishLabels: Messages = JSON.parse(
  readFileSync(new URL('../../templates/locales/en.json', import.meta.url), 'utf8'),
) as Messages;

/** The English label of an enum value (`mechanism`, `eu-us-safe-harbor` -> "U.S.-EU Safe Harbor Framework"). */
export function enumLabel(group: string, value: string): string {
  return englishLabels.enums[group]?.[value] ?? value;
}
