/**
 * Characters that do something other than print. Validation refuses them in
 * policy text (src/validate/text-rules.ts); every output made for people
 * escapes them anyway, since some input is never validated first (a file or
 * git revision given to `diff`, file names, an SMTP server's replies) and
 * diagnostics quote input.
 *
 * Output escaping renders a character as the JavaScript escape of its code
 * point, lower-case hex: ESC is `\u001b`, a lone CR `\u000d`. A backslash in
 * the input is left as it is, so `\u001b` typed as text looks the same as an
 * escaped ESC: the ambiguity is cosmetic, and nothing runs either way.
 */

/**
 * C0 controls other than tab and newline, DEL and C1 controls: what a terminal
 * reads as commands (ESC starts colour and cursor sequences, C1 CSI does the
 * same in some terminals, BEL rings) and what XML 1.0 forbids. CR is listed
 * here; validation allows it only as the first half of a CRLF.
 */
const controlClass = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f';

/**
 * Bidirectional embeddings, overrides and isolates: they reorder how the text
 * around them is shown, so what a reviewer reads may differ from what it says
 * ("Trojan Source"). Line and paragraph separators end a line in some viewers.
 */
const bidiClass = '\\u202a-\\u202e\\u2066-\\u2069';
const separatorClass = '\\u2028\\u2029';

const controlPattern = new RegExp(`[${controlClass}]`);
const bidiPattern = new RegExp(`[${bidiClass}]`);
const anyPattern = new RegExp(`[${controlClass}${bidiClass}]`);

/** Short names of the controls people meet, for messages (`U+001B (escape)`). */
const names: Record<number, string> = {
  0x00: 'null',
  0x07: 'bell',
  0x08: 'backspace',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'delete',
  0x85: 'next line',
  0x9b: 'control sequence introducer',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

/** A character as messages name it, never the character itself: `U+001B (escape)`. */
export function codePointName(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = names[codePoint];
  return name ? `${hex} (${name})` : hex;
}

/** What is wrong with a character: a control (refused) or a bidirectional control (refused or warned about, by field). */
export type ControlKind = 'control' | 'bidi';

/** A character of a text that is a control, by its index in the text. */
export interface ControlFound {
  index: number;
  codePoint: number;
  kind: ControlKind;
}

/** Whether `text[index]` is a carriage return not followed by a line feed. */
export function isLoneCarriageReturn(text: string, index: number): boolean {
  return text.charCodeAt(index) === 0x0d && text.charCodeAt(index + 1) !== 0x0a;
}

/**
 * The controls of a text that policy text may not hold, in order: C0 controls
 * except tab and newline, DEL, C1 controls, a CR unless it starts a CRLF, and
 * bidirectional controls (marked as such).
 */
export function findControls(text: string): ControlFound[] {
  if (!anyPattern.test(text)) return [];
  const found: ControlFound[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\r' && !isLoneCarriageReturn(text, index)) continue;
    if (controlPattern.test(char)) found.push({ index, codePoint: char.charCodeAt(0), kind: 'control' });
    else if (bidiPattern.test(char)) found.push({ index, codePoint: char.charCodeAt(0), kind: 'bidi' });
  }
  return found;
}

const escapeOf = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
const visibleAll = new RegExp(`[\\t\\n${controlClass}${bidiClass}${separatorClass}]`, 'g');
const visibleKeepingTab = new RegExp(`[\\n${controlClass}${bidiClass}${separatorClass}]`, 'g');
const visibleKeepingNewline = new RegExp(`[${controlClass}${bidiClass}${separatorClass}]`, 'g');

/**
 * Text from input made safe to print: controls, bidirectional controls and
 * line separators become visible escapes (`\u001b`). Tab and newline are kept
 * by default; `keep: 'tab'` keeps only tab (one-line output), `keep: 'none'`
 * neither. Every CR is escaped, CRLF included: output lines end in LF alone.
 */
export function visibleControls(text: string, keep: 'tab-newline' | 'tab' | 'none' = 'tab-newline'): string {
  const pattern = keep === 'none' ? visibleAll : keep === 'tab' ? visibleKeepingTab : visibleKeepingNewline;
  pattern.lastIndex = 0;
  return pattern.test(text) ? text.replace(pattern, escapeOf) : text;
}

/**
 * Multi-line text for a log that GitHub Actions reads: its runner takes any
 * line that starts with `::` (after spaces) as a workflow command
 * (`::add-mask::`, `::error::`, `::stop-commands::`). Such a line from input
 * gets its first colon escaped (`\u003a:`), so it is shown, never obeyed.
 * Run it on text whose controls are already escaped: the runner also splits
 * lines at a lone CR.
 */
export function withoutWorkflowCommands(text: string): string {
  return text.replace(/(^|\n)(\s*):(?=:)/g, '$1$2\\u003a');
}

/** Text for a terminal or a CI log: controls escaped, then no line that a CI runner would obey. */
export function forTerminal(text: string): string {
  return withoutWorkflowCommands(visibleControls(text));
}

const jsonUnescaped = new RegExp(`[\\u007f-\\u009f${bidiClass}${separatorClass}]`, 'g');

/**
 * JSON text with every control written as an escape. `JSON.stringify` escapes
 * C0 controls itself but leaves DEL, C1 controls, bidirectional controls and
 * line separators as they are; inside JSON they can only be in strings, where
 * `\uXXXX` is the same value, so the JSON parses to the same data.
 */
export function jsonWithoutControls(json: string): string {
  jsonUnescaped.lastIndex = 0;
  return jsonUnescaped.test(json) ? json.replace(jsonUnescaped, escapeOf) : json;
}

/**
 * Characters XML 1.0 does not allow in a document, even as character
 * references: C0 controls other than tab, LF and CR; lone surrogates; U+FFFE
 * and U+FFFF. DEL and C1 controls are allowed but "discouraged", and a feed
 * reader has no use for them: they go too.
 */
const notInXml =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * XML text with every character XML 1.0 forbids replaced by U+FFFD, the
 * replacement character (a reference such as `&#x1b;` is forbidden too): a
 * feed stays well-formed whatever a released snapshot holds.
 */
export function xmlWithoutForbidden(xml: string): string {
  notInXml.lastIndex = 0;
  return notInXml.test(xml) ? xml.replace(notInXml, '\ufffd') : xml;
}
