import type { Policy } from '../model/policy.generated.js';
import { normalisePolicy } from './normalise.js';
import { sectionOrder, type SectionSlot } from './section-order.js';

export type { SectionSlot };

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
 * Resolve a valid document: rewrite short forms into general ones, apply
 * defaults and put its sections in page order (see `sectionOrder`).
 */
export function resolve(document: Policy, file: string): PolicyModel {
  const policy = normalisePolicy(document);
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
  const sections = sectionOrder(policy);
  return { policy: withDefaults, sections, file };
}
