import { catalogEntry, documentationUrl, projectHome } from '../diagnostics/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { jsonWithoutControls, visibleControls, withoutWorkflowCommands } from '../text/control.js';

/** Options of the pretty reporter. */
export interface PrettyOptions {
  /** Use ANSI colours (default: false). */
  color?: boolean;
  /** Source texts by file path, for code frames. */
  sources?: ReadonlyMap<string, string>;
}

/** Output formats of diagnostics. */
export const diagnosticFormats = ['pretty', 'json', 'sarif', 'github'] as const;
export type DiagnosticFormat = (typeof diagnosticFormats)[number];

/** Format diagnostics in one of the output formats (`sarif` needs the tool's version and rule descriptions). */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  format: DiagnosticFormat,
  options: PrettyOptions & { version?: string; rules?: readonly RuleDescription[] } = {},
): string {
  switch (format) {
    case 'json':
      return formatJson(diagnostics);
    case 'sarif':
      return formatSarif(diagnostics, { version: options.version ?? '0.0.0', ...(options.rules ? { rules: options.rules } : {}) });
    case 'github':
      return formatGithub(diagnostics);
    default:
      return formatPretty(diagnostics, options);
  }
}

/** Diagnostics as a JSON array, one object per diagnostic. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return `${jsonWithoutControls(JSON.stringify(diagnostics, null, 2))}\n`;
}

/**
 * Diagnostics for people: `file:line:col  severity  message  rule-id`, a code
 * frame of the offending line, the hint, and a summary line. What comes from
 * input (file names, messages quoting values, hints, source lines) has its
 * controls escaped, and no line of it can be a CI workflow command.
 */
export function formatPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const severityColor = { error: '31', warning: '33', info: '36' } as const;
  const lines: string[] = [];
  for (const d of diagnostics) {
    lines.push(
      `${paint('1', `${withoutWorkflowCommands(visibleControls(d.file, 'none'))}:${d.line}:${d.column}`)}  ${paint(severityColor[d.severity], d.severity)}  ${visibleControls(d.message)}  ${paint('2', d.ruleId)}`,
    );
    const frame = codeFrame(options.sources?.get(d.file), d, paint);
    if (frame) lines.push(frame);
    if (d.hint) lines.push(`  ${paint('36', 'hint:')} ${visibleControls(d.hint)}`);
    lines.push('');
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors || warnings) {
    const summary = `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
    lines.push(paint(errors ? '31' : '33', `${errors ? '✖' : '⚠'} ${summary}`));
  }
  return lines.length ? `${withoutWorkflowCommands(lines.join('\n'))}\n` : '';
}

function codeFrame(source: string | undefined, d: Diagnostic, paint: (code: string, text: string) => string): string | undefined {
  if (source === undefined) return undefined;
  const all = source.split(/\r?\n/);
  const line = all[d.line - 1];
  if (line === undefined) return undefined;
  const width = String(d.line).length;
  const out: string[] = [];
  const previous = all[d.line - 2];
  if (previous !== undefined && previous.trim() !== '')
    out.push(`  ${' '.repeat(width - String(d.line - 1).length)}${d.line - 1} | ${show(previous)}`);
  out.push(`${paint('31', '>')} ${d.line} | ${show(line)}`);
  const length = d.endLine === d.line ? Math.max(1, d.endColumn - d.column) : Math.max(1, line.length - d.column + 1);
  out.push(
    `  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, show(line.slice(0, d.column - 1)).length))}${paint('31', '^'.repeat(Math.min(length, 80)))}`,
  );
  return out.join('\n');
}

/** Show tabs as two spaces so the caret lines up, controls as escapes, and cut very long lines. */
function show(text: string): string {
  const expanded = visibleControls(text.replace(/\t/g, '  '), 'none');
  return expanded.length > 160 ? `${expanded.slice(0, 157)}...` : expanded;
}

/** A rule as SARIF describes it: id, summary, help and the page that documents it. */
export interface RuleDescription {
  id: string;
  title: string;
  explanation?: string;
  fix?: string;
  severity?: Diagnostic['severity'];
}

/**
 * Diagnostics as a SARIF 2.1.0 log, for code-scanning upload: one run, the
 * rules it reports, and a result per diagnostic. Every rule has the short and
 * full description and the absolute `helpUri` that GitHub shows on an alert:
 * a compliance rule from its own description (`options.rules`), any other id
 * from the diagnostics catalog; both documented in policyc's docs at the tag
 * of `options.version`.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], options: { version: string; rules?: readonly RuleDescription[] }): string {
  const described = new Map((options.rules ?? []).map((r) => [r.id, r]));
  const ids = [...new Set(diagnostics.map((d) => d.ruleId))].sort();
  const rules = ids.map((id) => sarifRule(described.get(id) ?? catalogDescription(id), options.version));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'policyc', version: options.version, informationUri: projectHome, rules } },
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: ids.indexOf(d.ruleId),
          level: sarifLevel(d.severity),
          message: { text: d.hint ? `${d.message}. ${d.hint}` : d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file.split('\\').join('/') },
                region: {
                  startLine: d.line,
                  startColumn: d.column,
                  endLine: Math.max(d.endLine, d.line),
                  endColumn: Math.max(d.endLine > d.line ? 1 : d.column, d.endColumn),
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${jsonWithoutControls(JSON.stringify(log, null, 2))}\n`;
}

/** One rule as a SARIF `reportingDescriptor`: its summary, description, help and the page that documents it. */
function sarifRule(rule: RuleDescription, version: string) {
  const { id } = rule;
  const url = documentationUrl(id, version);
  const full = rule.explanation ?? (rule.title === id ? `The diagnostic ${id}.` : rule.title);
  const help = `${rule.fix ? `${rule.fix} ` : ''}See ${url}`;
  return {
    id,
    shortDescription: { text: plainText(rule.title) },
    fullDescription: { text: plainText(full), markdown: full },
    helpUri: url,
    help: { text: plainText(help), markdown: `${rule.fix ? `${rule.fix} ` : ''}See [\`${id}\`](${url}).` },
    ...(rule.severity ? { defaultConfiguration: { level: sarifLevel(rule.severity) } } : {}),
  };
}

/** A catalogued diagnostic as a rule: its first sentence is the summary, its whole text the description. */
function catalogDescription(id: string): RuleDescription {
  const entry = catalogEntry(id);
  if (!entry) return { id, title: id };
  const text = entry.text.charAt(0).toUpperCase() + entry.text.slice(1);
  const first = /^.*?[.:;](?=\s|$)/.exec(text)?.[0] ?? text;
  return { id, title: first.replace(/[:;]$/, '.'), explanation: text, severity: entry.severity };
}

function sarifLevel(severity: Diagnostic['severity']): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** Markdown as plain text for the `text` of a SARIF message: code spans and emphasis unmarked, links as their words. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1');
}

/**
 * Diagnostics as GitHub Actions workflow commands: annotations on the pull
 * request's files. Data and properties are escaped as the runner decodes them
 * (`%`, CR and LF in both; `:` and `,` in properties), after input's controls
 * are made visible: an ESC would colour the log, and a CR is escaped before
 * the runner could split a line at it.
 */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  const data = (text: string) => visibleControls(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return diagnostics
    .map((d) => {
      const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${property(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${property(d.ruleId)}`,
      ].join(',');
      return `::${command} ${props}::${data(d.hint ? `${d.message}. ${d.hint}` : d.message)}\n`;
    })
    .join('');
}
