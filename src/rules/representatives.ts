import type { Controller, Policy } from '../model/policy.generated.js';
import { contactsOf } from './controllers.js';

/** A region where a controller established elsewhere names a representative: the EU, the UK or Switzerland. */
export type RepresentedRegion = NonNullable<Controller['representatives']>[number]['region'];

/** A representative a document names for a region: its name and postal address where given, and where it stands. */
export interface NamedRepresentative {
  name: string | undefined;
  address: string | undefined;
  path: (string | number)[];
}

/**
 * The representatives a controller names for a region: one of its
 * `representatives` for the region, or a contact of it with role
 * `representative` for the region (for every region when the contact names
 * none). GDPR Art. 27, UK GDPR Art. 27 and FADP Art. 14 ask the same of both.
 */
export function representativesFor(
  policy: Policy,
  controller: Controller,
  controllerPath: (string | number)[],
  region: RepresentedRegion,
): NamedRepresentative[] {
  const own = (controller.representatives ?? []).flatMap((r, i) =>
    r.region === region ? [{ name: r.name, address: r.address?.trim() || undefined, path: [...controllerPath, 'representatives', i] }] : [],
  );
  const contacts = contactsOf(policy, controller)
    .filter((c) => c.role === 'representative' && (!c.regions?.length || c.regions.includes(region)))
    .map((c) => ({
      name: c.name?.trim() || c.organisation?.trim() || undefined,
      address: (c.address ?? c.methods?.find((m) => m.address)?.address)?.trim() || undefined,
      path: ['contacts', 'items', policy.contacts.items.indexOf(c)],
    }));
  return [...own, ...contacts];
}

/** How findings name a controller: "The controller" alone, or with its id when the document has several. */
export function controllerNames(controller: Controller, path: (string | number)[]): { subject: string; object: string } {
  const id = `\`${controller.id ?? path[1]}\``;
  return path.length === 1 ? { subject: 'The controller', object: 'the controller' } : { subject: `The controller ${id}`, object: id };
}
