import { readFileSync } from 'node:fs';
import { diagnostic, hasErrors, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { DecisionProblem } from '../diff/decisions.js';
import type { ReviewDecision } from '../diff/types.js';
import { placeOfPath } from '../load/positions.js';
import type { ParsedFile } from '../load/parse.js';
import type { SchemaNode } from '../model/schema.js';
import { lazyObject } from '../util/lazy.js';
import { compiledValidator, validateSchema } from './schema-rules.js';
import { validateText } from './text-rules.js';

/** The JSON Schema of a decisions file (schema/review.schema.json); read on first use. */
export const reviewSchema: SchemaNode = lazyObject(
  () => JSON.parse(readFileSync(new URL('../../schema/review.schema.json', import.meta.url), 'utf8')) as SchemaNode,
);

/** A document's decisions file as checked: its path, its decisions, and where each is written. */
export interface ReviewFile {
  /** Display path (`policy/review/privacy.yaml`). */
  path: string;
  decisions: ReviewDecision[];
  /** The place of each decision in the file, by index. */
  places: Place[];
}

/** Fields of a decision that are never free text: a bidirectional control there is an error. */
const literalFields = new Set(['change', 'fingerprint', 'class', 'date', '$schema']);

/**
 * Check a parsed decisions file: its schema (`schema/review.schema.json`) and
 * control characters, each problem at its node. A file with an error yields
 * no decisions: none of it applies until it is fixed.
 */
export function checkReviewFile(parsed: ParsedFile): { file?: ReviewFile; diagnostics: Diagnostic[] } {
  const diagnostics = [...parsed.diagnostics];
  if (hasErrors(diagnostics) || !parsed.yaml) return { diagnostics };
  const path = parsed.path;
  // Empty, or comments only: no decisions yet.
  if (!parsed.data) return { file: { path, decisions: [], places: [] }, diagnostics };
  const input = { path, text: parsed.text, data: parsed.data, yaml: parsed.yaml, lineCounter: parsed.lineCounter };
  diagnostics.push(...validateSchema(input, compiledValidator(reviewSchema)));
  diagnostics.push(...validateText(input, (at) => (literalFields.has(String(at[at.length - 1])) ? 'literal' : 'text')));
  if (hasErrors(diagnostics)) return { diagnostics };
  const decisions = (parsed.data as { decisions: ReviewDecision[] }).decisions;
  const places = decisions.map((_, i) => placeOfPath(parsed.yaml!, parsed.lineCounter, ['decisions', String(i)]));
  return { file: { path, decisions, places }, diagnostics };
}

/** Each decision not applied, as a warning at the decision, with what to do. */
export function decisionDiagnostics(file: ReviewFile, problems: readonly DecisionProblem[]): Diagnostic[] {
  return problems.map(({ index, decision, kind, change }) => {
    const { ruleId, message, hint } = explain(decision, kind, change?.class);
    return diagnostic(file.path, file.places[index]!, ruleId, 'review', message, { hint, severity: 'warning' });
  });
}

/** Why a decision did not apply, in words, with what to do. */
function explain(
  d: ReviewDecision,
  kind: DecisionProblem['kind'],
  changeClass: string | undefined,
): { ruleId: string; message: string; hint: string } {
  const key = `\`${d.change}\``;
  switch (kind) {
    case 'unmatched':
      return {
        ruleId: 'review-decision-unmatched',
        message: `The decision on ${key} names no change of the working document: it is ignored`,
        hint: 'Run `policyc review` to list the changes to review and their keys; remove the decision if its change is gone.',
      };
    case 'stale':
      return {
        ruleId: 'review-decision-stale',
        message: `The decision on ${key} was taken on an earlier form of the change (fingerprint ${d.fingerprint}): it no longer applies`,
        hint: `The change was edited since: run \`policyc review\` to see it as it is, then decide it again with \`policyc review --decide ${d.change} --as material|editorial --by NAME\`.`,
      };
    case 'not-review':
      return {
        ruleId: 'review-decision-not-review',
        message: `The decision on ${key} names a change that is ${changeClass === 'material' ? 'material' : 'editorial'}, not a change to review: it is ignored`,
        hint: 'A person decides only the changes the rules cannot judge; remove the decision. A project that disagrees with a rule overrules it in `materiality` of policyc.config.json.',
      };
    case 'repeated':
      return {
        ruleId: 'review-decision-repeated',
        message: `The change ${key} is decided twice: the first decision applies, this one is ignored`,
        hint: 'Keep one decision per change: remove this one.',
      };
  }
}
