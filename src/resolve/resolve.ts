import type { CustomSection, Policy } from '../model/policy.generated.js';
import { builtinSections, type BuiltinSection } from '../model/sections.js';

/** A section of the page in order: a built-in one, or a custom Markdown section. */
export type SectionSlot = { kind: 'builtin'; name: BuiltinSection } | { kind: 'custom'; section: CustomSection };

/** A validated policy, resolved for rendering and diffing. */
export interface PolicyModel {
  /** The document with defaults applied. */
  policy: Policy;
  /** The sections present in the document, in page order. */
  sections: SectionSlot[];
  /** The file it came from. */
  file: string;
}

/**
 * Resolve a valid document: apply defaults and place custom sections after
 * the section each names (several after the same one keep document order).
 */
export function resolve(policy: Policy, file: string): PolicyModel {
  const withDefaults: Policy = {
    ...policy,
    collection: {
      ...policy.collection,
      categories: policy.collection.categories.map((c) => ({
        ...c,
        sensitive: c.sensitive ?? false,
      })) as Policy['collection']['categories'],
    },
  };
  const customAfter = new Map<string, CustomSection[]>();
  for (const section of policy.sections ?? []) {
    const list = customAfter.get(section.after) ?? [];
    list.push(section);
    customAfter.set(section.after, list);
  }
  const sections: SectionSlot[] = [];
  const place = (name: string) => {
    for (const section of customAfter.get(name) ?? []) {
      sections.push({ kind: 'custom', section });
      place(section.id);
    }
  };
  for (const name of builtinSections) {
    if (name === 'introduction' || policy[name] !== undefined) {
      if (name !== 'introduction') sections.push({ kind: 'builtin', name });
      place(name);
    }
  }
  return { policy: withDefaults, sections, file };
}
