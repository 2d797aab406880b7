/*
 * Where a JSON text stops being JSON. JSON.parse names the offset of some
 * errors and not others (`Unexpected token 'x', "…" is not valid JSON`), and
 * quotes the input when it does not: a diagnostic needs the place, and must
 * not echo what it could not read. Run only after JSON.parse failed; iterative,
 * so deep nesting cannot overflow the stack.
 */

/** The first syntax error of a JSON text: its offset and what was expected there. */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

/** What comes next: a value (`first-value`: or the `]` of an empty list), a key (`first-key`: or `}`), a colon, or a comma or close. */
type Expect = 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'after-value';

interface Scanner {
  readonly text: string;
  at: number;
  /** The containers open, innermost last. */
  readonly open: ('[' | '{')[];
  expect: Expect;
}

const literal = /true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const stringBody = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const badString = 'a string is not closed, or has a control character or a bad escape';

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const s: Scanner = { text, at: 0, open: [], expect: 'value' };
  for (;;) {
    while (s.at < text.length && ' \t\n\r'.includes(text[s.at]!)) s.at++;
    if (s.expect === 'after-value' && !s.open.length)
      return s.at < text.length ? fail(s, 'the text goes on after the JSON value') : undefined;
    const problem = step(s, text[s.at]);
    if (problem !== undefined) return fail(s, problem);
  }
}

function fail(s: Scanner, message: string): JsonSyntaxError {
  return { offset: s.at, message: s.at >= s.text.length ? 'the text ends early' : message };
}

/** Read what starts at the scanner's offset; a problem in words, or undefined to go on. */
function step(s: Scanner, c: string | undefined): string | undefined {
  if (s.expect === 'value' || s.expect === 'first-value') return value(s, c);
  if (s.expect === 'key' || s.expect === 'first-key') return key(s, c);
  if (s.expect === 'colon') {
    if (c !== ':') return '`:` was expected after the property name';
    s.at++;
    s.expect = 'value';
    return undefined;
  }
  const open = s.open.at(-1);
  if (c === ',') {
    s.at++;
    s.expect = open === '{' ? 'key' : 'value';
  } else if (c === (open === '{' ? '}' : ']')) close(s);
  else return open === '{' ? '`,` or `}` was expected' : '`,` or `]` was expected';
  return undefined;
}

function value(s: Scanner, c: string | undefined): string | undefined {
  if (c === ']' && s.expect === 'first-value') close(s);
  else if (c === '{' || c === '[') {
    s.at++;
    s.open.push(c);
    s.expect = c === '{' ? 'first-key' : 'first-value';
  } else if (c === '"') {
    s.at++;
    if (!match(s, stringBody)) return badString;
    s.expect = 'after-value';
  } else if (match(s, literal)) s.expect = 'after-value';
  else return 'a value was expected';
  return undefined;
}

function key(s: Scanner, c: string | undefined): string | undefined {
  if (c === '}' && s.expect === 'first-key') {
    close(s);
    return undefined;
  }
  if (c !== '"') return 'a property name in double quotes was expected';
  s.at++;
  if (!match(s, stringBody)) return badString;
  s.expect = 'colon';
  return undefined;
}

function close(s: Scanner): void {
  s.at++;
  s.open.pop();
  s.expect = 'after-value';
}

function match(s: Scanner, pattern: RegExp): boolean {
  pattern.lastIndex = s.at;
  if (!pattern.exec(s.text) || pattern.lastIndex === s.at) return false;
  s.at = pattern.lastIndex;
  return true;
}
