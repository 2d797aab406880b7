import type { Policy } from '../model/policy.generated.js';
import { addDays } from '../util/days.js';
import { parseDuration } from '../util/duration.js';

/** A recipient of personal data, as the document declares it. */
export type Recipient = NonNullable<NonNullable<Policy['sharing']>['recipients']>[number];

/** A processor of a version, with its place in `sharing.recipients`. */
export interface Processor {
  recipient: Recipient;
  index: number;
}

/** The subprocessors of a version: its recipients whose `role` is `processor`, in the document's order. */
export function processorsOf(policy: Policy): Processor[] {
  return (policy.sharing?.recipients ?? []).flatMap((recipient, index) => (recipient.role === 'processor' ? [{ recipient, index }] : []));
}

/** Whether a processor was listed among `earlier` ids: by its own id, or one it `replaces` (a rename is not a new subprocessor). */
export function listedBefore(recipient: Recipient, earlier: ReadonlySet<string>): boolean {
  return earlier.has(recipient.id) || (recipient.replaces ?? []).some((id) => earlier.has(id));
}

/** The processors of `next` that `previous` did not list. */
export function newProcessors(previous: Policy, next: Policy): Processor[] {
  const earlier = new Set(processorsOf(previous).map((p) => p.recipient.id));
  return processorsOf(next).filter((p) => !listedBefore(p.recipient, earlier));
}

/**
 * The transfer mechanisms that protect data sent to a recipient: those of the
 * `transfers.items` whose `recipient` names it, alone or in a list ("A, B and
 * C"); a recipient named as a list ("A and B") by any of its names. Read
 * from the document's own language, where the names are the ones it declares.
 */
export function mechanismsOf(policy: Policy, recipient: Recipient): string[] {
  const parts = (text: string) =>
    text
      .toLowerCase()
      .split(/\s*(?:,|;|\band\b)\s*/)
      .map((part) => part.trim())
      .filter(Boolean);
  const names = new Set(parts(recipient.name));
  const found = (policy.transfers?.items ?? [])
    .filter((t) => parts(t.recipient).some((part) => names.has(part)))
    .flatMap((t) => t.mechanisms);
  return [...new Set(found)];
}

/** The first day after a notice period given on `date` (a Duration such as `30 days`; hours and minutes round up to whole days). */
export function noticeEnds(date: string, duration: string): string | undefined {
  const parsed = parseDuration(duration);
  if (!parsed) return undefined;
  const { amount: count, unit } = parsed;
  if (unit === 'minute') return addDays(date, Math.ceil(count / 1440));
  if (unit === 'hour') return addDays(date, Math.ceil(count / 24));
  if (unit === 'day' || unit === 'week') return addDays(date, unit === 'week' ? count * 7 : count);
  const day = new Date(`${date}T00:00:00Z`);
  const months = unit === 'year' ? count * 12 : count;
  const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
  // The same day of the month, or the month's last when it is shorter (31 January + 1 month is 28 or 29 February).
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
}

/** A new subprocessor announced too late, or with no date to check. */
export interface NoticeProblem {
  message: string;
  /** Where, in the document: the recipient, or its `since`. */
  path: (string | number)[];
  hint: string;
}

/**
 * The subprocessors of `next` that are new against `previous` and are not
 * announced `sharing.subprocessors.notice` ahead: a `since` before the day
 * the notice given on `announced` (the release date, or today for a working
 * document) ends, or no `since` at all. Nothing without
 * `sharing.subprocessors` (no notice is promised) or without a previous
 * version (the first list is not a change).
 */
export function subprocessorNoticeProblems(previous: Policy | undefined, next: Policy, announced: string): NoticeProblem[] {
  const notice = next.sharing?.subprocessors?.notice;
  if (!previous || notice === undefined) return [];
  const earliest = noticeEnds(announced, notice);
  if (earliest === undefined) return [];
  return newProcessors(previous, next).flatMap(({ recipient, index }): NoticeProblem[] => {
    const at = ['sharing', 'recipients', index];
    const since = recipient.since;
    if (since === undefined) {
      return [
        {
          message: `Subprocessor \`${recipient.id}\` is new since version \`${previous.version}\` but has no \`since\`: customers cannot tell when it starts`,
          path: at,
          hint: `Add \`since: ${earliest}\` (or later) to it: the day it starts receiving data, at least ${notice} after the notice on ${announced}.`,
        },
      ];
    }
    if (since >= earliest) return [];
    return [
      {
        message: `Subprocessor \`${recipient.id}\` starts on ${since}, less than ${notice} after its notice on ${announced}`,
        path: [...at, 'since'],
        hint: `Set \`since\` to ${earliest} or later, so that customers have ${notice} to object before it starts (\`sharing.subprocessors.notice\`).`,
      },
    ];
  });
}
