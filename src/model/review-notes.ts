import { eachString } from './fields.js';
import type { Policy } from './policy.generated.js';

/** An entry marked for review (`review`, see `$defs.ReviewNote`): where its note is, how to name the entry, and the note. */
export interface ReviewMark {
  /** The path of the `review` field (`['cookies', 'items', 2, 'review']`). */
  path: (string | number)[];
  /** The entry in words, its name in backticks (“the cookie `_ga`”). */
  entry: string;
  note: string;
}

/** What an entry is, by the list it is in; another list's entry is named by its list. */
const entryNouns: Record<string, string> = {
  'cookies.items': 'the cookie',
  'cookies.technologies': 'the tracking technology',
  'sharing.recipients': 'the recipient',
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
    const noun = entryNouns[list] ?? `the entry of \`${list}\``;
    // A cookie by its name, which its readers know it by; others by their id.
    const name = list === 'cookies.items' ? entry?.name : entry?.id;
    marks.push({ path, entry: name === undefined ? noun : `${noun} \`${name}\``, note: value });
  });
  return marks;
}
