import { schemaVersion } from '../model/schema.js';

/** A migration lifts a document from one format version to the next. Pure: returns a new value. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the version they lift from: `migrations[1]` turns a version 1
 * document into a version 2 one. Snapshots are never rewritten; they are
 * lifted in memory each time they are read.
 */
export const migrations: Readonly<Record<number, Migration>> = {
  // Format 2 renamed `changes.notification` to `changes.channels`: "notification"
  // also names the e-mails policyc writes, and the field lists channels.
  1: (document) => {
    const changes = document.changes as Record<string, unknown> | undefined;
    if (!changes || !('notification' in changes)) return document;
    const { notification, ...rest } = changes;
    return { ...document, changes: { ...rest, channels: notification } };
  },
  // Format 3 only added: every format 2 document is a format 3 document. Its short forms (a recipient's
  // `condition`, a category's `source`, a purpose's `legalBasis`, a right's `type`) stay valid and are read
  // as their general forms when the document is resolved (resolve/normalise.ts).
  2: (document) => document,
};

/** Lift a document written with format version `from` to the current one. */
export function migrate(
  document: Record<string, unknown>,
  from: number,
  registry: Readonly<Record<number, Migration>> = migrations,
  to: number = schemaVersion,
): Record<string, unknown> {
  let current = document;
  for (let version = from; version < to; version++) {
    const step = registry[version];
    if (!step) throw new Error(`No migration from document format ${version} to ${version + 1}`);
    current = step(current);
  }
  return current;
}
