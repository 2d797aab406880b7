/*
 * A CSV reader (RFC 4180): fields separated by commas, records by CRLF or LF,
 * a field in double quotes may hold commas, line breaks and doubled quotes.
 * The Open Cookie Database's descriptions have all three.
 */

/** The records of a CSV text, or where it stops being CSV (1-based line and column). */
export type CsvRead = { records: string[][] } | { problem: string; line: number; column: number };

/** Parse a CSV text into records of fields; a trailing line break ends the last record without adding an empty one. */
export function parseCsv(text: string): CsvRead {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let line = 1;
  let lineStart = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // A field just ended by a comma: the record goes on even if the text ends here.
  let pending = false;
  const at = (index: number) => ({ line, column: index - lineStart + 1 });
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      const open = at(i);
      i++;
      for (;;) {
        if (i >= text.length) return { problem: 'a quoted field is not closed', ...open };
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') {
          line++;
          lineStart = i + 1;
        }
        field += q;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
        return { problem: 'a quoted field is followed by more than a comma or a line break', ...at(i) };
      pending = true;
      continue;
    }
    if (c === '"') return { problem: 'a double quote inside an unquoted field (quote the field and double the quote)', ...at(i) };
    if (c === ',') {
      record.push(field);
      field = '';
      pending = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      pending = false;
      i++;
      line++;
      lineStart = i;
      continue;
    }
    field += c;
    pending = true;
    i++;
  }
  if (pending || field !== '') {
    record.push(field);
    records.push(record);
  }
  return { records };
}
