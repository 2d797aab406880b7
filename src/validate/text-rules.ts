import { isScalar, type Node } from 'yaml';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { findPair, formatPath, locate, placeOfKey, placeOfPath, placeOfRange } from '../load/positions.js';
import { stringKind, type StringKind } from '../model/fields.js';
import { schemaAt } from '../model/schema.js';
import { codePointName, findControls, isLoneCarriageReturn, visibleControls, type ControlFound } from '../text/control.js';
import type { PositionedData } from './schema-rules.js';

/** The kind of the string at a path of the document (`literal` for ids, URLs, e-mail addresses and fixed values). */
export type KindAt = (path: readonly (string | number)[]) => StringKind;

/** Kinds in a policy document, read off the policy schema. */
export const policyKinds: KindAt = (path) => stringKind(schemaAt(path));

/** Kinds in a translation file: its header names a document, a locale and a version; everything else is translated text. */
export const translationKinds: KindAt = (path) =>
  path.length === 1 && ['translates', 'locale', 'source', '$schema'].includes(String(path[0])) ? 'literal' : 'text';

/**
 * Refuse control characters in every string of a document, keys included:
 * they do not print, and on their way to a terminal, a CI log, a feed or an
 * e-mail subject they become commands (ESC colour and cursor sequences, a lone
 * CR that starts a GitHub Actions `::` command) or break the format (XML 1.0
 * forbids them). Each field is reported once, at its first such character.
 *
 * Bidirectional controls (U+202A-U+202E, U+2066-U+2069) are refused in ids,
 * URLs, e-mail addresses and fixed values, which are never right-to-left
 * text. In free text they are only a warning: Arabic, Hebrew or Persian text
 * that quotes a Latin name may need an isolate to show in the right order,
 * and pages render them as intended; the warning still points at each one,
 * since they can make text read differently from what it says.
 */
export function validateText(input: PositionedData, kindAt: KindAt = policyKinds): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (path: (string | number)[], text: string, isKey: boolean) => {
    const found = findControls(text);
    if (!found.length) return;
    // The path may hold the key itself: quoted with its controls escaped, as the message never prints one.
    const field = `\`${visibleControls(formatPath(path), 'none')}\`${isKey ? ' (its key)' : ''}`;
    const controls = found.filter((f) => f.kind === 'control');
    const at = (f: ControlFound) => placeOfCharacter(input, path.map(String), isKey, text, f.index);
    if (controls.length) {
      const first = controls[0]!;
      const more = controls.length > 1 ? ` (and ${controls.length - 1} more)` : '';
      const cr = first.codePoint === 0x0d;
      out.push(
        diagnostic(
          input.path,
          at(first),
          'text-control-character',
          'schema',
          `${field} contains the control character ${codePointName(first.codePoint)}${more}`,
          {
            hint: cr
              ? 'A carriage return on its own moves the cursor back over the line in terminals and logs: delete it, or make it a line break (in a `|` block).'
              : 'Delete it: control characters do not print, and in terminals, logs and feeds they act as commands. For a line break, use a new line in a `|` block.',
          },
        ),
      );
    }
    const bidi = found.filter((f) => f.kind === 'bidi');
    if (bidi.length) {
      const literal = isKey || kindAt(path) === 'literal';
      const first = bidi[0]!;
      const more = bidi.length > 1 ? ` (and ${bidi.length - 1} more)` : '';
      out.push(
        diagnostic(
          input.path,
          at(first),
          'text-bidi-control',
          'schema',
          `${field} contains the bidirectional control ${codePointName(first.codePoint)}${more}`,
          {
            severity: literal ? 'error' : 'warning',
            hint: literal
              ? 'Delete it: an id, URL, address or fixed value is never right-to-left text, and the character makes it read differently from what it is.'
              : 'It changes the order in which the text around it is shown, so readers may see something other than what reviewers read. Delete it unless right-to-left text needs it.',
          },
        ),
      );
    }
  };
  walk(input.data, []);
  return out;

  function walk(value: unknown, path: (string | number)[]) {
    if (typeof value === 'string') report(path, value, false);
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const at = [...path, key];
        report(at, key, true);
        walk(child, at);
      }
    }
  }
}

/**
 * The place of the character at `index` of a string value (or key), inside its
 * scalar in the file. A character that does not print appears in the source as
 * itself (YAML folds line breaks and spaces, never controls), except where a
 * double-quoted scalar writes it as an escape (`"\e"`, `"\x1b"`): the n-th such
 * character of the value is the n-th of the source when both hold as many;
 * otherwise the scalar's start is the place.
 */
function placeOfCharacter(input: PositionedData, segments: string[], isKey: boolean, value: string, index: number): Place {
  const parent = isKey ? segments.slice(0, -1) : segments;
  const found = locate(input.yaml, parent);
  // A path the tree does not have as written (reached through an alias) is placed as well as positions allow.
  const whole = found.depth === parent.length ? found.node : undefined;
  const node: Node | null | undefined = isKey ? (findPair(whole, segments[segments.length - 1]!)?.key as Node | undefined) : whole;
  const fallback = () =>
    isKey ? placeOfKey(input.yaml, input.lineCounter, segments) : placeOfPath(input.yaml, input.lineCounter, segments);
  if (!isScalar(node) || !node.range) return fallback();
  const char = value[index]!;
  const same = (text: string, i: number) => text[i] === char && (char !== '\r' || isLoneCarriageReturn(text, i));
  let before = 0;
  let total = 0;
  for (let i = 0; i < value.length; i++) {
    if (!same(value, i)) continue;
    if (i < index) before++;
    total++;
  }
  const [start, end] = node.range;
  const inSource: number[] = [];
  for (let i = start; i < end && inSource.length <= total; i++) if (same(input.text, i)) inSource.push(i);
  const offset = inSource.length === total ? inSource[before]! : start;
  return placeOfRange(input.lineCounter, offset, offset + 1);
}
