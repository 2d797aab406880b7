import { canonicalJson } from '../util/canonical-json.js';
import { sha256 } from '../util/hash.js';
import type { Change, ChangeDecision, ChangeSet, ReviewDecision } from './types.js';

/**
 * The key of each change of a list: `<entity>:<id>`. Two changes can share
 * one (a built-in section that appears where a custom section of the same
 * name goes, a controller whose id is `controller` beside the document's
 * controller, the reordering of the custom sections beside one with the id
 * `sections`): the later ones get `~2`, `~3` in the order of the change set,
 * which is the diff's fixed order (ids never hold a `~`).
 */
export function changeKeys(changes: readonly Change[]): string[] {
  const seen = new Map<string, number>();
  return changes.map((change) => {
    const key = `${change.entity}:${change.id}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}~${count}`;
  });
}

/**
 * A short hash of a change as it stands: its type, entity, id, and each
 * field's value before and after (not its summary or rule, which policyc's
 * wording may change). Keys and fields in a canonical order, so the same
 * change has the same fingerprint in every run.
 */
export function changeFingerprint(change: Change): string {
  const fields = (change.fields ?? [])
    .map((f) => ({ field: f.field, before: f.before, after: f.after }))
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return sha256(canonicalJson({ type: change.type, entity: change.entity, id: change.id, fields })).slice(0, 12);
}

/** Why a decision was not applied. */
export type DecisionProblemKind =
  /** No change has its key. */
  | 'unmatched'
  /** The change was edited since the decision: its fingerprint differs. */
  | 'stale'
  /** The change is not of the class `review` (a rule or the project's config decides it). */
  | 'not-review'
  /** An earlier decision already decided the change. */
  | 'repeated';

/** A decision not applied, with its index in the list given and the change it names when there is one. */
export interface DecisionProblem {
  index: number;
  decision: ReviewDecision;
  kind: DecisionProblemKind;
  change?: Change;
}

/** A change set with decisions applied, the decisions that applied, and those that did not. */
export interface AppliedDecisions {
  changes: ChangeSet;
  applied: ReviewDecision[];
  problems: DecisionProblem[];
}

/**
 * Apply people's decisions to a change set (pure). A decision applies only to
 * a change of the class `review` with its key and fingerprint: the change
 * takes the decided class (and `material`) and records the decision; the
 * set's `material` and `bump` are computed again. Any other decision is
 * returned as a problem and changes nothing: a person decides only what the
 * rules cannot, never a material change into an editorial one. Decisions of
 * another shape (a manifest edited by hand) are skipped.
 */
export function applyDecisions(set: ChangeSet, decisions: readonly unknown[] | undefined): AppliedDecisions {
  const keys = changeKeys(set.changes);
  const decided = new Map<number, ChangeDecision>();
  const applied: ReviewDecision[] = [];
  const problems: DecisionProblem[] = [];
  (Array.isArray(decisions) ? decisions : []).forEach((candidate, index) => {
    if (!isDecision(candidate)) return;
    const decision = candidate;
    const at = keys.indexOf(decision.change);
    const change = set.changes[at];
    const problem = (kind: DecisionProblemKind) => problems.push({ index, decision, kind, ...(change ? { change } : {}) });
    if (!change) return problem('unmatched');
    if (change.class !== 'review') return problem('not-review');
    if (changeFingerprint(change) !== decision.fingerprint) return problem('stale');
    if (decided.has(at)) return problem('repeated');
    decided.set(at, changeDecision(decision));
    applied.push(frozenDecision(decision));
  });
  if (!decided.size) return { changes: set, applied, problems };
  const changes = set.changes.map((change, i) => {
    const decision = decided.get(i);
    return decision ? { ...change, material: decision.class === 'material', class: decision.class, decision } : change;
  });
  return { changes: { ...set, ...summaryOf(changes), changes }, applied, problems };
}

/** A change set's `material` and `bump`, as the diff computes them: a change still to review needs what a material one does. */
function summaryOf(changes: readonly Change[]): Pick<ChangeSet, 'material' | 'bump'> {
  const minor = changes.some((c) => c.class !== 'editorial');
  return { material: changes.some((c) => c.material), bump: minor ? 'minor' : changes.length ? 'patch' : 'none' };
}

/** What a change records of its decision. */
function changeDecision(d: ReviewDecision): ChangeDecision {
  return { class: d.class, by: d.by, date: d.date, ...(d.reason !== undefined ? { reason: d.reason } : {}) };
}

/** A decision as a release freezes it: its own fields only, in a fixed order. */
export function frozenDecision(d: ReviewDecision): ReviewDecision {
  return { change: d.change, fingerprint: d.fingerprint, ...changeDecision(d) };
}

/** Whether a value has a decision's shape (the decisions file is checked against its schema; a manifest's entries are not). */
function isDecision(value: unknown): value is ReviewDecision {
  if (!value || typeof value !== 'object') return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.change === 'string' &&
    typeof d.fingerprint === 'string' &&
    (d.class === 'material' || d.class === 'editorial') &&
    typeof d.by === 'string' &&
    typeof d.date === 'string' &&
    (d.reason === undefined || typeof d.reason === 'string')
  );
}

/** A change to review as `policyc review` lists it: its key and fingerprint, and what the decisions say of it. */
export interface ReviewItem {
  key: string;
  fingerprint: string;
  change: Change;
  /** The decision that applies to it. */
  decision?: ReviewDecision;
  /** Decisions with its key taken on an earlier form of it: stale. */
  stale: ReviewDecision[];
}

/** The changes of the class `review` of a change set (before decisions), each with the decisions on it. */
export function reviewItems(set: ChangeSet, decisions: readonly ReviewDecision[]): ReviewItem[] {
  const keys = changeKeys(set.changes);
  return set.changes.flatMap((change, i) => {
    if (change.class !== 'review') return [];
    const key = keys[i]!;
    const fingerprint = changeFingerprint(change);
    const mine = decisions.filter((d) => d.change === key);
    const decision = mine.find((d) => d.fingerprint === fingerprint);
    return [{ key, fingerprint, change, ...(decision ? { decision } : {}), stale: mine.filter((d) => d.fingerprint !== fingerprint) }];
  });
}
