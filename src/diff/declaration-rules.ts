// Field rules for what a document declares so that a scan can account for it (cookie name patterns and domains,
// the hosts and storage keys of recipients and tracking technologies) and for the subprocessor list (`since`).
// Their values are names, not prose: summaries quote them as code, so that a `*` or `_` is not read as emphasis.
import { hostCovers, patternCovers } from '../util/patterns.js';
import type { FieldRule, Verdict } from './field-rules.js';

const code = (value: unknown) => `\`${String(value)}\``;
const codes = (values: readonly unknown[]) => values.map(code).join(', ');

/** A cookie that covers more names: a `pattern` added (the cookie was its `name` alone), or changed to match names it did not. */
const cookiePatternRule: FieldRule = ({ change: { before, after }, old }) => {
  if (after === undefined) return { rule: 'detail-removed', material: false, clause: `no longer covers names matching ${code(before)}` };
  const was = before ?? old?.name;
  if (typeof was === 'string' && patternCovers(was, String(after)))
    return { rule: 'detail-changed', material: false, clause: `covers only names matching ${code(after)} instead of ${code(before)}` };
  return {
    rule: 'cookie-names-widened',
    material: true,
    clause:
      before === undefined
        ? `now covers every name matching ${code(after)}`
        : `now covers names matching ${code(after)} instead of ${code(before)}`,
  };
};

/** A cookie set for another domain (a domain stated where it was the website's own, or a different one); narrowing it is a detail. */
const cookieDomainRule: FieldRule = ({ change: { before, after } }) => {
  if (after === undefined)
    return { rule: 'detail-removed', material: false, clause: `is now set for the website’s own domain instead of ${code(before)}` };
  if (typeof before === 'string' && hostCovers(before, String(after)))
    return { rule: 'detail-changed', material: false, clause: `is now set for ${code(after)} only, instead of ${code(before)}` };
  return {
    rule: 'cookie-domain-changed',
    material: true,
    clause: before === undefined ? `is now set for ${code(after)}` : `is now set for ${code(after)} instead of ${code(before)}`,
  };
};

/** The generic verdicts on a list of names, worded with the names as code; `gained` are those `before` did not cover. */
function listVerdict(noun: string, before: unknown, after: unknown, gained: unknown[]): Verdict {
  const was = Array.isArray(before) ? before : [];
  const now = Array.isArray(after) ? after : [];
  if (before === undefined) return { rule: 'detail-stated', material: false, clause: `states the ${noun}: ${codes(now)}` };
  if (after === undefined) return { rule: 'detail-removed', material: false, clause: `no longer states the ${noun} (was ${codes(was)})` };
  return {
    rule: 'detail-changed',
    material: false,
    clause: gained.length ? `also lists ${codes(gained)} in the ${noun}` : `changes the ${noun} to ${codes(now)} (was ${codes(was)})`,
  };
}

/**
 * Hosts contacted that the hosts stated before do not cover: the browser now
 * reaches more places, which may or may not be new parties receiving data, for
 * a person to judge. Stating hosts for the first time only details what was said.
 */
const hostsRule: FieldRule = ({ change: { before, after } }) => {
  const gained = Array.isArray(before) && Array.isArray(after) ? after.filter((host) => !before.some((was) => hostCovers(was, host))) : [];
  if (gained.length) return { rule: 'hosts-widened', material: false, clause: `now also contacts ${codes(gained)}` };
  return listVerdict('hosts the browser contacts for it', before, after, []);
};

/** Storage keys: what a technology already declared writes, named; the technology's purpose and category decide the rest. */
const keysRule: FieldRule = ({ change: { before, after } }) => {
  const gained = Array.isArray(before) && Array.isArray(after) ? after.filter((key) => !before.some((was) => patternCovers(was, key))) : [];
  return listVerdict('storage keys', before, after, gained);
};

/** When a recipient starts receiving data: a date of the subprocessor list, not a change of what is done on its own. */
const sinceRule: FieldRule = ({ change: { before, after } }) => {
  if (before === undefined) return { rule: 'detail-stated', material: false, clause: `states that it receives data from ${String(after)}` };
  if (after === undefined) return { rule: 'detail-removed', material: false, clause: `no longer states since when it receives data` };
  return { rule: 'detail-changed', material: false, clause: `receives data from ${String(after)} (was ${String(before)})` };
};

/** The declaration rules by `entity:field`. */
export const declarationRules: Readonly<Record<string, FieldRule>> = {
  'cookie:pattern': cookiePatternRule,
  'cookie:domain': cookieDomainRule,
  'recipient:hosts': hostsRule,
  'technology:hosts': hostsRule,
  'technology:keys': keysRule,
  'recipient:since': sinceRule,
};
