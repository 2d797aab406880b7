import type { Point as UnistPoint } from 'unist';
import { diagnostic, fileStart, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { codePointName, findControls } from '../text/control.js';
import { findingsOf } from './prose-rules.js';

/**
 * Check a release note (`release --note FILE`) as the prose of a document is
 * checked, but strictly: a note goes out as written, at the top of the
 * changelog, the feed and the e-mail, so what a document's prose only warns
 * about (raw HTML dropped, a `javascript:` link losing its target, an image
 * from another host that would see every reader) refuses it here, as do
 * control characters and an empty note. Bidirectional controls are a warning,
 * as in a document's free text. Every finding is at its line and column in the
 * file, which is the Markdown itself.
 */
export function validateNote(file: string, text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (text.trim() === '') {
    return [
      diagnostic(file, fileStart, 'release-note-empty', 'release', 'The release note is empty', {
        hint: 'Write what the release changes for readers, in a few sentences of Markdown; or release without `--note`.',
      }),
    ];
  }
  const found = findControls(text);
  const control = found.find((f) => f.kind === 'control');
  if (control) {
    out.push(
      diagnostic(
        file,
        placeOfIndex(text, control.index),
        'release-note-control-character',
        'release',
        `The release note contains the control character ${codePointName(control.codePoint)}`,
        { hint: 'Delete it: control characters do not print, and in terminals, feeds and e-mails they act as commands.' },
      ),
    );
  }
  const bidi = found.find((f) => f.kind === 'bidi');
  if (bidi) {
    out.push(
      diagnostic(
        file,
        placeOfIndex(text, bidi.index),
        'release-note-bidi-control',
        'release',
        `The release note contains the bidirectional control ${codePointName(bidi.codePoint)}`,
        {
          severity: 'warning',
          hint: 'It changes the order in which the text around it is shown, so readers may see something other than what reviewers read. Delete it unless right-to-left text needs it.',
        },
      ),
    );
  }
  const { rawHtml, unsafe, images } = findingsOf(text);
  if (rawHtml !== null) {
    out.push(
      diagnostic(
        file,
        placeOfPoint(rawHtml),
        'release-note-raw-html',
        'release',
        'The release note holds raw HTML, which is never published',
        {
          hint: 'Write it in Markdown instead: `**bold**`, `_emphasis_`, `[text](https://...)`, lists with `- `.',
        },
      ),
    );
  }
  for (const { url, point } of unsafe) {
    out.push(
      diagnostic(
        file,
        placeOfPoint(point),
        'release-note-unsafe-link',
        'release',
        `The release note links to \`${url.slice(0, 60)}\`: only http, https, mailto and tel links are published`,
        { hint: 'Link to an https:// address instead.' },
      ),
    );
  }
  for (const { url, point } of images) {
    out.push(
      diagnostic(
        file,
        placeOfPoint(point),
        'release-note-remote-image',
        'release',
        `The release note shows the image \`${url.slice(0, 60)}\` from another host, which would see every reader of the feed and the e-mail`,
        { hint: 'Leave the image out of the note: link to a page that shows it instead.' },
      ),
    );
  }
  return out;
}

/** The place of a Markdown parser's point: the note is the whole file, so its lines and columns are the file's. */
function placeOfPoint(point: UnistPoint | undefined): Place {
  if (!point) return fileStart;
  return { start: { line: point.line, column: point.column }, end: { line: point.line, column: point.column + 1 } };
}

/** The place of the character at `index` of the text. */
function placeOfIndex(text: string, index: number): Place {
  const before = text.slice(0, index).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return { start: { line, column }, end: { line, column: column + 1 } };
}
