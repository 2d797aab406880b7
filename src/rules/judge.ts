import type { Cache } from '../cache/cache.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diffPolicies, type MaterialityOverrides } from '../diff/diff.js';
import { sha256 } from '../util/hash.js';
import { releaseChanges } from '../history/release-changes.js';
import type { HistoryFiles, Release } from '../history/verify.js';
import type { ParsedFile } from '../load/parse.js';
import type { Policy } from '../model/policy.generated.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { runRules, type SeveritySetting } from './engine.js';
import type { RuleContext } from './types.js';

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
 * The parent's version a version of a document is read with: for the working
 * document, the parent's working text (or its latest release); for a release,
 * the parent's version in force on its effective date, the latest to take
 * effect on or before it. None when the parent is not in the project or had
 * no version in force yet: the parts left to it are then not judged.
 */
export function parentVersion(policy: Policy, documents: JudgedDocument['documents'], working: boolean): Policy | undefined {
  const id = policy.parent?.document;
  const parent = id === undefined ? undefined : documents?.get(id);
  if (!parent) return undefined;
  const versions = [...parent.releases.map((r) => r.model.policy), ...(parent.working ? [parent.working.policy] : [])];
  if (working) return versions[versions.length - 1];
  let found: Policy | undefined;
  for (const version of versions)
    if (version.effective <= policy.effective && (!found || version.effective >= found.effective)) found = version;
  return found;
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
}

/**
 * Judge every version of a document with the compliance rules, each as of
 * its own effective date: the working document at its file, every release at
 * its snapshot. A release can no longer change, so its findings are at most
 * warnings; a working document identical to its latest release is judged as
 * that release, at the working file, once.
 */
export function judgeDocument(doc: JudgedDocument, settings: JudgeSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ruleSettings = { noticeDays: settings.noticeDays ?? 30 };
  const releases = doc.releases;
  const latest = releases[releases.length - 1];
  const workingIsLatest = Boolean(doc.working && latest && sha256(doc.working.parsed.text) === latest.entry.sha256);
  const contextOf = (model: PolicyModel, index: number, released: boolean): RuleContext => {
    const previous = index > 0 ? releases[index - 1] : undefined;
    const parent = parentVersion(
      model.policy,
      doc.documents,
      index >= releases.length || (workingIsLatest && index === releases.length - 1),
    );
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
      ...(index < releases.length - 1 ? { superseded: true } : {}),
    };
  };
  releases.forEach((release, i) => {
    if (workingIsLatest && i === releases.length - 1) return;
    const snapshot = doc.history?.snapshots.get(release.entry.file);
    out.push(
      ...runRules(
        contextOf(release.model, i, true),
        { file: release.model.file, ...(snapshot ? { tree: () => snapshot.parse() } : {}) },
        {
          ...(settings.severities ? { severities: settings.severities } : {}),
          cap: 'warning',
        },
      ),
    );
  });
  if (doc.working) {
    const { model, parsed } = doc.working;
    const context = workingIsLatest ? contextOf(model, releases.length - 1, true) : contextOf(model, releases.length, false);
    out.push(
      ...runRules(
        context,
        { file: parsed.path, ...(parsed.yaml ? { yaml: parsed.yaml, lineCounter: parsed.lineCounter } : {}) },
        {
          ...(settings.severities ? { severities: settings.severities } : {}),
          ...(settings.strict ? { strict: true } : {}),
        },
      ),
    );
  }
  return out;
}
