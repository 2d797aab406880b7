import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { materialityOverrides } from '../config/config.js';
import { diagnostic, fileStart, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { applyDecisions, reviewItems, type ReviewItem } from '../diff/decisions.js';
import { diffPolicies } from '../diff/diff.js';
import type { ReviewDecision } from '../diff/types.js';
import { withDecision } from '../history/decisions-file.js';
import { replaceFile } from '../history/write-ahead.js';
import { reviewFilePath } from '../load/read-review.js';
import { checkProject } from '../project/check.js';
import { openProject } from '../project/open.js';
import { today, wholeProject, type ProjectOptions } from '../project/options.js';
import { findControls, forTerminal } from '../text/control.js';
import { decisionDiagnostics } from '../validate/review-decisions.js';
import { loadMarkdownParser } from '../markdown/parser-slot.js';
import { defined, type CommandContext } from './context.js';

/** Options of `review`. */
export interface ReviewOptions extends ProjectOptions {
  /** The document (default: the only one). */
  document?: string;
  /** Decide this change (its key, as listed): with `as` and `by`. */
  decide?: string;
  /** What the change is: material or editorial. */
  as?: 'material' | 'editorial';
  /** Who decides. */
  by?: string;
  /** Why (optional). */
  reason?: string;
  /** Today's date, recorded as the decision's (default: the clock's). */
  today?: string;
}

/** The outcome of `review`. */
export interface ReviewResult {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** The document reviewed, and the release its working copy is compared with. */
  document?: string;
  from?: string;
  /** Its changes to review, each with the decision on it (after `decide`, with the new one). */
  items?: ReviewItem[];
  /** The decision written, with `decide`. */
  decided?: ReviewDecision;
  /** Files written, relative to `cwd`. */
  written: string[];
}

/**
 * The changes of a working document that the rules cannot judge (the class
 * `review`), against its latest release, each with the decision people took
 * on it (`policy/review/<id>.yaml`); with `decide`, record a decision on one
 * of them in that file (created when absent; its comments and other entries
 * kept; written atomically).
 */
export async function review(options: ReviewOptions = {}): Promise<ReviewResult> {
  // It diffs, which reads prose with the Markdown parser: loaded while the project is read.
  const [project] = await Promise.all([openProject(wholeProject(options)), loadMarkdownParser()]);
  const checked = await checkProject(project, { ...wholeProject(options), noRules: true });
  const sources = checked.sources;
  const fail = (diagnostics: Diagnostic[]): ReviewResult => ({ diagnostics: sortDiagnostics(diagnostics), sources, written: [] });
  const refuse = (file: string, ruleId: string, message: string, hint: string) =>
    fail([...checked.diagnostics, diagnostic(file, fileStart, ruleId, 'review', message, { hint })]);
  if (hasErrors(checked.diagnostics)) return fail(checked.diagnostics);
  const docs = checked.documents.filter((d) => d.working && (!options.document || d.id === options.document));
  if (docs.length !== 1) {
    return refuse(
      project.policyShown,
      'review-which-document',
      docs.length ? `Several documents (${docs.map((d) => `\`${d.id}\``).join(', ')}): name one` : 'No such working document',
      'Name the document: `policyc review ID`.',
    );
  }
  const doc = docs[0]!;
  const working = doc.working!;
  const latest = doc.releases[doc.releases.length - 1];
  if (!latest) {
    return refuse(
      working.file,
      'review-no-release',
      `\`${doc.id}\` has no release: there is nothing to compare it with, and nothing to review`,
      'A first release needs no decisions: release it with `policyc release`.',
    );
  }
  const found = diffPolicies(
    latest.model.policy,
    working.policy,
    { from: latest.entry.version, to: 'working copy' },
    materialityOverrides(checked.config),
  );
  const decisions = doc.review?.decisions ?? [];
  const warnings = doc.review ? decisionDiagnostics(doc.review, applyDecisions(found, decisions).problems) : [];
  const items = reviewItems(found, decisions);
  const listed = { document: doc.id, from: latest.entry.version };
  if (options.decide === undefined) {
    if (options.as !== undefined || options.by !== undefined || options.reason !== undefined)
      return refuse(working.file, 'review-decision-incomplete', 'A decision needs the change it decides', 'Add `--decide KEY`.');
    return { diagnostics: sortDiagnostics([...checked.diagnostics, ...warnings]), sources, ...listed, items, written: [] };
  }
  const file = reviewFilePath(project.policyDir, doc.id);
  const shown = project.display(file);
  const item = items.find((i) => i.key === options.decide);
  if (!item) {
    const keys = items.map((i) => `\`${i.key}\``);
    return refuse(
      shown,
      'review-unknown-change',
      `\`${forTerminal(options.decide)}\` is not a change to review of \`${doc.id}\` against ${latest.entry.version}`,
      keys.length
        ? `Changes to review: ${keys.join(', ')} (\`policyc review ${doc.id}\` lists them). A material or editorial change is decided by the rules, or by \`materiality\` in policyc.config.json.`
        : `\`${doc.id}\` has no change to review: nothing to decide.`,
    );
  }
  const problem = decisionProblem(options);
  if (problem) return refuse(shown, 'review-decision-incomplete', problem.message, problem.hint);
  const decided: ReviewDecision = {
    change: item.key,
    fingerprint: item.fingerprint,
    class: options.as!,
    by: options.by!.trim(),
    date: options.today ?? today(),
    ...(options.reason?.trim() ? { reason: options.reason.trim() } : {}),
  };
  const text = doc.review ? sources.get(doc.review.path) : undefined;
  await mkdir(path.dirname(file), { recursive: true });
  await replaceFile(file, withDecision(text, decided));
  const others = decisions.filter((d) => d.change !== decided.change);
  return {
    // The file's other decisions are as they were: `policyc review` lists what they say.
    diagnostics: checked.diagnostics,
    sources,
    ...listed,
    items: reviewItems(found, [...others, decided]),
    decided,
    written: [shown],
  };
}

/** What a decision given on the command line lacks or gets wrong: a class, a name on one line, a reason without control characters. */
function decisionProblem(options: ReviewOptions): { message: string; hint: string } | undefined {
  if (options.as !== 'material' && options.as !== 'editorial')
    return { message: 'A decision needs its class', hint: 'Add `--as material` or `--as editorial`.' };
  const by = options.by?.trim() ?? '';
  // As in documents: no control character (tab and newline aside) and no bidirectional control.
  const controls = (text: string) => findControls(text).length > 0;
  if (!by || by.length > 200 || by.includes('\n') || controls(by))
    return {
      message: 'A decision needs the name of who decides, on one line, of at most 200 characters, without control characters',
      hint: 'Add `--by "Jane Doe (DPO)"`.',
    };
  if (options.reason !== undefined && (options.reason.length > 2000 || controls(options.reason)))
    return { message: 'The reason must be at most 2000 characters, without control characters', hint: 'Shorten it, or leave it out.' };
  return undefined;
}

export { definition } from './definitions/review.js';

/** `policyc review`: the changes to review and their decisions; with `--decide`, the decision written. */
export async function run({ io, options, positionals, cache, report }: CommandContext): Promise<number> {
  const result = await review(
    defined({
      cwd: io.cwd,
      cache,
      policy: options.policy,
      document: positionals[0],
      decide: options.decide,
      as: options.as as ReviewOptions['as'],
      by: options.by,
      reason: options.reason,
    }),
  );
  report(result.diagnostics, result.sources);
  if (!result.items) return 1;
  const lines = result.decided
    ? [`✔ decided ${result.decided.change}: ${result.decided.class}, by ${result.decided.by}`, ...result.written.map((f) => `  wrote ${f}`)]
    : reviewListing(result);
  io.stdout.write(forTerminal(`${lines.join('\n')}\n`));
  return 0;
}

/** The changes to review, for a terminal: key, fingerprint, state, summary, and the words removed and added. */
export function reviewListing(result: Pick<ReviewResult, 'document' | 'from' | 'items'>): string[] {
  const items = result.items ?? [];
  if (!items.length) return [`${result.document}: no change to review against ${result.from}.`];
  const undecided = items.filter((i) => !i.decision).length;
  const head = `${result.document}: ${items.length} ${items.length === 1 ? 'change' : 'changes'} to review against ${result.from}, ${undecided} undecided`;
  const entries = items.flatMap((item) => [
    '',
    `${item.key}  ${item.fingerprint}  ${state(item)}`,
    `  ${item.change.summary}`,
    ...(item.change.fields ?? []).flatMap((field) => {
      const parts = field.words ?? [];
      const removed = parts.filter((p) => p.removed).map((p) => p.value.trim());
      const added = parts.filter((p) => p.added).map((p) => p.value.trim());
      return [
        ...(removed.length ? [`  - ${field.field}: removed “${removed.join(' … ')}”`] : []),
        ...(added.length ? [`  + ${field.field}: added “${added.join(' … ')}”`] : []),
      ];
    }),
  ]);
  const hint = undecided
    ? ['', `Decide each: policyc review ${result.document} --decide KEY --as material|editorial --by NAME [--reason TEXT]`]
    : [];
  return [head, ...entries, ...hint];
}

/** Whether a change is decided (as what, by whom), undecided, or decided on an earlier form of it. */
function state(item: ReviewItem): string {
  if (item.decision) return `decided ${item.decision.class} by ${item.decision.by} on ${item.decision.date}`;
  const stale = item.stale[item.stale.length - 1];
  return stale ? `undecided (the decision by ${stale.by} on ${stale.date} is stale: the change was edited since)` : 'undecided';
}
