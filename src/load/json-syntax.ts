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

const whitespace = new Set([' ', '\t', '\n', '\r']);
const literal = /true|false|null/y;
const number = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const stringBody = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  // What each open container expects next: a value, a key, or a comma/close.
  const stack: ('[' | '{')[] = [];
  let expect: 'value' | 'key' | 'after-value' | 'colon' | 'first-key' | 'first-value' = 'value';
  const skip = () => {
    while (i < text.length && whitespace.has(text[i]!)) i++;
  };
  const fail = (message: string): JsonSyntaxError => ({ offset: i, message: i >= text.length ? 'the text ends early' : message });
  const match = (pattern: RegExp) => {
    pattern.lastIndex = i;
    const found = pattern.exec(text);
    if (!found) return false;
    i = pattern.lastIndex;
    return true;
  };
  for (;;) {
    skip();
    const c = text[i];
    if (expect === 'value' || expect === 'first-value') {
      if (c === ']' && expect === 'first-value') {
        i++;
        stack.pop();
        expect = 'after-value';
      } else if (c === '{') {
        i++;
        stack.push('{');
        expect = 'first-key';
      } else if (c === '[') {
        i++;
        stack.push('[');
        expect = 'first-value';
      } else if (c === '"') {
        i++;
        if (!match(stringBody)) return fail('a string is not closed, or has a control character or a bad escape');
        expect = 'after-value';
      } else if (match(literal) || match(number)) {
        expect = 'after-value';
      } else {
        return fail('a value was expected');
      }
    } else if (expect === 'key' || expect === 'first-key') {
      if (c === '}' && expect === 'first-key') {
        i++;
        stack.pop();
        expect = 'after-value';
        continue;
      }
      if (c !== '"') return fail('a property name in double quotes was expected');
      i++;
      if (!match(stringBody)) return fail('a string is not closed, or has a control character or a bad escape');
      expect = 'colon';
    } else if (expect === 'colon') {
      if (c !== ':') return fail('`:` was expected after the property name');
      i++;
      expect = 'value';
    } else {
      const open = stack.at(-1);
      if (open === undefined) return i < text.length ? fail('the text goes on after the JSON value') : undefined;
      if (c === ',') {
        i++;
        expect = open === '{' ? 'key' : 'value';
      } else if (c === (open === '{' ? '}' : ']')) {
        i++;
        stack.pop();
      } else {
        return fail(open === '{' ? '`,` or `}` was expected' : '`,` or `]` was expected');
      }
    }
  }
}
