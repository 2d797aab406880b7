// Synthetic policy wording: sentences, titles and labels drawn from a bank of
// privacy-policy vocabulary (so word diffs and Markdown rendering behave as on
// real prose), and a pseudo-translation that keeps Markdown syntax, links and
// addresses intact while changing every word.
import { hashString } from './prng.mjs';

const bank = `
we you your our us data personal information policy privacy service services website account
collect use process share store keep delete protect secure access request rights right consent
purpose purposes legal basis legitimate interest interests contract obligation law regulation
partner partners provider providers processor processors controller company group affiliates
cookie cookies device browser analytics advertising marketing email newsletter preferences
period months years retention archive backup security measures encryption servers country
transfer transfers safeguards clauses adequacy decision authority complaint officer contact
update updates change changes notice review time may will can must should also only when where
which that this these those such other any all each every some more less before after during
within under about between through including without because while unless until however
customer customers user users visitor visitors employee applicant supplier subscriber member
name address number phone location payment order history identifier profile usage activity
content message messages support feedback survey research statistics report reports quality
improve provide deliver operate maintain develop personalise measure understand respond manage
verify prevent detect fraud abuse misuse risk incident breach notify inform explain describe
reasonable appropriate necessary relevant limited accurate complete clear transparent fair
independent external internal automated manual regular occasional specific general separate
period duration expiry session persistent technical organisational contractual statutory
`
  .split(/\s+/)
  .filter(Boolean);

const capitalise = (word) => word.charAt(0).toUpperCase() + word.slice(1);

/** `count` words from the bank, space-separated. */
export function words(rng, count) {
  return Array.from({ length: count }, () => rng.pick(bank)).join(' ');
}

/** A kebab-case id of two bank words and a number (numbers keep ids unique as entities come and go). */
export function entityId(rng, prefix, n) {
  return `${prefix}-${rng.pick(bank)}-${n}`;
}

/** A title: two to five capitalised words. */
export function title(rng) {
  return words(rng, rng.int(2, 5)).split(' ').map(capitalise).join(' ');
}

/** One sentence of 8 to 26 words, now and then with a comma, a link or emphasis, as real policies have. */
export function sentence(rng) {
  const parts = words(rng, rng.int(8, 26)).split(' ');
  if (parts.length > 10 && rng.chance(0.4)) parts[rng.int(3, parts.length - 4)] += ',';
  if (rng.chance(0.08)) {
    const at = rng.int(1, parts.length - 2);
    parts[at] = `[${parts[at]} ${parts[at + 1]}](https://example.com/${parts[at]}-${parts[at + 1]})`.replace(/,/g, '');
    parts.splice(at + 1, 1);
    // eslint-disable-next-line no-dupe-else-if -- a second, independent draw
  } else if (rng.chance(0.08)) {
    const at = rng.int(1, parts.length - 1);
    parts[at] = `**${parts[at].replace(/,$/, '')}**`;
  }
  return `${capitalise(parts.join(' '))}.`;
}

/** A one-line description: a sentence without its full stop, lower-case start (it completes a lead-in). */
export function phrase(rng) {
  return words(rng, rng.int(4, 12));
}

/** A paragraph of prose as a list of sentences; now and then a bulleted list (each sentence an item). */
export function paragraph(rng) {
  const sentences = Array.from({ length: rng.int(2, 6) }, () => sentence(rng));
  return { list: rng.chance(0.15), sentences };
}

/** The Markdown of a list of paragraphs. */
export function proseMarkdown(paragraphs) {
  return `${paragraphs.map((p) => (p.list ? p.sentences.map((s) => `- ${s}`).join('\n') : p.sentences.join(' '))).join('\n\n')}\n`;
}

// Syllables per locale, so that each language's pseudo-words look different.
const syllables = {
  fr: ['la', 'le', 'de', 'ou', 'ti', 'on', 'eau', 'que', 'ment', 'ré', 'gi', 'es', 'tou', 'pri', 'vé'],
  de: ['ge', 'sch', 'ung', 'en', 'ver', 'ar', 'bei', 'ten', 'da', 'keit', 'str', 'ei', 'au', 'zu', 'lich'],
  es: ['la', 'ción', 'de', 'os', 'ma', 'ri', 'to', 'es', 'que', 'pa', 'da', 'mi', 'en', 'con', 'ro'],
  it: ['zi', 'one', 'la', 'del', 'ri', 'to', 'gli', 'ca', 'men', 'te', 'pe', 'so', 'na', 'vi', 'ta'],
};

/** The locales a project can be translated into, in the order they are used. */
export const locales = Object.keys(syllables);

/** A pseudo-word for `word` in `locale`: the same word always gives the same pseudo-word, without consuming randomness. */
function pseudoWord(word, locale) {
  const bankOfLocale = syllables[locale];
  let h = hashString(`${locale}:${word.toLowerCase()}`);
  let out = '';
  while (out.length < Math.max(2, word.length - 1)) {
    out += bankOfLocale[h % bankOfLocale.length];
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
  }
  return /^[A-Z]/.test(word) ? capitalise(out) : out;
}

// Left alone: link targets, autolinks, URLs and e-mail addresses (group 1); translated: words (group 2).
const token = /(\]\([^)]*\)|<[^>\s]+>|https?:\/\/\S+|[\w.+-]+@[\w.-]+|mailto:\S+)|([A-Za-z]+)/g;

/** Pseudo-translate Markdown text into `locale`: every word changes, Markdown, links and addresses stay. */
export function pseudoTranslate(text, locale) {
  return text.replace(token, (match, keep, word) => (keep ? keep : pseudoWord(word, locale)));
}
