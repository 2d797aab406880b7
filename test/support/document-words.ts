// The words of a YAML document as readers see them and the ids they do not, for tests that scan reader-facing output for identifiers.

/** Every `id` in a YAML document (entities, sections, list items). */
export function idsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) idsIn(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' && typeof v === 'string') into.add(v);
      else idsIn(v, into);
    }
  }
  return into;
}

/** Every text of a YAML document but its ids: an id that is also a word of the text (a cookie called `_ga`) is a word readers see. */
export function textsIn(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) textsIn(v, into);
  else if (typeof value === 'string') into.push(value);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'id') textsIn(v, into);
  return into;
}
