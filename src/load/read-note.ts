import path from 'node:path';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isInside, leavesProject } from './inside-project.js';
import { decodeUtf8, formatBytes } from './parse.js';
import { lstatOrUndefined, readRegularFile } from './read-safely.js';

/** The largest release note read: a note is a few paragraphs at the top of an e-mail, not a document. */
export const noteMaxBytes = 64 * 1024;

/** A release note as read: its text, or why it was not read. */
export type NoteRead = { kind: 'note'; path: string; text: string } | { kind: 'missing' } | { kind: 'refused'; diagnostics: Diagnostic[] };

/**
 * Read a release note (`release --note FILE`, a path from `cwd`) the way
 * project files are read: inside the project only (a path or a folder link
 * that leads out of it is refused, so a note can never publish a file from
 * elsewhere on the machine), a regular file never read through a link, at most
 * `noteMaxBytes`, and UTF-8. A note that does not exist is `missing`: whether
 * that is a problem is the caller's to say (a translation may have none).
 */
export function readNote(file: string, cwd: string): NoteRead {
  const absolute = path.resolve(cwd, file);
  const shown = path.relative(cwd, absolute).split(path.sep).join('/') || file;
  const refuse = (ruleId: string, message: string, hint: string, place = fileStart): NoteRead => ({
    kind: 'refused',
    diagnostics: [diagnostic(shown, place, ruleId, 'release', message, { hint })],
  });
  if (!isInside(absolute, path.resolve(cwd)) || leavesProject(path.dirname(absolute), cwd)) {
    return refuse(
      'release-note-outside-project',
      `The release note \`${shown}\` is outside the project: it was not read`,
      'Keep release notes in the project (`notes/2.1.0.md`, say), so that what is published is reviewed with it.',
    );
  }
  if (!lstatOrUndefined(absolute)) return { kind: 'missing' };
  const read = readRegularFile(absolute, noteMaxBytes);
  switch (read.kind) {
    case 'missing':
      return { kind: 'missing' };
    case 'not-regular':
      return refuse(
        'file-not-regular',
        `\`${shown}\` is ${read.what}: policyc reads only regular files, never through links`,
        'Replace it with the file itself.',
      );
    case 'too-large':
      return refuse(
        'release-note-too-large',
        `The release note is ${formatBytes(read.size)}, over the limit of ${formatBytes(noteMaxBytes)}: it was not read`,
        'A release note is a few paragraphs: say what changes for readers, and leave the details to the changelog.',
      );
    case 'file': {
      const text = decodeUtf8(read.bytes);
      if (typeof text !== 'string') return refuse('encoding-not-utf8', text.message, text.hint, text.place);
      return { kind: 'note', path: shown, text };
    }
  }
}
