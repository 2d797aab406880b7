import type { CustomSection, Policy } from '../model/policy.generated.js';
import { builtinSections, type BuiltinSection } from '../model/sections.js';

/** A section of the page in order: a built-in one, or a custom Markdown section. */
export type SectionSlot = { kind: 'builtin'; name: BuiltinSection } | { kind: 'custom'; section: CustomSection };

/**
 * The sections of a document in page order. The introduction comes first; then
 * the sections `order` names, in that order; then the other built-in sections
 * in their default order. A custom section follows the section its `after`
 * names (several after the same one keep document order) unless `order` places
 * it; one with neither comes at the end. Names that resolve to nothing are
 * skipped here and reported by the reference checks.
 */
export function sectionOrder(policy: Policy): SectionSlot[] {
  const custom = policy.sections ?? [];
  const ordered = new Set(policy.order ?? []);
  const customById = new Map(custom.map((section) => [section.id, section]));
  const customAfter = new Map<string, CustomSection[]>();
  for (const section of custom) {
    if (section.after === undefined || ordered.has(section.id)) continue;
    customAfter.set(section.after, [...(customAfter.get(section.after) ?? []), section]);
  }
  const present = new Set<string>(builtinSections.filter((name) => name === 'introduction' || policy[name] !== undefined));
  const placed = new Set<string>();
  const slots: SectionSlot[] = [];
  const visit = (name: string) => {
    if (placed.has(name)) return;
    const section = customById.get(name);
    if (present.has(name)) {
      if (name !== 'introduction') slots.push({ kind: 'builtin', name: name as BuiltinSection });
    } else if (section) slots.push({ kind: 'custom', section });
    else return;
    placed.add(name);
    for (const next of customAfter.get(name) ?? []) visit(next.id);
  };
  visit('introduction');
  for (const name of ordered) visit(name);
  for (const name of present) visit(name);
  for (const section of custom) if (section.after === undefined || ordered.has(section.id)) visit(section.id);
  return slots;
}
