/*
 * A CSV reader (RFC 4180): fields separated by commas, records by CRLF or LF,
 * a field in double quotes may hold commas, line breaks and doubled quotes.
 * The Open Cookie Database's descriptions have all three.
 */

/** The records of a CSV text, or where it stops being CSV (1-based line and column). */
export type CsvRead = { records: string[][] } | { problem: string; line: number; column: number };

interface Reader {
  readonly text: string;
  at: number;
  line: number;
  lineStart: number;
}

type Problem = { problem: string; line: number; column: number };

const place = (r: Reader, index: number) => ({ line: r.line, column: index - r.lineStart + 1 });

/** Parse a CSV text into records of fields; a trailing line break ends the last record without adding an empty one. */
export function parseCsv(text: string): CsvRead {
  const records: string[][] = [];
  const r: Reader = { text, at: text.charCodeAt(0) === 0xfeff ? 1 : 0, line: 1, lineStart: 0 };
  let record: string[] = [];
  while (r.at < text.length) {
    const field = text[r.at] === '"' ? quoted(r) : plain(r);
    if (typeof field !== 'string') return field;
    record.push(field);
    const c = text[r.at];
    r.at++;
    if (c === ',') {
      // A comma at the very end leaves an empty last field.
      if (r.at === text.length) record.push('');
      continue;
    }
    if (c === '\r' && text[r.at] === '\n') r.at++;
    records.push(record);
    record = [];
    r.line++;
    r.lineStart = r.at;
  }
  if (record.length) records.push(record);
  return { records };
}

/** An unquoted field, up to the next comma or line break. */
function plain(r: Reader): string | Problem {
  const start = r.at;
  while (r.at < r.text.length && !',\r\n'.includes(r.text[r.at]!)) {
    if (r.text[r.at] === '"')
      return { problem: 'a double quote inside an unquoted field (quote the field and double the quote)', ...place(r, r.at) };
    r.at++;
  }
  return r.text.slice(start, r.at);
}

/** A quoted field, its doubled quotes made single; the reader left after its closing quote. */
function quoted(r: Reader): string | Problem {
  const open = place(r, r.at);
  let field = '';
  r.at++;
  for (;;) {
    const close = r.text.indexOf('"', r.at);
    if (close === -1) return { problem: 'a quoted field is not closed', ...open };
    const piece = r.text.slice(r.at, close);
    for (let nl = piece.indexOf('\n'); nl !== -1; nl = piece.indexOf('\n', nl + 1)) {
      r.line++;
      r.lineStart = r.at + nl + 1;
    }
    field += piece;
    r.at = close + 1;
    if (r.text[r.at] !== '"') break;
    field += '"';
    r.at++;
  }
  const next = r.text[r.at];
  if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
    return { problem: 'a quoted field is followed by more than a comma or a line break', ...place(r, r.at) };
  return field;
}
