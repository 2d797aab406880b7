import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { TranslationReleasePlan } from '../history/release-translations.js';
import { translatedNotePath, type ReleaseNotes } from '../history/release-notes.js';
import type { ReleasePlan } from '../history/release.js';
import { readNote } from '../load/read-note.js';
import { validateNote } from '../validate/note-rules.js';
import { loadMarkdownParser } from '../markdown/parser-slot.js';

/**
 * Read and check the notes of a release (`release --note FILE`): FILE, the
 * version's note, and beside it the translation of the note into the locale
 * of each translation the release freezes (`notes/2.1.0.fr.md`), when there
 * is one. FILE must be there; a translation without its note is frozen
 * without one (its changelog then shows the original note, marked as such).
 * Any error refuses the release: nothing is frozen.
 */
export async function readReleaseNotes(
  file: string,
  cwd: string,
  plans: { plan?: ReleasePlan; translations: TranslationReleasePlan },
): Promise<{ notes: ReleaseNotes; diagnostics: Diagnostic[] }> {
  // The notes' prose is checked with the Markdown parser.
  await loadMarkdownParser();
  const diagnostics: Diagnostic[] = [];
  const checked = (path: string): string | undefined => {
    const read = readNote(path, cwd);
    if (read.kind === 'missing') return undefined;
    if (read.kind === 'refused') {
      diagnostics.push(...read.diagnostics);
      return undefined;
    }
    diagnostics.push(...validateNote(read.path, read.text));
    return read.text;
  };
  const source = checked(file);
  // A note not read (outside the project, a link) says nothing of where its translations are.
  if (source === undefined && diagnostics.length) return { notes: { translated: new Map() }, diagnostics };
  if (source === undefined) {
    diagnostics.push(
      diagnostic(file, fileStart, 'file-missing', 'release', `The release note \`${file}\` does not exist`, {
        hint: 'Check the path given to `--note`.',
      }),
    );
  }
  const translated = new Map<string, string>();
  for (const locale of new Set(plans.translations.freezes.map((f) => f.entry.locale))) {
    const text = checked(translatedNotePath(file, locale));
    if (text !== undefined) translated.set(locale, text);
  }
  const notes: ReleaseNotes = { ...(plans.plan && source !== undefined ? { source } : {}), translated };
  return { notes, diagnostics };
}
