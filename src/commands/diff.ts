import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { materialityOverrides } from '../config/config.js';
import { diagnostic, fileStart, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { applyDecisions } from '../diff/decisions.js';
import { diffPolicies } from '../diff/diff.js';
import { frozenDecisions } from '../history/release-changes.js';
import type { Release } from '../history/verify.js';
import { reviewFolderName } from '../load/read-review.js';
import { formatChanges, type ChangeFormat } from '../render/change-formats.js';
import type { ChangeSet } from '../diff/types.js';
import { parse, type ParsedFile } from '../load/parse.js';
import { describeGitProblem, readFileAtRevision } from '../load/read-git.js';
import type { Policy } from '../model/policy.generated.js';
import { checkProject } from '../project/check.js';
import { openProject } from '../project/open.js';
import { wholeProject, type ProjectOptions } from '../project/options.js';
import { formatDiagnostics } from '../report/report.js';
import type { VersionedDocument } from '../publish/site.js';
import { resolve } from '../resolve/resolve.js';
import { decisionDiagnostics } from '../validate/review-decisions.js';
import { validateFile } from '../validate/validate.js';
import { loadMarkdownParser } from '../markdown/parser-slot.js';
import { defined, type CommandContext } from './context.js';

/** Options of `diff`. */
export interface DiffOptions extends ProjectOptions {
  /** What to compare from: a released version (`1.0.0`), a file path, or `git:REV` (default: the latest release). */
  from?: string;
  /** What to compare to: the same forms (default: the working document). */
  to?: string;
  /** The document (default: the only one). */
  document?: string;
  /**
   * A git revision (a pull request's base): the history there must be a
   * prefix of the history now, config changes since then that loosen a
   * check are listed first in the change set (`weakenedGates`), and FROM
   * defaults to `git:REV`.
   */
  base?: string;
}

/** The outcome of `diff`. */
export interface DiffResult {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  changes?: ChangeSet;
}

/** One side of a comparison: what it is called, and the policy (a released version's, or the working document's). */
type Side = { label: string; policy: Policy; release?: Release; working?: true; absent?: true };

/** Compare two versions of a policy: released versions, files, or git revisions of the working document. */
export async function diff(options: DiffOptions = {}): Promise<DiffResult> {
  // It diffs, which reads prose with the Markdown parser: loaded while the project is read.
  const [project] = await Promise.all([openProject(wholeProject(options)), loadMarkdownParser()]);
  const checked = await checkProject(project, { ...wholeProject(options), noRules: true });
  const sources = checked.sources;
  const failWith = (diagnostics: Diagnostic[]) => ({ diagnostics: sortDiagnostics(diagnostics), sources });
  const historyErrors = checked.diagnostics.filter(
    (d) => d.severity === 'error' && (d.source === 'history' || d.source === 'config' || isReviewFile(d.file, project)),
  );
  if (historyErrors.length) return failWith(historyErrors);
  const docs = checked.documents.filter((d) => !options.document || d.id === options.document);
  if (docs.length !== 1) {
    return failWith([
      diagnostic(
        project.policyShown,
        fileStart,
        'diff-which-document',
        'diff',
        docs.length ? 'Several documents: name one with `--document ID`' : 'No such document',
        {
          hint: 'Run `policyc validate` to list the documents.',
        },
      ),
    ]);
  }
  const doc = docs[0]!;
  const side = (ref: string | undefined, fallback: 'latest' | 'working'): Promise<Side | Diagnostic[]> | Side | Diagnostic[] => {
    if (ref === undefined && fallback === 'latest' && options.base !== undefined)
      return readGitRevision(options.base, doc, project.cwd, { absentIsNew: true });
    if (ref !== undefined) return readSide(ref, doc, project.cwd);
    if (fallback === 'working')
      return doc.working
        ? { label: 'working copy', policy: doc.working.policy, working: true }
        : checked.diagnostics.filter((d) => d.severity === 'error');
    const latest = doc.releases[doc.releases.length - 1];
    if (latest) return { label: latest.entry.version, policy: latest.model.policy, release: latest };
    return [
      diagnostic(doc.working?.file ?? 'policy', fileStart, 'diff-no-release', 'diff', `\`${doc.id}\` has no release to compare with`, {
        hint: 'Name what to compare: `policyc diff FROM TO`, or release a first version with `policyc release`.',
      }),
    ];
  };
  const from = await side(options.from, 'latest');
  const to = await side(options.to, 'working');
  const problems = [...(Array.isArray(from) ? from : []), ...(Array.isArray(to) ? to : [])];
  if (problems.length || Array.isArray(from) || Array.isArray(to)) return failWith(problems);
  const found = diffPolicies(from.policy, to.policy, { from: from.label, to: to.label }, materialityOverrides(checked.config));
  const decided = withDecisions(found, from, to, doc);
  const changes: ChangeSet = from.absent ? { newDocument: true, ...decided.changes } : decided.changes;
  // A loosened check heads the change set: it is what a reviewer must see first.
  return {
    diagnostics: decided.diagnostics,
    sources,
    changes: checked.weakenedGates?.length ? { weakenedGates: checked.weakenedGates, ...changes } : changes,
  };
}

/**
 * The change set with people's decisions applied: from the latest release to
 * the working document, those of the decisions file (with a warning for each
 * that does not apply); between two releases, those the releases between
 * them froze.
 */
function withDecisions(found: ChangeSet, from: Side, to: Side, doc: VersionedDocument): { changes: ChangeSet; diagnostics: Diagnostic[] } {
  const latest = doc.releases[doc.releases.length - 1];
  if (to.working && from.release && from.release === latest && doc.review) {
    const applied = applyDecisions(found, doc.review.decisions);
    return { changes: applied.changes, diagnostics: decisionDiagnostics(doc.review, applied.problems) };
  }
  if (from.release && to.release) {
    const between = doc.releases.slice(doc.releases.indexOf(from.release) + 1, doc.releases.indexOf(to.release) + 1);
    return { changes: applyDecisions(found, between.flatMap(frozenDecisions)).changes, diagnostics: [] };
  }
  return { changes: found, diagnostics: [] };
}

/** Whether a diagnostic's file is a decisions file (`policy/review/<id>.yaml`): its errors stop a diff as the config's do. */
function isReviewFile(file: string, project: { policyDir: string; cwd: string }): boolean {
  const folder = path.join(project.policyDir, reviewFolderName);
  const resolved = path.resolve(project.cwd, file);
  return resolved === folder || path.dirname(resolved) === folder;
}

/** A side named on the command line: a released version, `git:REV`, or a file. */
async function readSide(ref: string, doc: VersionedDocument, cwd: string): Promise<Side | Diagnostic[]> {
  const released = doc.releases.find((r) => r.entry.version === ref);
  if (released) return { label: ref, policy: released.model.policy, release: released };
  if (ref.startsWith('git:')) return readGitRevision(ref.slice(4), doc, cwd);
  if (/^\d+\.\d+\.\d+$/.test(ref)) {
    return [
      diagnostic(doc.working?.file ?? 'policy', fileStart, 'diff-unknown-version', 'diff', `Version ${ref} is not released`, {
        hint: `Released versions: ${doc.releases.map((r) => r.entry.version).join(', ') || 'none'}.`,
      }),
    ];
  }
  return readPolicyFile(path.resolve(cwd, ref), path.relative(cwd, path.resolve(cwd, ref)) || ref, ref);
}

async function readPolicyFile(file: string, shown: string, label: string): Promise<Side | Diagnostic[]> {
  if (!existsSync(file)) {
    return [
      diagnostic(
        shown,
        fileStart,
        'diff-unknown-ref',
        'diff',
        `\`${label}\` is neither a released version, a file, nor a git revision (\`git:REV\`)`,
        { hint: 'Use a released version such as `1.0.0`, a path to a policy file, or `git:origin/main`.' },
      ),
    ];
  }
  const bytes = await readFile(file);
  return checkedPolicy(parse({ path: shown, bytes, size: bytes.length }), label);
}

function checkedPolicy(parsed: ParsedFile, label: string): Side | Diagnostic[] {
  const errors = validateFile(parsed, { snapshot: true, prose: false }).filter((d) => d.severity === 'error');
  if (errors.length || !parsed.data) return errors;
  return { label, policy: resolve(parsed.data as unknown as Policy, parsed.path).policy };
}

/**
 * The working document as it was at a git revision, read with real git. With
 * `absentIsNew` (the base of `--base`), a document the revision does not have
 * is one the pull request adds: it compares from an empty document, so all of
 * it is new, rather than failing the first pull request of a project.
 */
async function readGitRevision(
  revision: string,
  doc: VersionedDocument,
  cwd: string,
  options: { absentIsNew?: boolean } = {},
): Promise<Side | Diagnostic[]> {
  const file = doc.working?.file ?? `policy/${doc.id}.yaml`;
  const label = `git:${revision}`;
  const fail = (message: string, hint: string) => [diagnostic(file, fileStart, 'diff-git', 'diff', message, { hint })];
  const read = await readFileAtRevision(cwd, revision, file);
  if ('kind' in read) {
    const { message, hint } = describeGitProblem(read, cwd);
    return fail(message, `${hint} Or compare a file or a released version instead.`);
  }
  if (!read.bytes && options.absentIsNew && doc.working) return { label, policy: emptyLike(doc.working.policy), absent: true };
  if (!read.bytes)
    return fail(`\`${file}\` does not exist at git revision \`${revision}\``, 'Compare with a revision that has the document.');
  return checkedPolicy(parse({ path: `${label}:${file}`, bytes: read.bytes, size: read.bytes.length }), label);
}

/** A document with the identity of `policy` and nothing in it: what a document the base does not have is compared from. */
function emptyLike(policy: Policy): Policy {
  const { id, title, version, effective, locale, jurisdictions, controller } = policy;
  return {
    id,
    title,
    version,
    effective,
    locale,
    ...(jurisdictions ? { jurisdictions } : {}),
    controller,
    collection: { categories: [] },
    purposes: { items: [] },
    contacts: { items: [] },
    // The schema wants at least one category, purpose and contact; the comparison needs only the shapes.
  } as unknown as Policy;
}

export { definition } from './definitions/diff.js';

/** `policyc diff`: the change set in the format asked for; diagnostics (always pretty) when there is none. */
export async function run({ io, options, positionals, cache }: CommandContext): Promise<number> {
  const result = await diff(
    defined({
      cwd: io.cwd,
      cache,
      policy: options.policy,
      document: options.document,
      from: positionals[0],
      to: positionals[1],
      base: options.base,
    }),
  );
  const diagnostics = () =>
    formatDiagnostics(result.diagnostics, 'pretty', { color: Boolean(io.stderr.isTTY) && !io.env.NO_COLOR, sources: result.sources });
  if (!result.changes) {
    io.stderr.write(diagnostics());
    return 1;
  }
  // Decisions that no longer apply are said on stderr: the change set on stdout stays what the format says.
  if (result.diagnostics.length) io.stderr.write(diagnostics());
  io.stdout.write(formatChanges(result.changes, (options.format ?? 'text') as ChangeFormat));
  // A check loosened since --base counts as a material change: the gate it loosens must not let its own change through.
  return options['exit-code'] === 'true' && (result.changes.material || Boolean(result.changes.weakenedGates?.length)) ? 1 : 0;
}
