import { eachString } from './fields.js';
import type { Policy } from './policy.generated.js';

/** An entry marked for review (`review`, see `$defs.ReviewNote`): where its note is, how to name the entry, and the note. */
export interface ReviewMark {
  /** The path of the `review` field (`['cookies', 'items', 2, 'review']`). */
  path: (string | number)[];
  /** The entry in words, its name in backticks (“the cookie `_ga`”). */
  entry: string;
  /** The entry's name as the page shows it (a cookie's `name`, else its id), and its anchor on the page. */
  name: string;
  anchor: string;
  note: string;
}

/** What an entry is and its anchor's prefix on the page, by the list it is in; another list's entry is named by its list. */
const entryKinds: Record<string, { noun: string; anchor: string }> = {
  'cookies.items': { noun: 'the cookie', anchor: 'cookie' },
  'cookies.technologies': { noun: 'the tracking technology', anchor: 'technology' },
  'sharing.recipients': { noun: 'the recipient', anchor: 'recipient' },
};

/** Every entry of a document marked for review, in document order. */
export function reviewMarks(policy: Policy): ReviewMark[] {
  const marks: ReviewMark[] = [];
  eachString(policy, ({ path, value }) => {
    if (path[path.length - 1] !== 'review') return;
    const entryPath = path.slice(0, -1);
    const entry = entryPath.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], policy) as
      { id?: string; name?: string } | undefined;
    const list = entryPath.filter((key) => typeof key === 'string').join('.');
    const kind = entryKinds[list] ?? { noun: `the entry of \`${list}\``, anchor: list.split('.')[0]! };
    // A cookie by its name, which its readers know it by; others by their id.
    const name = (list === 'cookies.items' ? entry?.name : entry?.id) ?? String(entryPath.at(-1));
    marks.push({ path, entry: `${kind.noun} \`${name}\``, name, anchor: `${kind.anchor}-${entry?.id ?? ''}`, note: value });
  });
  return marks;
}
