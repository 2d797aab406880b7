import type { Diagnostic } from './diagnostic.js';

/** Options of the pretty reporter. */
export interface PrettyOptions {
  /** Use ANSI colours (default: false). */
  color?: boolean;
  /** Source texts by file path, for code frames. */
  sources?: ReadonlyMap<string, string>;
}

/** Output formats of diagnostics. */
export const diagnosticFormats = ['pretty', 'json'] as const;
export type DiagnosticFormat = (typeof diagnosticFormats)[number];

/** Format diagnostics in one of the output formats. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat, options: PrettyOptions = {}): string {
  return format === 'json' ? formatJson(diagnostics) : formatPretty(diagnostics, options);
}

/** Diagnostics as a JSON array, one object per diagnostic. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(diagnostics, null, 2)}\n`;
}

/**
 * Diagnostics for people: `file:line:col  severity  message  rule-id`, a code
 * frame of the offending line, the hint, and a summary line.
 */
export function formatPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const severityColor = { error: '31', warning: '33', info: '36' } as const;
  const lines: string[] = [];
  for (const d of diagnostics) {
    lines.push(
      `${paint('1', `${d.file}:${d.line}:${d.column}`)}  ${paint(severityColor[d.severity], d.severity)}  ${d.message}  ${paint('2', d.ruleId)}`,
    );
    const frame = codeFrame(options.sources?.get(d.file), d, paint);
    if (frame) lines.push(frame);
    if (d.hint) lines.push(`  ${paint('36', 'hint:')} ${d.hint}`);
    lines.push('');
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors || warnings) {
    const summary = `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
    lines.push(paint(errors ? '31' : '33', `✖ ${summary}`));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function codeFrame(source: string | undefined, d: Diagnostic, paint: (code: string, text: string) => string): string | undefined {
  if (source === undefined) return undefined;
  const all = source.split(/\r?\n/);
  const line = all[d.line - 1];
  if (line === undefined) return undefined;
  const width = String(d.line).length;
  const out: string[] = [];
  const previous = all[d.line - 2];
  if (previous !== undefined && previous.trim() !== '') out.push(`  ${' '.repeat(width - String(d.line - 1).length)}${d.line - 1} | ${show(previous)}`);
  out.push(`${paint('31', '>')} ${d.line} | ${show(line)}`);
  const length = d.endLine === d.line ? Math.max(1, d.endColumn - d.column) : Math.max(1, line.length - d.column + 1);
  out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, show(line.slice(0, d.column - 1)).length))}${paint('31', '^'.repeat(Math.min(length, 80)))}`);
  return out.join('\n');
}

/** Show tabs as two spaces so the caret lines up, and cut very long lines. */
function show(text: string): string {
  const expanded = text.replace(/\t/g, '  ');
  return expanded.length > 160 ? `${expanded.slice(0, 157)}...` : expanded;
}
