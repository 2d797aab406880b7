/**
 * Diagnostics are values, not exceptions: every stage returns them and the
 * CLI reports them together. The shape follows `vfile-message` (rule id,
 * place, fatal-ness) flattened to the fields a reporter needs.
 */

/** How serious a diagnostic is; only `error` fails a run. */
export type Severity = 'error' | 'warning' | 'info';

/** A 1-based line and column in a source file. */
export interface Point {
  line: number;
  column: number;
}

/** A problem found in a source file, at an exact place, with a stable rule id. */
export interface Diagnostic {
  /** Path of the file, as given to the loader (relative to the working directory when possible). */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Stable kebab-case id of the rule that produced it; documented in docs/diagnostics.md (from src/diagnostics/catalog.ts) or docs/rules.md. */
  ruleId: string;
  severity: Severity;
  /** What is wrong, identifiers quoted in backticks. */
  message: string;
  /** How to fix it, when there is something to suggest. */
  hint?: string;
  /** The stage that produced it: `load`, `yaml`, `schema`, `references`, `prose`. */
  source: string;
}

/** A place in a file: a start point and an end point (inclusive start, exclusive end). */
export interface Place {
  start: Point;
  end: Point;
}

/** The place used when a problem concerns the whole file rather than a node of it. */
export const fileStart: Place = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** Build a diagnostic from its parts; `severity` defaults to `error`. */
export function diagnostic(
  file: string,
  place: Place,
  ruleId: string,
  source: string,
  message: string,
  options: { hint?: string | undefined; severity?: Severity } = {},
): Diagnostic {
  const result: Diagnostic = {
    file,
    line: place.start.line,
    column: place.start.column,
    endLine: place.end.line,
    endColumn: place.end.column,
    ruleId,
    severity: options.severity ?? 'error',
    message,
    source,
  };
  if (options.hint) result.hint = options.hint;
  return result;
}

/** Order diagnostics by file, then position, then rule id, and drop exact duplicates. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.ruleId}\0${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(d);
  }
  return unique.sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.message, b.message),
  );
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Locale-independent string comparison, so output order never depends on the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
