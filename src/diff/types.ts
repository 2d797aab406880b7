import type { EntityKind } from '../model/sections.js';
import type { ChangeClass } from './change-rules.js';

export type { ChangeClass, EntityKind };

/** A word-level edit of a prose field: kept, inserted or deleted text, in order. */
export interface WordPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/** One field of an entity that changed, with its value before and after. */
export interface FieldChange {
  /** Path of the field inside the entity (`duration`, `fee.amount`, `title`). */
  field: string;
  before?: unknown;
  after?: unknown;
  /** For text and prose fields: the word-level edit. */
  words?: WordPart[];
  /** The object this field belongs to when the whole object appeared or went (`fee`, `retention`). */
  group?: string;
}

/** One semantic change between two versions of a policy. */
export interface Change {
  type: 'added' | 'removed' | 'changed';
  entity: EntityKind;
  /** The entity's id (for singletons such as `marketing`, the section name). */
  id: string;
  /** Whether the change is material: people must be told before it applies (`class` is `material`). */
  material: boolean;
  /** `material`, `editorial`, or `review`: a change whose effect on readers a person must judge. */
  class: ChangeClass;
  /** Id of the classification rule that decided `material` (see docs/materiality.md). */
  rule: string;
  /** One sentence for people: "Adds the cookie `_fbp` (Meta, advertising, 90 days)." */
  summary: string;
  /** Field-level detail of a `changed` entity. */
  fields?: FieldChange[];
  /** A change of the class `review` that a person decided: `class` is then the decided one (`policyc review`, docs/review.md). */
  decision?: ChangeDecision;
}

/** What a person decided of a change to review, as the change carries it. */
export interface ChangeDecision {
  class: 'material' | 'editorial';
  /** Who decided. */
  by: string;
  /** When (YYYY-MM-DD). */
  date: string;
  reason?: string;
}

/** A person's decision on a change of the class `review` (`policy/review/<id>.yaml`; frozen in a release's manifest entry). */
export interface ReviewDecision extends ChangeDecision {
  /** The change decided: its key, `<entity>:<id>`, as `policyc review` lists it. */
  change: string;
  /** A hash of the change as it was decided (its fields before and after), so that a decision never carries over to a change edited since. */
  fingerprint: string;
}

/** A setting of policyc.config.json changed since the base revision so that a check is weaker (`diff --base`). */
export interface WeakenedGate {
  /** The setting, as a path: `materiality.new-purpose`, `rules.gdpr-legal-basis`, `noticeDays`. */
  setting: string;
  /** Its effective value at the base revision and now (`material` to `editorial`, `error` to `off`, `30` to `7`). */
  before: string;
  after: string;
  /** One sentence for people. */
  summary: string;
}

/** The semantic difference between two versions of a policy. */
export interface ChangeSet {
  /** With `diff --base`: checks the config loosens since the base revision, each to be reviewed as a material change. */
  weakenedGates?: WeakenedGate[];
  /** With `diff --base`: the document does not exist at the base revision (the pull request adds it), so all of it is new. */
  newDocument?: true;
  /** The version (or label) compared from and to. */
  from: string;
  to: string;
  /** True when any change is material. */
  material: boolean;
  /**
   * The smallest version bump the changes call for: minor for material
   * changes, and for changes to review (until a person decides them).
   */
  bump: 'none' | 'patch' | 'minor' | 'major';
  changes: Change[];
}
