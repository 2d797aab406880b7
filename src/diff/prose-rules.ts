// Verdicts on reworded text: what the words can tell (an assurance gone, a purpose broadened, a link moved), else who must judge.
import { proseToPlainText } from '../markdown/prose-tree.js';
import type { Verdict } from './field-rules.js';
import type { EntityKind, FieldChange } from './types.js';
import { humanField } from './wording.js';

/**
 * Words that, gained by a purpose's description, extend what data is used for
 * (stems, matched at the start of a word): "provide" becoming "provide,
 * protect and improve". A purpose reworded without them is for a person to judge.
 */
const broadeningStems = [
  'improv',
  'develop',
  'advertis',
  'ads',
  'market',
  'shar',
  'sell',
  'sale',
  'train',
  'personali',
  'profil',
  'research',
  'partner',
  'affiliat',
  'third',
  'infer',
  'combin',
  'new product',
  'new service',
];

/** The entities whose text says what is done with data: rewording them may change it. */
const dataEntities: ReadonlySet<EntityKind> = new Set([
  'category',
  'context',
  'not-collected',
  'purpose',
  'feature',
  'recipient',
  'transfer',
  'right',
  'scope-item',
  'exclusion',
]);

/** The built-in sections about data, sharing, purposes, rights, security, law enforcement or scope. */
const dataSections: ReadonlySet<string> = new Set([
  'scope',
  'collection',
  'purposes',
  'features',
  'sharing',
  'transfers',
  'retention',
  'security',
  'children',
  'rights',
  'governmentRequests',
]);

/** Fields that name a thing rather than say what is done: rewording them is editorial. */
const namingFields = /(^|\.)(title|label|name)$/;

/** Sentences that promise something is not done: "We do not sell ...", "We never receive ...". */
const assurance = /^we (do not|don['’]t|never|will not|won['’]t|will never|shall not|cannot|are not|aren['’]t)\b/i;

const plain = (value: unknown) => (typeof value === 'string' ? proseToPlainText(value, 'text') : '');
const sentences = (value: string) =>
  value
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

/** The sentences of a text that promised something is not done and that its new text no longer has. */
export function lostAssurances(before: unknown, after: unknown): string[] {
  const kept = new Set(sentences(plain(after)).map((s) => s.toLowerCase()));
  return sentences(plain(before)).filter((s) => assurance.test(s) && !kept.has(s.toLowerCase()));
}

/** The verdict on a reworded text (`words` set) or a text removed, or undefined for plain rewording. */
export function judgeProse(entity: EntityKind, id: string, f: FieldChange): Verdict | undefined {
  const before = plain(f.before);
  const after = plain(f.after);
  const field = humanField(f.field);
  const lost = lostAssurances(f.before, f.after);
  if (lost.length) return { rule: 'assurance-removed', material: true, clause: `no longer says “${lost[0]}”` };
  if (!f.words) return undefined;
  if (before === after) return { rule: 'link-changed', material: false, clause: `changes a link in the ${field}` };
  if (entity === 'purpose' && f.field === 'description') {
    const added = (f.words ?? [])
      .filter((w) => w.added)
      .map((w) => w.value.toLowerCase())
      .join(' ');
    const stem = broadeningStems.find((s) => new RegExp(`\\b${s}`).test(added));
    return stem
      ? { rule: 'purpose-broadened', material: true, clause: `broadens what it is for (was “${before}”)` }
      : { rule: 'purpose-reworded', material: false, clause: `rewords what it is for (was “${before}”)` };
  }
  const aboutData = dataEntities.has(entity) || (entity === 'section' && dataSections.has(id));
  if (aboutData && !namingFields.test(f.field)) return { rule: 'wording-review', material: false, clause: `rewords the ${field}` };
  return undefined;
}
