import type { ReviewDecision } from '../diff/types.js';
import { canonicalJson } from '../util/canonical-json.js';
import { sha256 } from '../util/hash.js';

// Hashing and canonical JSON live in util/; re-exported here for the modules that import them with the manifest's other helpers.
export { canonicalJson, sha256 };
// A decision is the diff's (it applies to change sets); the manifest freezes it.
export type { ReviewDecision };

/** One released version, as the manifest records it. */
export interface ReleaseEntry {
  version: string;
  /** The date the version takes effect (YYYY-MM-DD). */
  effective: string;
  /** The date it was released (YYYY-MM-DD). */
  released: string;
  /** The document format version the snapshot was written with; migrations lift older ones. */
  schemaVersion: number;
  /** The snapshot's file name, beside the manifest. */
  file: string;
  /** SHA-256 of the snapshot's bytes (hex). */
  sha256: string;
  /** SHA-256 of the previous entry (hex, of its canonical JSON); null for the first release. */
  previous: string | null;
  /** The release note its authors wrote (`release --note FILE`), frozen beside the snapshot. */
  note?: FrozenFile;
  /** Who released it (`release --released-by`). */
  releasedBy?: string;
  /** Who approved it (`release --approved-by`). */
  approvedBy?: string;
  /** The decisions people took on the changes the rules could not judge (class `review`), as they stood at the release. */
  decisions?: ReviewDecision[];
}

/** A text frozen beside the snapshots (a release note), with the hash of its bytes. */
export interface FrozenFile {
  /** The file's name, beside the manifest (`2.1.0.note.md`, `2.1.0.note.fr.md`). */
  file: string;
  /** SHA-256 of its bytes (hex). */
  sha256: string;
}

/** A translation frozen into the history: the translated text of one released version, in one locale. */
export interface TranslationEntry {
  locale: string;
  /** The released version it translates. */
  version: string;
  /** The date it was frozen (YYYY-MM-DD): the version's release, or later for a translation that came after. */
  released: string;
  /** The snapshot's file name, beside the manifest (`2.0.0.fr.yaml`). */
  file: string;
  /** SHA-256 of the snapshot's bytes (hex). */
  sha256: string;
  /** SHA-256 of the previous translation entry (hex, of its canonical JSON); null for the first. */
  previous: string | null;
  /** The release note in this language, frozen beside the snapshot. */
  note?: FrozenFile;
}

/** The release history of one document: `policy/history/<id>/manifest.json`. */
export interface Manifest {
  document: string;
  releases: ReleaseEntry[];
  /** Frozen translations, in the order they were frozen (absent until the first). */
  translations?: TranslationEntry[];
}

/** The hash that chains an entry to the next one. */
export function entryHash(entry: ReleaseEntry | TranslationEntry): string {
  return sha256(canonicalJson(entry));
}

/** Serialise a manifest the way `release` writes it (stable, readable, one trailing newline). */
export function serialiseManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Compare semantic versions (MAJOR.MINOR.PATCH). */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** A version bumped by one level. */
export function bumpVersion(version: string, level: 'patch' | 'minor' | 'major'): string {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  if (level === 'major') return `${major + 1}.0.0`;
  if (level === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** The level by which `to` is above `from` (`none` when it is not above it). */
export function bumpBetween(from: string, to: string): 'none' | 'patch' | 'minor' | 'major' {
  const [a = 0, b = 0, c = 0] = from.split('.').map(Number);
  const [x = 0, y = 0, z = 0] = to.split('.').map(Number);
  if (x > a) return 'major';
  if (x === a && y > b) return 'minor';
  if (x === a && y === b && z > c) return 'patch';
  return 'none';
}

const bumpOrder = ['none', 'patch', 'minor', 'major'] as const;

/** Whether bump `a` is at least as large as bump `b`. */
export function bumpCovers(a: (typeof bumpOrder)[number], b: (typeof bumpOrder)[number]): boolean {
  return bumpOrder.indexOf(a) >= bumpOrder.indexOf(b);
}
