import type { ChangeSet } from '../diff/types.js';
import type { ReleaseEntry } from '../history/manifest.js';
import type { Policy } from '../model/policy.generated.js';
import type { Part } from './parts.js';

/** The rule packs: GDPR (and UK GDPR), CCPA as amended by CPRA, the other US state privacy laws, international transfers, cookies, electronic marketing, document hygiene, Switzerland's FADP, and children's privacy. */
export type Pack = 'gdpr' | 'ccpa' | 'us-states' | 'transfers' | 'cookies' | 'marketing' | 'hygiene' | 'fadp' | 'children';

/** A jurisdiction a document can declare (see `jurisdictions` in the schema). */
export type Jurisdiction = NonNullable<Policy['jurisdictions']>[number];

/** What a rule sees: one version of a document, the date it is judged at, and its neighbours. */
export interface RuleContext {
  policy: Policy;
  /** The date the version is judged as of (YYYY-MM-DD): its effective date, or a later day while it is in force (see `judgeDocument`). */
  date: string;
  /** The date of the run (`--date`, default today), for rules about staleness. */
  today: string;
  /** The version before this one, when there is one. */
  previous?: { policy: Policy; entry?: ReleaseEntry };
  /** This version's release entry, when it is released. */
  release?: ReleaseEntry;
  /** The changes since the previous version. */
  changes?: ChangeSet;
  /** True when a later version has taken effect by the run date: this one is history, not the current text. */
  superseded?: boolean;
  /** Project settings rules read. */
  settings: RuleSettings;
  /** The version of the parent document (`parent.document`) in force for this one, when the project has it. */
  parent?: Policy;
}

/** Settings of the rules, from `policyc.config.json`. */
export interface RuleSettings {
  /** Days of notice a material change needs between release and effective date (default: 30). */
  noticeDays: number;
}

/** One problem a rule found, at a place in the document. */
export interface Finding {
  /** What is wrong, identifiers in backticks. */
  message: string;
  /** Where: the path of the entity or field in the document (`['cookies', 'items', 2]`); `[]` for the document. */
  path: (string | number)[];
  /** How to fix this one, when the rule's general fix is not enough. */
  hint?: string;
}

/** A compliance rule: a small pure function over a resolved document. */
export interface Rule {
  /** Stable kebab-case id, prefixed by its pack (`gdpr-legal-basis`); docs/rules.md has an anchor `#rule-<id>`. */
  id: string;
  pack: Pack;
  /** Severity unless the project's config says otherwise. */
  severity: 'error' | 'warning';
  /** One line: what the rule checks. */
  title: string;
  /** One paragraph: why it matters. */
  explanation: string;
  /** The article or section it comes from. */
  reference: string;
  /** What to do when it fires. */
  fix: string;
  /** The first date (YYYY-MM-DD) on which a version can break it; earlier versions are not judged by it. */
  appliesFrom?: string;
  /**
   * Other dates (YYYY-MM-DD) on which the rule's verdict may change, such as
   * the day a transfer framework was adopted or struck down: a version in
   * force across one is judged on it too (see `lawDates`).
   */
  dates?: readonly string[];
  /**
   * The parts of a document the rule judges that a document can leave to a
   * parent (`parent.defers`). When it defers one to a parent in the project,
   * the rule reads the document completed by the parent (see `ruleView`); to a
   * parent it cannot read (a `url`), the rule does not judge the document.
   */
  parts?: readonly Part[];
  check(context: RuleContext): Finding[];
}
