import type { Document, LineCounter } from 'yaml';
import { diagnostic, fileStart, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { applyDecisions, reviewItems, type AppliedDecisions, type DecisionProblem, type ReviewItem } from '../diff/decisions.js';
import { diffPolicies, type MaterialityOverrides } from '../diff/diff.js';
import { subprocessorNoticeProblems } from '../diff/subprocessors.js';
import type { ChangeSet, ReviewDecision } from '../diff/types.js';
import { placeOfKey, placeOfPath } from '../load/positions.js';
import { addDays, daysBetween } from '../util/days.js';
import { reviewMarks } from '../model/review-notes.js';
import { schemaVersion } from '../model/schema.js';
import { findControls } from '../text/control.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { bumpBetween, bumpCovers, bumpVersion, compareVersions, entryHash, sha256, type Manifest, type ReleaseEntry } from './manifest.js';
import type { Release } from './verify.js';

/** How `release` picks the new version: by the changes (`auto`) or one level up. */
export type BumpOption = 'auto' | 'patch' | 'minor' | 'major';

/** What a release needs to know. */
export interface ReleaseInput {
  working: PolicyModel;
  /** The working document's text and YAML tree, to set its version and date in place. */
  text: string;
  yaml: Document;
  lineCounter: LineCounter;
  releases: readonly Release[];
  manifest?: Manifest;
  bump?: BumpOption;
  /** The new version's effective date (default: the working document's `effective`). */
  effective?: string;
  /** The release date (YYYY-MM-DD), recorded as `released`: today, or the day a past version was released (`--released`). */
  today: string;
  /** Days of notice a material change needs between its release and its effective date (`noticeDays`, default 30). */
  noticeDays?: number;
  /** The project's materiality overrides. */
  materiality?: MaterialityOverrides;
  /** People's decisions on the changes to review (`policy/review/<id>.yaml`): every such change must be decided. */
  decisions?: readonly ReviewDecision[];
  /** The decisions file's display path, when there is one: where an undecided change is reported. */
  decisionsFile?: string;
  /** Who releases it, and who approved it, recorded in the manifest entry. */
  releasedBy?: string;
  approvedBy?: string;
  /** Refuse without `approvedBy` (`release.requireApproval` in policyc.config.json). */
  requireApproval?: boolean;
}

/** A release ready to write: the snapshot, the manifest, and the working document brought in line. */
export interface ReleasePlan {
  version: string;
  entry: ReleaseEntry;
  /** The snapshot's text: the working document with its new version and effective date. */
  snapshot: string;
  manifest: Manifest;
  /** The working document's new text (equal to the snapshot). */
  working: string;
  /** The changes since the previous release (none for the first), with the decisions applied. */
  changes?: ChangeSet;
  /** The decisions that did not apply (stale, or naming no change to review): ignored, for the caller to report. */
  decisionProblems: DecisionProblem[];
}

/**
 * Plan a release (pure): choose the version, check the bump is large enough
 * for the changes, the version is new, the effective date moves forward and
 * something changed. Returns diagnostics instead when it must refuse.
 */
export function planRelease(input: ReleaseInput): { plan: ReleasePlan } | Refusal {
  const { working, releases } = input;
  const policy = working.policy;
  const refuse: Refuse = (ruleId, message, hint, path = []) => ({
    diagnostics: [
      diagnostic(working.file, path.length ? placeOfPath(input.yaml, input.lineCounter, path) : fileStart, ruleId, 'release', message, {
        hint,
      }),
    ],
  });
  const latest = releases[releases.length - 1];
  const names = peopleProblem(input);
  if (names) return refuse('release-name-invalid', names.message, names.hint);
  const decided: Partial<DecidedChanges> | Refusal = latest ? decidedChanges(input, latest, refuse) : {};
  if ('diagnostics' in decided) return decided;
  const { changes, applied = [], problems = [], undecided = [] } = decided;
  const version = latest && changes ? chooseVersion(input, latest, changes, refuse) : policy.version;
  if (typeof version !== 'string') return version;
  if (isReleased(input, version)) {
    return refuse(
      'release-version-exists',
      `Version ${version} is already released`,
      'Released versions are never overwritten: choose a higher version.',
      ['version'],
    );
  }
  const effective = input.effective ?? policy.effective;
  const dates = dateRefusal(input, latest, changes, effective, refuse) ?? subprocessorRefusal(input, latest);
  if (dates) return dates;
  // Last, once the version is sound: what people must still do before the release.
  const waiting = markedRefusal(input) ?? peopleWaited(input, undecided, refuse);
  if (waiting) return waiting;
  const text = setTopLevelScalars(input.text, input.yaml, { version, effective });
  const entry = releaseEntry(input, { version, effective, text, latest, applied });
  const manifest: Manifest = { document: policy.id, releases: [...(input.manifest?.releases ?? []), entry] };
  return {
    plan: { version, entry, snapshot: text, manifest, working: text, ...(changes ? { changes } : {}), decisionProblems: problems },
  };
}

/** True when the version is in the history already (verified, or only listed in the manifest). */
function isReleased(input: ReleaseInput, version: string): boolean {
  return input.releases.some((r) => r.entry.version === version) || (input.manifest?.releases.some((r) => r.version === version) ?? false);
}

/** A refusal of the effective date: not after the latest release's, or too soon for the notice a material change needs. */
function dateRefusal(
  input: ReleaseInput,
  latest: Release | undefined,
  changes: ChangeSet | undefined,
  effective: string,
  refuse: Refuse,
): Refusal | undefined {
  if (latest && effective <= latest.entry.effective) {
    return refuse(
      'release-effective-not-after',
      `The effective date ${effective} is not after ${latest.entry.version}'s (${latest.entry.effective})`,
      'Set `effective:` in the document, or pass `--effective YYYY-MM-DD`, to the day the new version applies.',
      ['effective'],
    );
  }
  return noticeRefusal(input, changes, effective, refuse);
}

/**
 * A material change must be announced before it applies: refused when the
 * version would take effect before its release date, or fewer than
 * `noticeDays` days after it (as `hygiene-notice-period` judges a release).
 */
function noticeRefusal(input: ReleaseInput, changes: ChangeSet | undefined, effective: string, refuse: Refuse): Refusal | undefined {
  if (!changes?.material) return undefined;
  const released = input.today;
  const noticeDays = input.noticeDays ?? 30;
  if (effective < released) {
    return refuse(
      'release-effective-past',
      `The version makes material changes but would take effect on ${effective}, before its release on ${released}`,
      `Pass \`--effective ${addDays(released, noticeDays)}\` or later, so people are told before the changes apply; to import a version released in the past, pass \`--released YYYY-MM-DD\` with the day it was released.`,
      ['effective'],
    );
  }
  const days = daysBetween(released, effective);
  if (days >= noticeDays) return undefined;
  return refuse(
    'release-notice-too-short',
    `The version makes material changes but would take effect ${days === 0 ? 'on the day of' : `${days} day${days === 1 ? '' : 's'} after`} its release on ${released}; people need ${noticeDays} days' notice`,
    `Pass \`--effective ${addDays(released, noticeDays)}\` or later (\`noticeDays\` in policyc.config.json sets the notice).`,
    ['effective'],
  );
}

/** Refused when a subprocessor new since the latest release starts before the notice given today ends (as `hygiene-subprocessor-notice` judges). */
function subprocessorRefusal(input: ReleaseInput, latest: Release | undefined): Refusal | undefined {
  const problems = subprocessorNoticeProblems(latest?.model.policy, input.working.policy, input.today);
  return refusalAt(
    input,
    'release-subprocessor-notice',
    problems.map((p) => ({ at: placeOfPath(input.yaml, input.lineCounter, p.path.map(String)), message: p.message, hint: p.hint })),
  );
}

/** A refusal with one diagnostic per problem found in the working document, or none when there is no problem. */
function refusalAt(
  input: ReleaseInput,
  ruleId: string,
  problems: readonly { at: Place; message: string; hint: string }[],
): Refusal | undefined {
  if (!problems.length) return undefined;
  return {
    diagnostics: problems.map((p) => diagnostic(input.working.file, p.at, ruleId, 'release', p.message, { hint: p.hint })),
  };
}

/** The manifest entry of a new version: its snapshot's hash, its chain to the latest, who released and approved it, the decisions it freezes. */
function releaseEntry(
  input: ReleaseInput,
  made: { version: string; effective: string; text: string; latest: Release | undefined; applied: ReviewDecision[] },
): ReleaseEntry {
  return {
    version: made.version,
    effective: made.effective,
    released: input.today,
    schemaVersion,
    file: `${made.version}.yaml`,
    sha256: sha256(made.text),
    previous: made.latest ? entryHash(made.latest.entry) : null,
    ...(input.releasedBy !== undefined ? { releasedBy: input.releasedBy } : {}),
    ...(input.approvedBy !== undefined ? { approvedBy: input.approvedBy } : {}),
    ...(made.applied.length ? { decisions: made.applied } : {}),
  };
}

/**
 * A refusal while an entry is marked for review (`review`: a tool wrote it, a
 * person has not checked it), one diagnostic at each note. Not a compliance
 * rule, so no setting of policyc.config.json turns it off: a release never
 * publishes a guess.
 */
function markedRefusal(input: ReleaseInput): Refusal | undefined {
  return refusalAt(
    input,
    'release-marked-for-review',
    reviewMarks(input.working.policy).map((mark) => ({
      at: placeOfKey(input.yaml, input.lineCounter, mark.path.map(String)),
      message: `Marked for review: ${mark.entry} (“${mark.note}”); a release publishes no entry a person has not checked`,
      hint: `Check ${mark.entry} against what the website does, then delete its \`review\` note, and release again.`,
    })),
  );
}

/** A refusal while a change to review is undecided, or the release needs an approval it lacks. */
function peopleWaited(input: ReleaseInput, undecided: readonly ReviewItem[], refuse: Refuse): Refusal | undefined {
  if (undecided.length) return undecidedRefusal(input, undecided);
  if (input.requireApproval && !input.approvedBy) {
    return refuse(
      'release-approval-required',
      'A release needs the name of who approved it: `release.requireApproval` is set in policyc.config.json',
      'Pass `--approved-by NAME` with the name of the person who approved this release.',
    );
  }
  return undefined;
}

/** Why a release is refused. */
type Refusal = { diagnostics: Diagnostic[] };
type Refuse = (ruleId: string, message: string, hint: string, path?: string[]) => Refusal;

/**
 * The changes since the latest release with people's decisions applied, and
 * the changes to review still undecided; a refusal when nothing changed.
 */
function decidedChanges(input: ReleaseInput, latest: Release, refuse: Refuse): DecidedChanges | Refusal {
  const found = diffPolicies(
    latest.model.policy,
    input.working.policy,
    { from: latest.entry.version, to: 'working copy' },
    input.materiality,
  );
  if (found.changes.length === 0) {
    return refuse(
      'release-no-changes',
      `Nothing changed since ${latest.entry.version}`,
      'Edit the working document first; a release records a change.',
    );
  }
  const decided = applyDecisions(found, input.decisions);
  return { ...decided, undecided: reviewItems(found, decided.applied).filter((item) => !item.decision) };
}

/** The new version: as `--bump` or the document says, else the smallest the changes allow; a refusal when it is not after the latest or too small. */
function chooseVersion(input: ReleaseInput, latest: Release, changes: ChangeSet, refuse: Refuse): string | Refusal {
  let version = input.working.policy.version;
  const needed = changes.bump === 'none' ? 'patch' : changes.bump;
  const bump = input.bump ?? 'auto';
  if (bump !== 'auto') version = bumpVersion(latest.entry.version, bump);
  else if (compareVersions(version, latest.entry.version) <= 0) version = bumpVersion(latest.entry.version, needed);
  const actual = bumpBetween(latest.entry.version, version);
  if (actual === 'none') {
    return refuse(
      'release-version-not-after',
      `Version ${version} is not after the latest release ${latest.entry.version}`,
      'Leave `version` as it is and let `--bump` choose, or set a higher version.',
      ['version'],
    );
  }
  if (!bumpCovers(actual, needed)) {
    return refuse(
      'release-bump-too-small',
      `A ${actual} release (${latest.entry.version} to ${version}) is too small: the changes call for at least a ${needed} release`,
      `${bumpReason(changes)}; run \`policyc diff\` to see them, then release with \`--bump ${needed}\` or larger.`,
      ['version'],
    );
  }
  return version;
}

/** Replace top-level scalar values in a YAML text, leaving every other byte (comments, layout) as it was. */
export function setTopLevelScalars(text: string, yaml: Document, values: Record<string, string>): string {
  const edits: { start: number; end: number; value: string }[] = [];
  for (const [key, value] of Object.entries(values)) {
    const node = yaml.get(key, true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) throw new Error(`The document has no \`${key}\` to set`);
    edits.push({ start: node.range[0], end: node.range[1], value });
  }
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.value + out.slice(edit.end);
  return out;
}

/** Why a change set calls for the bump it does, for the hint of a release too small. */
function bumpReason(changes: ChangeSet): string {
  if (changes.material) return 'The changes are material';
  // An undecided review change asks for a minor version until a person decides it (docs/review.md).
  if (changes.changes.some((change) => change.class === 'review'))
    return 'Some changes are to review: a person must judge their effect on readers (`policyc review` lists them; decided editorial, they need no minor version)';
  return 'The changes are editorial';
}

/** A release's changes with the decisions applied, the decisions that did not apply, and the changes to review nobody decided. */
type DecidedChanges = AppliedDecisions & { undecided: ReviewItem[] };

/** The refusal of a release with changes to review that nobody decided: each key, and the command that decides it. */
function undecidedRefusal(input: ReleaseInput, undecided: readonly ReviewItem[]): Refusal {
  const keys = undecided.map((item) => `\`${item.key}\``).join(', ');
  const id = input.working.policy.id;
  const message =
    undecided.length === 1
      ? `A change to review is undecided: ${keys}; a person must decide whether it is material before the release`
      : `${undecided.length} changes to review are undecided: ${keys}; a person must decide whether each is material before the release`;
  const first = undecided[0]!.key;
  return {
    diagnostics: [
      diagnostic(input.decisionsFile ?? input.working.file, fileStart, 'release-review-undecided', 'release', message, {
        hint: `Run \`policyc review ${id}\` to see ${undecided.length === 1 ? 'it' : 'them'}, then decide ${undecided.length === 1 ? 'it' : 'each'}: \`policyc review ${id} --decide ${first} --as material|editorial --by NAME\`.`,
      }),
    ],
  };
}

/** The longest name recorded of who released or approved a version. */
const maxNameLength = 200;

/** What is wrong with the names of who released and approved, if anything: each one line of text, without control characters. */
export function peopleProblem(names: {
  releasedBy?: string | undefined;
  approvedBy?: string | undefined;
}): { message: string; hint: string } | undefined {
  for (const [flag, name] of [
    ['released-by', names.releasedBy],
    ['approved-by', names.approvedBy],
  ] as const) {
    if (name === undefined) continue;
    if (!name.trim() || name.length > maxNameLength || name.includes('\n') || findControls(name).length)
      return {
        message: `\`--${flag}\` must be a name on one line, of at most ${maxNameLength} characters, without control characters`,
        hint: `Pass the person's name: \`--${flag} "Jane Doe (DPO)"\`.`,
      };
  }
  return undefined;
}
