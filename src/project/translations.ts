import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FrozenTranslationFile } from '../history/verify.js';
import type { ParsedFile } from '../load/parse.js';
import { placeOfKey } from '../load/positions.js';
import type { VersionedDocument } from '../publish/site.js';
import { resolve } from '../resolve/resolve.js';
import { translatePolicy } from '../translate/translation.js';
import { validateTranslation } from '../validate/translation.js';

/** The frozen translations of the histories, by `<id>/<locale>/<version>`: their file and text. */
export type FrozenFiles = Map<string, { path: string; text: string }>;

/**
 * Check the translations a history froze and add them to their document:
 * each must say what the manifest records for it.
 */
export function addFrozenTranslations(
  doc: VersionedDocument,
  frozen: readonly FrozenTranslationFile[],
  frozenFiles: FrozenFiles,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { parsed, entry, note } of frozen) {
    const checked = validateTranslation(parsed, [doc], { frozen: true });
    diagnostics.push(...checked.diagnostics);
    const { translation, model } = checked;
    if (!translation || !model) continue;
    if (translation.translates !== doc.id || translation.locale !== entry.locale || translation.source !== entry.version) {
      diagnostics.push(
        diagnostic(
          parsed.path,
          fileStart,
          'history-snapshot-invalid',
          'history',
          `The frozen translation \`${entry.file}\` does not say what the manifest records (${doc.id}, ${entry.locale}, ${entry.version})`,
          {
            hint: 'Released versions are immutable: restore the file from git (`git checkout -- <file>`).',
          },
        ),
      );
      continue;
    }
    frozenFiles.set(`${doc.id}/${translation.locale}/${translation.source}`, { path: parsed.path, text: parsed.text });
    (doc.translations ??= []).push({
      locale: translation.locale,
      version: translation.source,
      model: resolve(translatePolicy(model.policy, translation), parsed.path),
      file: parsed.path,
      frozen: true,
      ...(note !== undefined ? { note } : {}),
    });
  }
  return diagnostics;
}

/**
 * Check the working translation files and add them to their documents: a
 * translation of a released version that was frozen must equal the frozen
 * file; any other is published as the working translation.
 */
export function addWorkingTranslations(
  files: readonly ParsedFile[],
  byId: Map<string, VersionedDocument>,
  frozenFiles: FrozenFiles,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const checked = validateTranslation(file, [...byId.values()]);
    diagnostics.push(...checked.diagnostics);
    if (!checked.translation || !checked.model) continue;
    const { translation } = checked;
    const doc = byId.get(translation.translates)!;
    (doc.workingTranslations ??= []).push({ locale: translation.locale, version: translation.source, file: file.path });
    const frozen = frozenFiles.get(`${translation.translates}/${translation.locale}/${translation.source}`);
    if (frozen !== undefined) {
      // The frozen translation is what was published: the working file may equal it, never replace it.
      if (frozen.text !== file.text) {
        diagnostics.push(
          diagnostic(
            file.path,
            placeOfKey(file.yaml!, file.lineCounter, ['source']),
            'translation-frozen',
            'translation',
            `The ${translation.locale} translation of ${translation.source} was frozen when it was released, and this file differs from it`,
            {
              hint: `Released text is never changed. To translate the next version, set \`version:\` in the document to it and \`source:\` here to the same; to undo the edit, copy \`${frozen.path}\` back.`,
            },
          ),
        );
      }
      continue;
    }
    (doc.translations ??= []).push({
      locale: translation.locale,
      version: checked.model.policy.version,
      model: resolve(translatePolicy(checked.model.policy, translation), file.path),
      file: file.path,
      frozen: false,
    });
  }
  return diagnostics;
}
