import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatPath, placeOfPath } from '../load/positions.js';
import { builtinSections, entityLists } from '../model/sections.js';
import type { PositionedData } from './schema-rules.js';
import { closest } from './suggest.js';

type Path = (string | number)[];

/**
 * Checks a schema cannot express: ids unique within each list, references
 * that resolve, custom sections that can be placed, contacts that can be
 * reached, and a file named after its document. Written defensively, so it
 * runs (and reports) even when the schema check failed too.
 */
export function validateReferences(input: PositionedData, options: { checkFileName?: boolean } = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (path: Path, ruleId: string, message: string, hint: string) =>
    out.push(diagnostic(input.path, placeOfPath(input.yaml, input.lineCounter, path.map(String)), ruleId, 'references', message, { hint }));
  const data = input.data;
  if (!isRecord(data)) return out;

  if (options.checkFileName !== false) checkFileName(input.path, data, report);

  const idsByList = new Map<string, string[]>();
  for (const list of entityLists) {
    const items = listAt(data, list.path);
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      if (!isRecord(item) || typeof item.id !== 'string') return;
      const first = seen.get(item.id);
      if (first !== undefined) {
        report(
          [...list.path, index, 'id'],
          'duplicate-id',
          `Duplicate id \`${item.id}\`: entry ${first + 1} of \`${formatPath([...list.path])}\` has the same id`,
          `Ids identify a ${list.entity} across versions and must be unique in \`${formatPath([...list.path])}\`: rename one.`,
        );
      } else seen.set(item.id, index);
    });
    idsByList.set(list.path.join('.'), [...seen.keys()]);
  }

  const categories = idsByList.get('collection.categories') ?? [];
  const contacts = idsByList.get('contacts.items') ?? [];
  const checkRefs = (path: Path, target: readonly string[], entity: string, list: string) => {
    const refs = valueAt(data, path);
    const each: [unknown, Path][] = Array.isArray(refs) ? refs.map((r, i): [unknown, Path] => [r, [...path, i]]) : [[refs, path]];
    for (const [ref, refPath] of each) {
      if (typeof ref !== 'string' || target.includes(ref)) continue;
      const guess = closest(ref, target);
      report(
        refPath,
        'unresolved-reference',
        `\`${ref}\` is not the id of any ${entity} in \`${list}\``,
        guess ? `Did you mean \`${guess}\`?` : `Known ids: ${target.map((t) => `\`${t}\``).join(', ') || 'none'}.`,
      );
    }
  };
  listAt(data, ['collection', 'contexts']).forEach((_, i) =>
    checkRefs(['collection', 'contexts', i, 'categories'], categories, 'data category', 'collection.categories'),
  );
  listAt(data, ['purposes', 'items']).forEach((_, i) =>
    checkRefs(['purposes', 'items', i, 'categories'], categories, 'data category', 'collection.categories'),
  );
  listAt(data, ['sharing', 'recipients']).forEach((_, i) =>
    checkRefs(['sharing', 'recipients', i, 'categories'], categories, 'data category', 'collection.categories'),
  );
  checkRefs(['marketing', 'optOut', 'contact'], contacts, 'contact', 'contacts.items');
  listAt(data, ['rights', 'items']).forEach((_, i) => checkRefs(['rights', 'items', i, 'contact'], contacts, 'contact', 'contacts.items'));

  listAt(data, ['contacts', 'items']).forEach((contact, i) => {
    if (!isRecord(contact) || ['email', 'url', 'phone', 'address'].some((k) => k in contact)) return;
    report(
      ['contacts', 'items', i],
      'contact-no-channel',
      `Contact \`${String(contact.id)}\` gives no way to reach it`,
      'Add at least one of `email`, `url`, `phone` or `address`.',
    );
  });

  checkSections(data, report);
  return out;
}

function checkFileName(path: string, data: Record<string, unknown>, report: (p: Path, r: string, m: string, h: string) => void) {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? path;
  const stem = base.replace(/\.ya?ml$/, '');
  if (typeof data.id === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(data.id) && data.id !== stem) {
    report(
      ['id'],
      'document-id-filename',
      `Document id \`${data.id}\` does not match its file name \`${base}\``,
      `Rename the file to \`${data.id}.yaml\`, or set \`id: ${stem}\`: the id names the document's folder in dist/ and its history.`,
    );
  }
}

function checkSections(data: Record<string, unknown>, report: (p: Path, r: string, m: string, h: string) => void) {
  const sections = listAt(data, ['sections']).filter(isRecord);
  const present = builtinSections.filter((name) => name === 'introduction' || data[name] !== undefined);
  const customIds = sections.map((s) => s.id).filter((id): id is string => typeof id === 'string');
  sections.forEach((section, i) => {
    const id = section.id;
    if (typeof id === 'string' && (builtinSections as readonly string[]).includes(id)) {
      report(
        ['sections', i, 'id'],
        'section-id-reserved',
        `Section id \`${id}\` is the name of a built-in section`,
        `Choose another id; built-in sections are ${builtinSections.map((s) => `\`${s}\``).join(', ')}.`,
      );
    }
    const after = section.after;
    if (typeof after !== 'string') return;
    if (after === id) {
      report(
        ['sections', i, 'after'],
        'section-order-cycle',
        `Section \`${id}\` is placed after itself`,
        'Name another section in `after`.',
      );
      return;
    }
    const targets = [...present, ...customIds].filter((t) => t !== id);
    if (!targets.includes(after)) {
      const missingBuiltin = (builtinSections as readonly string[]).includes(after);
      const guess = closest(after, targets);
      report(
        ['sections', i, 'after'],
        'unresolved-reference',
        missingBuiltin
          ? `Section \`${id}\` is placed after \`${after}\`, which this document does not have`
          : `\`${after}\` is not a section of this document`,
        guess ? `Did you mean \`${guess}\`?` : `Sections here: ${targets.map((t) => `\`${t}\``).join(', ')}.`,
      );
    }
  });
  // A chain of custom sections placed after each other must end at a built-in one.
  const afterOf = new Map<string, string>();
  for (const s of sections) if (typeof s.id === 'string' && typeof s.after === 'string') afterOf.set(s.id, s.after);
  const inReportedLoop = new Set<string>();
  sections.forEach((section, i) => {
    const start = section.id;
    if (typeof start !== 'string' || section.after === start || inReportedLoop.has(start)) return;
    const seen = new Set<string>();
    for (let cursor = afterOf.get(start); cursor !== undefined && !seen.has(cursor); cursor = afterOf.get(cursor)) {
      if (cursor === start) {
        for (const member of seen) inReportedLoop.add(member);
        report(
          ['sections', i, 'after'],
          'section-order-cycle',
          `Sections placed after each other form a loop through \`${start}\``,
          'Place one of them after a built-in section.',
        );
        break;
      }
      seen.add(cursor);
    }
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isRecord(node) && typeof key === 'string') node = Object.hasOwn(node, key) ? node[key] : undefined;
    else return undefined;
  }
  return node;
}

function listAt(data: unknown, path: readonly (string | number)[]): unknown[] {
  const value = valueAt(data, path);
  return Array.isArray(value) ? value : [];
}
