import { cachedJson, cacheKey, type Cache } from '../cache/cache.js';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import { diffPolicies, type MaterialityOverrides } from '../diff/diff.js';
import { sha256 } from '../util/hash.js';
import { releaseChanges } from '../history/release-changes.js';
import type { HistoryFiles, Release } from '../history/verify.js';
import type { ParsedFile } from '../load/parse.js';
import type { Policy } from '../model/policy.generated.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { placeOfPath } from '../load/positions.js';
import { lawDates, runRules, type RuleRunSettings, type RuleTarget, type SeveritySetting } from './engine.js';
import { allRules } from './registry.js';
import { snapshotPlaces } from './snapshot-places.js';
import type { Rule, RuleContext } from './types.js';

/** A document's versions: its working model (when valid) and its releases. */
export interface DocumentVersions {
  working?: PolicyModel;
  releases: readonly Release[];
}

/** A document to judge: its working model and parsed file (when valid), its releases and their files. */
export interface JudgedDocument {
  working?: { model: PolicyModel; parsed: ParsedFile };
  releases: readonly Release[];
  history?: HistoryFiles;
  /** The project's documents by id, where a parent named by `parent.document` is looked up. */
  documents?: ReadonlyMap<string, DocumentVersions>;
}

/**
 * The parent's version a version of a document is read with on `date` (its
 * effective date unless given): for the working document, the parent's
 * working text (or its latest release); for a release, the parent's version
 * in force that day, the latest to take effect on or before it. None when the
 * parent is not in the project or had no version in force yet: the parts left
 * to it are then not judged.
 */
export function parentVersion(
  policy: Policy,
  documents: JudgedDocument['documents'],
  working: boolean,
  date: string = policy.effective,
): Policy | undefined {
  const versions = parentVersions(policy, documents);
  if (working) return versions[versions.length - 1];
  let found: Policy | undefined;
  for (const version of versions) if (version.effective <= date && (!found || version.effective >= found.effective)) found = version;
  return found;
}

/** Every version of the parent a document names: its releases, then its working text. */
function parentVersions(policy: Policy, documents: JudgedDocument['documents']): Policy[] {
  const id = policy.parent?.document;
  const parent = id === undefined ? undefined : documents?.get(id);
  if (!parent) return [];
  return [...parent.releases.map((r) => r.model.policy), ...(parent.working ? [parent.working.policy] : [])];
}

/**
 * The parent versions a released version is read with while it is in force:
 * the one in force on each day, and the days on which another takes effect
 * (the version is judged on those days too).
 */
export interface ParentTimeline {
  on(date: string): Policy | undefined;
  dates: readonly string[];
}

/** How the compliance rules run. */
export interface JudgeSettings {
  /** The run date (YYYY-MM-DD). */
  today: string;
  severities?: Readonly<Record<string, SeveritySetting>>;
  strict?: boolean;
  noticeDays?: number;
  materiality?: MaterialityOverrides;
  /** Where change sets between releases are kept across runs. */
  cache?: Cache;
  /** The working document's effective date as a release would set it (`release --effective`): it is judged as of that day. */
  workingEffective?: string;
  /** Report the findings on versions no longer in force in full (`--history`), not as one summary line. */
  history?: boolean;
}

/**
 * Judge every version of a document with the compliance rules over the
 * period it is in force (see `judgeVersion`): the working document at its
 * file, every release at its snapshot. A release can no longer change, so its
 * findings are at most warnings and their hint says the fix is a new release;
 * the findings on versions no longer in force (the next one has taken effect)
 * are one summary line unless `history` is set. A working document identical
 * to its latest release is judged as that release, at the working file, once.
 */
export function judgeDocument(doc: JudgedDocument, settings: JudgeSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  const past: { version: string; diagnostics: Diagnostic[] }[] = [];
  const ruleSettings = { noticeDays: settings.noticeDays ?? 30 };
  const releases = doc.releases;
  const latest = releases[releases.length - 1];
  const workingIsLatest = Boolean(doc.working && latest && sha256(doc.working.parsed.text) === latest.entry.sha256);
  const severities = settings.severities ? { severities: settings.severities } : {};
  // A version is superseded once the next one has taken effect, not when the next one is released.
  const nextEffective = (index: number) => releases[index + 1]?.entry.effective;
  const superseded = (index: number) => {
    const next = nextEffective(index);
    return next !== undefined && next <= settings.today;
  };
  // The working document reads the parent's working text; a release, the parent's version in force on each day.
  const readsWorkingParent = (index: number) => index >= releases.length || (workingIsLatest && index === releases.length - 1);
  const timelineOf = (model: PolicyModel, index: number): ParentTimeline | undefined => {
    if (readsWorkingParent(index) || !model.policy.parent?.document) return undefined;
    const dates = parentVersions(model.policy, doc.documents).map((v) => v.effective);
    return { on: (date) => parentVersion(model.policy, doc.documents, false, date), dates };
  };
  const contextOf = (model: PolicyModel, index: number, released: boolean): RuleContext => {
    const previous = index > 0 ? releases[index - 1] : undefined;
    const parent = parentVersion(model.policy, doc.documents, readsWorkingParent(index));
    return {
      policy: model.policy,
      date: model.policy.effective,
      today: settings.today,
      settings: ruleSettings,
      ...(previous
        ? {
            previous: { policy: previous.model.policy, entry: previous.entry },
            changes: released
              ? releaseChanges(previous, releases[index]!, settings.materiality, settings.cache)
              : diffPolicies(previous.model.policy, model.policy, undefined, settings.materiality),
          }
        : {}),
      ...(released ? { release: releases[index]!.entry } : {}),
      ...(parent ? { parent } : {}),
      ...(superseded(index) ? { superseded: true } : {}),
    };
  };
  const judgeRelease = (index: number, target: RuleTarget) => {
    const { model } = releases[index]!;
    const period = { until: nextEffective(index), parents: timelineOf(model, index) };
    // A release's findings depend only on what its key names (the rules themselves are in the tool's identity): kept across runs.
    const key = () => releaseFindingsKey(releases, index, target, period, settings, superseded(index));
    const found = cachedJson(settings.cache, key, () =>
      judgeVersion(contextOf(model, index, true), target, period, { ...severities, cap: 'warning' }).map(releasedHint),
    )!;
    if (superseded(index) && !settings.history) {
      if (found.length) past.push({ version: releases[index]!.entry.version, diagnostics: found });
    } else out.push(...found);
  };
  releases.forEach((release, i) => {
    if (workingIsLatest && i === releases.length - 1) return;
    const snapshot = doc.history?.snapshots.get(release.entry.file);
    // Its findings' places are kept with the snapshot's hash: parsed only for a place not kept yet.
    const places = snapshot ? snapshotPlaces(release.entry.sha256, settings.cache) : undefined;
    judgeRelease(i, { file: release.model.file, ...(snapshot && places ? { tree: () => snapshot.parse(), places } : {}) });
    places?.save();
  });
  if (doc.working) {
    const { parsed } = doc.working;
    const model = settings.workingEffective
      ? { ...doc.working.model, policy: { ...doc.working.model.policy, effective: settings.workingEffective } }
      : doc.working.model;
    const target = { file: parsed.path, ...(parsed.yaml ? { yaml: parsed.yaml, lineCounter: parsed.lineCounter } : {}) };
    // Not capped: the working file can still change. Identical to the latest release, it is judged as that release.
    const uncapped = { ...severities, ...(settings.strict ? { strict: true } : {}) };
    if (workingIsLatest) out.push(...judgeVersion(contextOf(model, releases.length - 1, true), target, {}, uncapped));
    else {
      out.push(...judgeVersion(contextOf(model, releases.length, false), target, {}, uncapped));
      if (latest) out.push(...draftEffective({ model, parsed }, latest));
    }
  }
  const summary = pastSummary(past, doc.history?.manifestPath ?? releases[0]?.model.file);
  return summary ? [...out, summary] : out;
}

/** The period a version is judged over, and the parent versions it is read with. */
export interface JudgedPeriod {
  /** The day the next version takes effect (excluded); the run date when none has. */
  until?: string | undefined;
  /** For a release deferring parts to a parent: the parent's version in force on each day. */
  parents?: ParentTimeline | undefined;
}

/**
 * Judge one version over the period it is in force: from its effective date
 * until the next version takes effect (`until`, excluded), or until the run
 * date when none has. The rules run on the effective date and again on every
 * day of the period on which the law changes (`lawDates`) or another version
 * of the parent takes effect; a finding is kept once, and one that holds only
 * from a later day says from when.
 */
export function judgeVersion(
  context: RuleContext,
  target: RuleTarget,
  period: JudgedPeriod,
  settings: RuleRunSettings,
  rules: readonly Rule[] = allRules,
): Diagnostic[] {
  const { parents } = period;
  const start = context.date;
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  const released = Boolean(context.release);
  const { parent: _, ...rest } = context;
  for (const date of checkpoints(start, context.today, period, rules)) {
    const parent = parents ? parents.on(date) : context.parent;
    for (const found of runRules({ ...rest, date, ...(parent ? { parent } : {}) }, target, settings, rules)) {
      // The same finding on another day may name that day: compared without it.
      const key = [found.ruleId, found.line, found.column, found.message.split(date).join('\u0000')].join('\u0001');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(
        date === start
          ? found
          : {
              ...found,
              message: `${found.message} (from ${date}, while this version ${released ? 'is' : 'would be'} in force)`,
            },
      );
    }
  }
  return out;
}

/**
 * The cache key of a release's findings: everything its judgment reads. The
 * run date only while it is in force (a superseded version is judged over a
 * closed period, as of its own dates); its parent by digest on each day it is
 * judged on; `--history` is not in it (it decides only how findings are shown).
 */
function releaseFindingsKey(
  releases: readonly Release[],
  index: number,
  target: RuleTarget,
  period: JudgedPeriod,
  settings: JudgeSettings,
  superseded: boolean,
): string {
  const release = releases[index]!;
  return cacheKey('judged-release', {
    entry: release.entry,
    previous: releases[index - 1]?.entry ?? null,
    file: target.file,
    tree: Boolean(target.tree),
    until: period.until ?? null,
    superseded,
    today: superseded ? null : settings.today,
    parents: checkpoints(release.model.policy.effective, settings.today, period).map((d) => [d, policyDigest(period.parents?.on(d))]),
    severities: settings.severities ?? null,
    noticeDays: settings.noticeDays ?? 30,
    materiality: settings.materiality ?? {},
  });
}

/** The days a version is judged on: its effective date, then each day of its period the law or its parent changes. */
function checkpoints(start: string, today: string, period: JudgedPeriod, rules: readonly Rule[] = allRules): string[] {
  const { until, parents } = period;
  const within = (d: string) => d > start && (until === undefined ? d <= today : d < until);
  return [start, ...[...new Set([...lawDates(rules), ...(parents?.dates ?? [])])].filter(within).sort()];
}

// A parent version's digest, once per version per run: a working parent has no snapshot hash, so its data is hashed.
const digests = new WeakMap<Policy, string>();
function policyDigest(policy: Policy | undefined): string | null {
  if (!policy) return null;
  let digest = digests.get(policy);
  if (digest === undefined) digests.set(policy, (digest = sha256(JSON.stringify(policy))));
  return digest;
}

/** A released version's finding: its hint says the text cannot change, so the fix is a new release. */
function releasedHint(found: Diagnostic): Diagnostic {
  const note = 'This version is released and cannot change: make the fix in the working document and release a new version.';
  return { ...found, hint: found.hint ? `${found.hint} ${note}` : note };
}

/** The findings on versions no longer in force, as one line: how many, on which versions, and how to read them. */
function pastSummary(past: readonly { version: string; diagnostics: Diagnostic[] }[], file: string | undefined): Diagnostic | undefined {
  if (!past.length || file === undefined) return undefined;
  const count = past.reduce((n, p) => n + p.diagnostics.length, 0);
  const versions = past.map((p) => p.version).join(', ');
  return diagnostic(
    file,
    fileStart,
    'rules-history-summary',
    'rules',
    `${count} compliance ${count === 1 ? 'finding' : 'findings'} on ${past.length === 1 ? 'version' : 'versions'} ${versions}, no longer in force, ${count === 1 ? 'is' : 'are'} not shown`,
    {
      severity: 'info',
      hint: 'Run `policyc validate --history` to see them in full. Released versions cannot change: what they got wrong is fixed by the versions that replaced them.',
    },
  );
}

/**
 * A working document that differs from its latest release but keeps that
 * release's effective date: it is judged as of a day already taken, and a
 * release would refuse it.
 */
function draftEffective(working: NonNullable<JudgedDocument['working']>, latest: Release): Diagnostic[] {
  const { model, parsed } = working;
  if (model.policy.effective !== latest.entry.effective) return [];
  const place = parsed.yaml ? placeOfPath(parsed.yaml, parsed.lineCounter, ['effective']) : fileStart;
  return [
    diagnostic(
      parsed.path,
      place,
      'draft-effective-released',
      'rules',
      `The working document differs from version ${latest.entry.version} but keeps its effective date ${latest.entry.effective}: it is judged as of that day, not the day it will take effect`,
      {
        severity: 'warning',
        hint: 'Set `effective:` to the day the next version will take effect (or pass `--effective` to `policyc release`), so the rules judge it by the law of that day.',
      },
    ),
  ];
}
