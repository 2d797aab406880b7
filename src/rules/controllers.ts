import type { Contact, Controller, Policy } from '../model/policy.generated.js';

type ContactRole = Contact['role'];

/** The roles of bodies other than the controller: an authority, a dispute-resolution body, the Art. 27 representative. */
const otherBodies: readonly ContactRole[] = ['supervisory-authority', 'ombudsman', 'representative'];

/**
 * A contact of the controller itself: any role but another body's, and not a
 * contact of another `organisation` (its data protection officer aside, who
 * may be external). Art. 13(1)(a) asks for the controller's contact details,
 * whatever the channel: a support or access-requests mailbox gives them.
 */
export function ofController(contact: Contact): boolean {
  if (otherBodies.includes(contact.role)) return false;
  return contact.role === 'dpo' || !contact.organisation?.trim();
}

/** A contact gives at least one way to reach it: its own e-mail, URL, phone or address, or one of its `methods`. */
export function reachable(contact: Contact): boolean {
  const direct = (c: { email?: string | undefined; url?: string | undefined; phone?: string | undefined; address?: string | undefined }) =>
    Boolean(c.email || c.url || c.phone || c.address?.trim());
  return direct(contact) || (contact.methods ?? []).some(direct);
}

/** Every controller of the document with its path: `controller`, then each of `otherControllers`. */
export function controllersOf(policy: Policy): { controller: Controller; path: (string | number)[] }[] {
  return [
    { controller: policy.controller, path: ['controller'] },
    ...(policy.otherControllers ?? []).map((controller, i) => ({ controller, path: ['otherControllers', i] })),
  ];
}

/**
 * The contacts through which a controller is reached: those it lists
 * (`contacts`) or that name it (`controller`), and those assigned to no
 * controller, which serve every one.
 */
export function contactsOf(policy: Policy, controller: Controller): Contact[] {
  const id = controller.id ?? 'controller';
  const listed = new Set(controller.contacts ?? []);
  const assigned = new Set(controllersOf(policy).flatMap(({ controller: c }) => c.contacts ?? []));
  return policy.contacts.items.filter((c) => listed.has(c.id) || c.controller === id || (!c.controller && !assigned.has(c.id)));
}

/** Whether a controller is the controller for people in a region: every region of the document when it names none. */
export function serves(controller: Controller, region: string): boolean {
  const regions: readonly string[] = controller.regions ?? [];
  return !regions.length || regions.includes(region);
}
