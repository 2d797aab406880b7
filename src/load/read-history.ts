import { readdirSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import { sha256 } from '../util/hash.js';
import { formatBytes, parse, type ParsedFile, type ParseSettings } from './parse.js';
import { describeNonRegular, lstatOrUndefined, readRegularFile } from './read-safely.js';

/** The release history of one document as read from `policy/history/<id>/`. */
export interface HistoryFiles {
  /** The document id (the folder's name). */
  id: string;
  /** Display path of the manifest. */
  manifestPath: string;
  /** The manifest's text; absent when there is no manifest. */
  manifestText?: string;
  /** Snapshot files by name. */
  snapshots: Map<string, SnapshotFile>;
  /** Frozen release notes (`<version>.note.md`, `<version>.note.<locale>.md`) by name; absent where nothing reads them. */
  notes?: Map<string, NoteFile>;
  /** Display path of the folder. */
  dir: string;
}

/** A snapshot file: the hash of its bytes as read, and how to read and parse it when needed. */
export interface SnapshotFile {
  /** Display path. */
  path: string;
  /** SHA-256 of the bytes (hex). */
  sha256: string;
  /** Read the bytes (again). */
  read(): Uint8Array;
  /** Parse the bytes given, or the file as it is now. */
  parse(bytes?: Uint8Array): ParsedFile;
}

/** A frozen release note: the hash of its bytes and its text (a note is short, so it is kept). */
export interface NoteFile {
  /** Display path. */
  path: string;
  /** SHA-256 of the bytes (hex). */
  sha256: string;
  /** The bytes as UTF-8 (a note whose hash matches was checked when it was frozen). */
  text: string;
}

/** A frozen release note's name: `<version>.note.md` or `<version>.note.<locale>.md`. */
export const noteName = /^[^/]+\.note(?:\.[^./]+)?\.md$/;

/** The history folder of a policy folder: `policy/history/`. */
export function historyRoot(policyDir: string): string {
  return path.join(policyDir, 'history');
}

/** The suffix of a snapshot written by a release that has not yet recorded it in the manifest. */
export const pendingSuffix = '.pending';

/** The histories found, and the files among them that were refused unread. */
export interface HistoriesRead {
  histories: HistoryFiles[];
  diagnostics: Diagnostic[];
}

/**
 * Read every document history under `policy/history/<id>/`: the manifest,
 * each snapshot, parsed and hashed, and each release note, hashed. Every file there obeys the limits of a
 * document: a regular file (never a link, device, FIFO or socket, which a pull
 * request could plant to expose or stall the machine) of at most `maxBytes`;
 * any other is reported (`file-not-regular`, `file-too-large`) and not read.
 */
export async function readHistories(policyDir: string, display: (file: string) => string, settings: ParseSettings): Promise<HistoriesRead> {
  const root = historyRoot(policyDir);
  const diagnostics: Diagnostic[] = [];
  const refuse = (file: string, problem: { kind: 'not-regular'; what: string } | { kind: 'too-large'; size: number }) => {
    const shown = display(file);
    diagnostics.push(
      problem.kind === 'too-large'
        ? diagnostic(
            shown,
            fileStart,
            'file-too-large',
            'history',
            `File is ${formatBytes(problem.size)}, over the limit of ${formatBytes(settings.maxBytes)}: it was not read`,
            {
              hint: 'Released files are written by `policyc release` and are no larger than a document: restore the file from git.',
            },
          )
        : diagnostic(
            shown,
            fileStart,
            'file-not-regular',
            'history',
            `\`${shown}\` is ${problem.what}: policyc reads only regular files and folders, never through links`,
            {
              hint: 'The history holds only what `policyc release` wrote: restore it from git (`git checkout -- <file>`).',
            },
          ),
    );
  };
  const rootStats = lstatOrUndefined(root);
  if (!rootStats) return { histories: [], diagnostics };
  if (!rootStats.isDirectory()) {
    refuse(root, { kind: 'not-regular', what: describeNonRegular(rootStats) });
    return { histories: [], diagnostics };
  }
  const histories: HistoryFiles[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const dir = path.join(root, entry.name);
    if (!entry.isDirectory()) {
      // Other files beside the documents' folders are not read; a link is reported, since it may stand for a document's folder.
      if (entry.isSymbolicLink()) refuse(dir, { kind: 'not-regular', what: 'a symbolic link' });
      continue;
    }
    const manifestFile = path.join(dir, 'manifest.json');
    const history: HistoryFiles = {
      id: entry.name,
      dir: display(dir),
      manifestPath: display(manifestFile),
      snapshots: new Map(),
      notes: new Map(),
    };
    const manifest = readRegularFile(manifestFile, settings.maxBytes);
    if (manifest.kind === 'not-regular' || manifest.kind === 'too-large') {
      // Without its manifest nothing in the folder can be checked: the folder is left out, reported once.
      refuse(manifestFile, manifest);
      continue;
    }
    if (manifest.kind === 'file') history.manifestText = manifest.bytes.toString('utf8');
    readHistoryFiles(history, dir, display, settings, refuse);
    histories.push(history);
  }
  return { histories, diagnostics };
}

/** Read the snapshots and release notes of one history folder into `history`, refusing (unread) what is not a regular file within the limit. */
function readHistoryFiles(
  history: HistoryFiles,
  dir: string,
  display: (file: string) => string,
  settings: ParseSettings,
  refuse: (file: string, problem: { kind: 'not-regular'; what: string } | { kind: 'too-large'; size: number }) => void,
): void {
  const names = readdirSync(dir).sort();
  for (const file of names) {
    // A pending snapshot is one a release was writing when it was interrupted: it counts only once the manifest records it.
    const name = file.endsWith(pendingSuffix) ? file.slice(0, -pendingSuffix.length) : file;
    const note = noteName.test(name);
    if (
      (!note && !/\.ya?ml$/.test(name)) ||
      (name !== file && (names.includes(name) || !history.manifestText?.includes(`"file": ${JSON.stringify(name)}`)))
    )
      continue;
    const absolute = path.join(dir, file);
    const shown = display(absolute);
    const first = readRegularFile(absolute, settings.maxBytes);
    if (first.kind === 'not-regular' || first.kind === 'too-large') {
      refuse(absolute, first);
      continue;
    }
    if (first.kind === 'missing') continue;
    if (note) {
      history.notes!.set(name, { path: shown, sha256: sha256(first.bytes), text: first.bytes.toString('utf8') });
      continue;
    }
    // Only the hash is kept: a snapshot verified before comes from the cache, and one that is parsed is read again then (snapshots are many and large).
    // Read again the same way; a file that changed meanwhile no longer matches its hash, and is reported so.
    const read = (): Uint8Array => {
      const again = readRegularFile(absolute, settings.maxBytes);
      return again.kind === 'file' ? again.bytes : new Uint8Array();
    };
    const parseSnapshot = (bytes: Uint8Array = read()) => parse({ path: shown, bytes, size: bytes.length }, settings);
    history.snapshots.set(name, { path: shown, sha256: sha256(first.bytes), read, parse: parseSnapshot });
  }
}
