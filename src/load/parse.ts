import { Composer, isMap, LineCounter, Parser, visit, YAMLParseError, type Document, type YAMLError } from 'yaml';
import type { CST } from 'yaml';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import { placeOfNode, placeOfRange } from './positions.js';

/** A file as read from disk: its path and bytes, or its size when it was too large to read. */
export interface SourceFile {
  path: string;
  /** The file's bytes; absent when the reader refused a file over the size limit. */
  bytes?: Uint8Array;
  /** Size in bytes, as the reader saw it. */
  size: number;
  /** Set when the reader refused the file as not a regular file: what it is instead (`a symbolic link`, `a device`). */
  notRegular?: string;
}

/** A parsed YAML file: its text, the YAML tree with positions, and its JavaScript value. */
export interface ParsedFile {
  path: string;
  text: string;
  lineCounter: LineCounter;
  /** The YAML document with node ranges; absent when the file could not be read as YAML. */
  yaml?: Document;
  /** The file's value; set only when parsing succeeded and the root is a mapping. */
  data?: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

/** Settings of the parse stage. */
export interface ParseSettings {
  /** Largest file accepted, in bytes (default: 5 MiB). */
  maxBytes: number;
  /** Most alias nodes resolved before giving up (default: 100), against "billion laughs" files. */
  maxAliasCount: number;
  /** Deepest nesting of collections accepted (default: 64; the schema needs about 6). */
  maxDepth: number;
}

export const defaultParseSettings: ParseSettings = { maxBytes: 5 * 1024 * 1024, maxAliasCount: 100, maxDepth: 64 };

const yamlRuleIds: Record<string, string> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab-indent',
  MULTIPLE_DOCS: 'yaml-multiple-documents',
};

const yamlMessages: Record<string, string> = {
  DUPLICATE_KEY: 'Duplicate key: this key already appears earlier in the same mapping',
  TAB_AS_INDENT: 'Tabs are not allowed as indentation',
  MULTIPLE_DOCS: 'The file holds more than one YAML document: a `---` line starts a second one',
};

const yamlHints: Record<string, string> = {
  DUPLICATE_KEY: 'Each key may appear once in a mapping: remove or rename one of them.',
  TAB_AS_INDENT: 'YAML indentation must use spaces: replace the tab with spaces.',
  MULTIPLE_DOCS: 'A policy file holds one YAML document: remove the `---` separator and what follows, or move it to its own file.',
};

/**
 * Parse a policy file: decode UTF-8, parse YAML keeping node positions, and
 * turn it into a JavaScript value. Every problem becomes one diagnostic; a
 * file with a fatal problem has no `data`.
 */
export function parse(file: SourceFile, settings: ParseSettings = defaultParseSettings): ParsedFile {
  const lineCounter = new LineCounter();
  const result: ParsedFile = { path: file.path, text: '', lineCounter, diagnostics: [] };
  const fail = (ruleId: string, message: string, hint: string, place = fileStart) => {
    result.diagnostics.push(diagnostic(file.path, place, ruleId, 'load', message, { hint }));
    return result;
  };

  if (file.notRegular !== undefined) {
    return fail(
      'file-not-regular',
      `\`${file.path}\` is ${file.notRegular}: policyc reads only regular files, never through links`,
      'Replace it with the file itself (a link or special file in the policy folder could expose or stall the machine that runs policyc).',
    );
  }
  if (file.bytes === undefined || file.size > settings.maxBytes) {
    return fail(
      'file-too-large',
      `File is ${formatBytes(file.size)}, over the limit of ${formatBytes(settings.maxBytes)}`,
      'A policy document is far smaller than this: check that the right file is in the policy folder.',
    );
  }
  const decoded = decodeUtf8(file.bytes);
  if (typeof decoded !== 'string') {
    result.text = new TextDecoder('utf-8').decode(file.bytes);
    return fail('encoding-not-utf8', decoded.message, decoded.hint, decoded.place);
  }
  result.text = decoded;
  if (decoded.trim() === '') {
    return fail('file-empty', 'File is empty', 'Write the policy document here, or remove the file.');
  }

  // The concrete syntax tree is built without recursion; composing it recurses once per level, so depth is checked in between.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(decoded)];
  const deepest = deepestNesting(tokens, settings.maxDepth);
  if (deepest !== undefined) {
    return fail(
      'yaml-too-deep',
      `Collections nest more than ${settings.maxDepth} levels deep here`,
      'A policy document nests a few levels at most: check for runaway brackets or `- - -`, or a file that is not a policy.',
      placeOfRange(lineCounter, deepest, deepest + 1),
    );
  }
  const doc = composeDocument(tokens, decoded);
  result.yaml = doc;
  // After the first real syntax error the parser's later errors are mostly
  // echoes of it; duplicate keys are independent, so all of them are kept.
  let syntaxReported = false;
  for (const error of doc.errors) {
    const independent = error.code === 'DUPLICATE_KEY';
    if (!independent && syntaxReported) continue;
    if (!independent) syntaxReported = true;
    result.diagnostics.push(yamlDiagnostic(file.path, decoded, lineCounter, error, 'error'));
  }
  for (const warning of doc.warnings) result.diagnostics.push(yamlDiagnostic(file.path, decoded, lineCounter, warning, 'warning'));
  if (doc.errors.length > 0) return result;

  if (doc.contents === null) {
    return fail('file-empty', 'File has no content, only comments', 'Write the policy document here, or remove the file.');
  }
  if (!isMap(doc.contents)) {
    return fail(
      'yaml-root-not-mapping',
      'The document must be a mapping of keys to values (`id: ...`, `title: ...`)',
      'Start the file with `id:`, `title:`, `version:` ... at the left margin.',
      placeOfNode(lineCounter, doc.contents),
    );
  }

  try {
    result.data = doc.toJS({ maxAliasCount: settings.maxAliasCount }) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ReferenceError) {
      return fail(
        'yaml-alias-limit',
        `Aliases expand to too many nodes (limit ${settings.maxAliasCount}): this looks like a "billion laughs" file`,
        'Write the values out instead of nesting aliases (`*name`).',
        firstAliasPlace(doc, lineCounter),
      );
    }
    throw error;
  }
  return result;
}

/** `parseDocument` of the yaml package, from tokens already parsed: the first document, and an error when there are more. */
function composeDocument(tokens: CST.Token[], source: string): Document {
  let doc: Document | undefined;
  for (const next of new Composer({ uniqueKeys: true, version: '1.2' }).compose(tokens, true, source.length)) {
    if (!doc) doc = next as Document;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return doc!;
}

/** The offset where collections first nest deeper than `max`, walking the syntax tree with a stack of our own (no recursion). */
function deepestNesting(tokens: readonly CST.Token[], max: number): number | undefined {
  const stack: { token: CST.Token | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') stack.push({ token: token.value, depth });
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > max) return token.offset;
      for (const item of token.items)
        stack.push(
          { token: 'key' in item ? (item.key ?? undefined) : undefined, depth: depth + 1 },
          { token: item.value, depth: depth + 1 },
        );
    }
  }
  return undefined;
}

function yamlDiagnostic(path: string, text: string, lineCounter: LineCounter, error: YAMLError, severity: 'error' | 'warning'): Diagnostic {
  const ruleId = yamlRuleIds[error.code] ?? (severity === 'error' ? 'yaml-syntax' : 'yaml-warning');
  const original = sentence(error.message.split('\n')[0] ?? error.message);
  let [start, end] = error.pos;
  let message = yamlMessages[error.code] ?? original;
  let hint = yamlHints[error.code] ?? 'Check the indentation and quoting on this line and the one before it.';
  if (error.code === 'MISSING_CHAR' && /quote/i.test(original)) {
    // The parser notices a missing closing quote only at the end of the file; the opening quote is the place to fix.
    const opening = findUnclosedQuote(text);
    if (opening !== undefined) [start, end] = [opening, opening + 1];
    message = 'A quoted value is never closed';
    hint = 'Add the closing quote at the end of the value, or remove the opening one.';
  } else if (error.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(start))?.[0].trim();
    if (key) message = `Duplicate key \`${key}\`: it already appears earlier in the same mapping`;
  } else if (ruleId === 'yaml-syntax') {
    message = `${original}: the indentation or punctuation of this line does not fit the lines around it`;
  }
  // Point at the first character of the line rather than its indentation.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (/^ *$/.test(text.slice(lineStart, start))) while (text[start] === ' ') start++;
  end = Math.max(end, start + 1);
  return diagnostic(path, placeOfRange(lineCounter, start, end), ruleId, 'yaml', message, { hint, severity });
}

/** Offset of the first quote that opens a value and is not closed on its line. */
function findUnclosedQuote(text: string): number | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    const match = /^(\s*(?:-\s+)?(?:[^\s#'"][^:#]*:\s+)?)(["'])(.*)$/.exec(line);
    if (match) {
      const quote = match[2]!;
      const rest = match[3]!;
      const closed = quote === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) : /'(?!')|^'$/.test(rest.replace(/''/g, ''));
      if (!closed) return offset + match[1]!.length;
    }
    offset += line.length + 1;
  }
  return undefined;
}

function firstAliasPlace(doc: Document, lineCounter: LineCounter) {
  let place = fileStart;
  visit(doc, {
    Alias(_key, node) {
      place = placeOfNode(lineCounter, node);
      return visit.BREAK;
    },
  });
  return place;
}

export interface DecodeFailure {
  message: string;
  hint: string;
  place: typeof fileStart;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decode UTF-8 strictly (dropping a BOM), or say where the first invalid byte is. */
/** A file's text as `parse` keeps it (undecodable bytes replaced), for a code frame, without parsing the file. */
export function sourceText(bytes: Uint8Array): string {
  const decoded = decodeUtf8(bytes);
  return typeof decoded === 'string' ? decoded : new TextDecoder('utf-8').decode(bytes);
}

export function decodeUtf8(bytes: Uint8Array): string | DecodeFailure {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      message: 'File is encoded as UTF-16, not UTF-8',
      hint: 'Save the file as UTF-8 (in most editors: "Save with encoding", UTF-8).',
      place: fileStart,
    };
  }
  try {
    return utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, offset));
    const lines = before.split('\n');
    const line = lines.length;
    const column = (lines[lines.length - 1] ?? '').length + 1;
    const byte = bytes[offset]?.toString(16).padStart(2, '0') ?? '??';
    return {
      message: `File is not valid UTF-8: byte 0x${byte} cannot start or continue a character`,
      hint: 'Save the file as UTF-8; it was probably written as Latin-1 or Windows-1252.',
      place: { start: { line, column }, end: { line, column: column + 1 } },
    };
  }
}

/** Offset of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong and surrogate forms are rejected by the decoder too; treat the lead byte as the culprit.
    if (need > 0 && !validLead(bytes, i)) return i;
    i += need + 1;
  }
  return bytes.length;
}

function validLead(bytes: Uint8Array, i: number): boolean {
  const b = bytes[i]!;
  const c = bytes[i + 1]!;
  if (b === 0xe0) return c >= 0xa0;
  if (b === 0xed) return c < 0xa0;
  if (b === 0xf0) return c >= 0x90;
  if (b === 0xf4) return c < 0x90;
  return true;
}

function sentence(text: string): string {
  const trimmed = text.replace(/ at line \d+, column \d+:?$/, '').trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** A size in bytes, for messages (`5.0 MiB`). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
