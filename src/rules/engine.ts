import type { Document, LineCounter } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, placeOfNode, placeOfPath } from '../load/positions.js';
import { placeDeferred } from './deferred.js';
import { placeKey, type PlaceMemo } from './snapshot-places.js';
import { allRules } from './registry.js';
import type { Finding, Jurisdiction, Pack, Rule, RuleContext } from './types.js';
import { healthStates, usStates } from './packs/us-states-table.js';
import { ruleView, type Deferral } from './view.js';

/**
 * The packs that judge a document, by the jurisdictions it declares; transfer
 * and hygiene rules judge every document (the transfer rules read each
 * transfer's origin). Switzerland's FADP asks less than the GDPR (no legal
 * basis, no list of rights), so `ch` brings its own pack and no GDPR rules: a
 * Swiss document also serving EU readers declares `eu` too. The cookie rules
 * are EU, UK and Swiss law (ePrivacy Art. 5(3), PECR reg. 6, TCA Art. 45c); no
 * US law has a cookie-consent rule. The marketing rules are the ePrivacy
 * Directive's and PECR's rules on e-mail marketing. The children's rules pick
 * their law (COPPA, Art. 8, the AADC) by jurisdiction themselves; COPPA is
 * federal, so every US state brings them.
 */
const packsFor: Partial<Record<Jurisdiction, Pack[]>> = {
  eu: ['gdpr', 'cookies', 'marketing', 'children'],
  uk: ['gdpr', 'cookies', 'marketing', 'children'],
  ch: ['fadp', 'cookies'],
  us: ['children'],
  'us-ca': ['ccpa'],
  // Every state of the us-states table, so that adding a state there is enough.
  ...Object.fromEntries([...usStates, ...healthStates].map((s) => [s.jurisdiction, ['us-states'] as Pack[]])),
};

/** A rule's severity as a project sets it: `error`, `warn` or `off`. */
export type SeveritySetting = 'error' | 'warn' | 'off';

/** How a run of the rules is configured. */
export interface RuleRunSettings {
  /** Severity per rule id, overriding the default. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** Warnings count as errors (`--strict`). */
  strict?: boolean;
  /** The most a finding may weigh: `warning` for released versions, which can no longer change. */
  cap?: 'warning';
}

/** Where findings are placed: the file and its YAML tree (or how to get it: a snapshot is parsed only when a finding needs a position). */
export interface RuleTarget {
  file: string;
  yaml?: Document;
  lineCounter?: LineCounter;
  tree?: () => { yaml?: Document; lineCounter?: LineCounter };
  /** Places found before (a released snapshot's, kept in the cache): a finding placed there needs no tree. */
  places?: PlaceMemo;
}

/** The rules that judge a version: its declared jurisdictions' packs plus the universal ones, in force on its date. */
export function applicableRules(context: RuleContext, rules: readonly Rule[] = allRules): Rule[] {
  const packs = new Set<Pack>(['transfers', 'hygiene']);
  for (const j of context.policy.jurisdictions ?? []) for (const p of (Object.hasOwn(packsFor, j) && packsFor[j]) || []) packs.add(p);
  if (context.policy.jurisdictions?.some((j) => j.startsWith('us-'))) packs.add('children');
  return rules.filter((r) => packs.has(r.pack) && (!r.appliesFrom || context.date >= r.appliesFrom));
}

/**
 * The days on which the law the rules apply changes: every rule's
 * `appliesFrom` and `dates`, sorted, once each. A version in force across
 * one of them is judged on it too.
 */
export function lawDates(rules: readonly Rule[] = allRules): string[] {
  const dates = new Set<string>();
  for (const rule of rules) for (const d of [...(rule.appliesFrom ? [rule.appliesFrom] : []), ...(rule.dates ?? [])]) dates.add(d);
  return [...dates].sort();
}

/**
 * Run the compliance rules on one version and turn their findings into
 * diagnostics pointing at the entity's lines in the YAML.
 */
export function runRules(
  context: RuleContext,
  target: RuleTarget,
  settings: RuleRunSettings = {},
  rules: readonly Rule[] = allRules,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  let tree: { yaml?: Document; lineCounter?: LineCounter } | undefined = target.yaml ? target : undefined;
  const treeOf = () => (tree ??= target.tree?.() ?? {});
  const deferral = ruleView(context.policy, context.parent);
  for (const rule of applicableRules(context, rules)) {
    const setting = settings.severities?.[rule.id];
    if (setting === 'off') continue;
    let severity: 'error' | 'warning' = setting === 'warn' ? 'warning' : setting === 'error' ? 'error' : rule.severity;
    if (settings.strict && severity === 'warning') severity = 'error';
    if (settings.cap === 'warning') severity = 'warning';
    for (const finding of findingsOf(rule, context, deferral)) {
      const path = finding.path.map(String);
      const key = target.places && placeKey(path);
      let place = key === undefined ? undefined : target.places!.get(key);
      if (!place) {
        place = placeOf(treeOf(), path);
        if (key !== undefined) target.places!.set(key, place);
      }
      out.push(
        diagnostic(target.file, place, rule.id, `rules:${rule.pack}`, finding.message, { hint: finding.hint ?? rule.fix, severity }),
      );
    }
  }
  return out;
}

/**
 * A rule's findings on a document that may defer parts to a parent: a rule
 * judging a part left to a parent it cannot read does not judge it; one
 * judging a part the parent is read for reads the completed document, and
 * its findings on what the parent states point at the `parent.defers` entry
 * (see `placeDeferred`).
 */
function findingsOf(rule: Rule, context: RuleContext, deferral: Deferral): Finding[] {
  const parts = rule.parts ?? [];
  if (parts.some((p) => deferral.unread.has(p))) return [];
  if (!parts.some((p) => deferral.read.has(p))) return rule.check(context);
  return rule
    .check({ ...context, policy: deferral.view })
    .flatMap((f) => placeDeferred(f, parts, deferral, context.policy, rule.fix) ?? []);
}

/** The whole entity: from its first line to its last, so an editor highlights all of it. */
function placeOf(target: { yaml?: Document; lineCounter?: LineCounter }, path: string[]) {
  const { yaml, lineCounter } = target;
  if (!yaml || !lineCounter) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  const found = locate(yaml, path);
  if (path.length === 0 || found.depth < path.length || !found.node?.range) return placeOfPath(yaml, lineCounter, path);
  const entity = placeOfNode(lineCounter, found.node);
  // A mapping value starts at its first key; point at the key naming it where there is one.
  if (found.pair?.key && (found.pair.key as { range?: [number, number, number] }).range) {
    const key = placeOfNode(lineCounter, found.pair.key);
    return { start: key.start, end: entity.end };
  }
  return entity;
}
