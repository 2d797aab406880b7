import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatPath, placeOfPath } from '../load/positions.js';
import { builtinSections, entityLists, references, type EntityList } from '../model/sections.js';
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

  const checkRef = (path: Path, ref: unknown, target: readonly string[], list: EntityList) => {
    if (typeof ref !== 'string' || target.includes(ref)) return;
    const guess = closest(ref, target);
    report(
      path,
      'unresolved-reference',
      `\`${ref}\` is not the id of any ${list.entity} in \`${formatPath([...list.path])}\``,
      guess ? `Did you mean \`${guess}\`?` : `Known ids: ${target.map((t) => `\`${t}\``).join(', ') || 'none'}.`,
    );
  };
  for (const reference of references) {
    const list = entityLists.find((l) => l.path.join('.') === reference.to.join('.'))!;
    // A contact belongs to the document's own controller too (`controller`, or the id it gives).
    const extra =
      list.kind === 'controller' ? [typeof controllerOf(data).id === 'string' ? String(controllerOf(data).id) : 'controller'] : [];
    const target = [...(idsByList.get(reference.to.join('.')) ?? []), ...extra];
    for (const [path, ref] of valuesAt(data, reference.from)) checkRef(path, ref, target, list);
  }
  checkParent(data, report);

  listAt(data, ['contacts', 'items']).forEach((contact, i) => {
    if (!isRecord(contact) || ['email', 'url', 'phone', 'address', 'methods'].some((k) => k in contact)) return;
    report(
      ['contacts', 'items', i],
      'contact-no-channel',
      `Contact \`${String(contact.id)}\` gives no way to reach it`,
      'Add at least one of `email`, `url`, `phone`, `address` or `methods`.',
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
    // A name is taken only when the document has that built-in section: a custom section written before the
    // model had one of that name (`children`, `security`) keeps its id, its anchor and its place.
    if (typeof id === 'string' && (present as readonly string[]).includes(id)) {
      report(
        ['sections', i, 'id'],
        'section-id-reserved',
        `Section id \`${id}\` is the name of a built-in section this document has`,
        `Choose another id; this document's built-in sections are ${present.map((s) => `\`${s}\``).join(', ')}.`,
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
  checkOrder(data, sections, [...present, ...customIds], report);
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

/** `order` names sections of this document; a section it places needs no `after`. */
function checkOrder(
  data: Record<string, unknown>,
  sections: Record<string, unknown>[],
  targets: readonly string[],
  report: (p: Path, r: string, m: string, h: string) => void,
) {
  const ordered = listAt(data, ['order']);
  ordered.forEach((name, i) => {
    if (typeof name !== 'string') return;
    if (!targets.includes(name)) {
      const guess = closest(name, targets);
      report(
        ['order', i],
        'unresolved-reference',
        `\`${name}\` in \`order\` is not a section of this document`,
        guess ? `Did you mean \`${guess}\`?` : `Sections here: ${targets.map((t) => `\`${t}\``).join(', ')}.`,
      );
    }
  });
  sections.forEach((section, i) => {
    if (typeof section.id === 'string' && typeof section.after === 'string' && ordered.includes(section.id)) {
      report(
        ['sections', i, 'after'],
        'section-order-conflict',
        `Section \`${section.id}\` is placed both by \`order\` and after \`${section.after}\``,
        'Remove its `after`, or take it out of `order`.',
      );
    }
  });
}

function controllerOf(data: Record<string, unknown>): Record<string, unknown> {
  return isRecord(data.controller) ? data.controller : {};
}

/** Every value at a path whose `*` segments stand for each item of a list, with its concrete path. */
function valuesAt(data: unknown, pattern: readonly string[], at: Path = []): [Path, unknown][] {
  if (!pattern.length) return [[at, data]];
  const [head, ...rest] = pattern;
  if (head === '*') return Array.isArray(data) ? data.flatMap((item, i) => valuesAt(item, rest, [...at, i])) : [];
  return isRecord(data) && Object.hasOwn(data, head!) ? valuesAt(data[head!], rest, [...at, head!]) : [];
}

/** A parent named by id is a document of this project: its file is checked when documents are loaded together. */
function checkParent(data: Record<string, unknown>, report: (p: Path, r: string, m: string, h: string) => void) {
  const parent = isRecord(data.parent) ? data.parent : undefined;
  if (parent && typeof parent.document === 'string' && parent.document === data.id) {
    report(
      ['parent', 'document'],
      'parent-self',
      `The document \`${String(data.id)}\` names itself as its parent`,
      'Name the company-wide policy it supplements, by its id or its `url`.',
    );
  }
}
