import type { Document, LineCounter } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParsedFile } from '../load/parse.js';
import { locate, placeOfKey } from '../load/positions.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { changedTexts, translatableFields, translationLeaves, type Translation } from '../translate/translation.js';
import { translationValidator, validateSchema } from './schema-rules.js';
import { translationKinds, validateText } from './text-rules.js';

/** A released version of the document a translation translates (a `Release` of the verified history, as far as a translation needs it). */
export interface ReleasedSource {
  entry: { version: string };
  model: PolicyModel;
}

/** The document a translation translates: its working model and its releases. */
export interface TranslationSource {
  id: string;
  working?: PolicyModel;
  releases: readonly ReleasedSource[];
}

/** A checked translation: its content and the model it renders (the source version it names), when valid. */
export interface CheckedTranslation {
  file: string;
  translation?: Translation;
  /** The source version the translation renders. */
  model?: PolicyModel;
  diagnostics: Diagnostic[];
}

/**
 * Check a translation file: its shape, that it names a document and one of its
 * versions, that it translates every text of that version and nothing else
 * (errors), and that the text it translates has not changed in the working
 * document since (warnings, naming each field).
 */
export function validateTranslation(
  parsed: ParsedFile,
  sources: readonly TranslationSource[],
  options: { frozen?: boolean } = {},
): CheckedTranslation {
  const out: CheckedTranslation = { file: parsed.path, diagnostics: [...parsed.diagnostics] };
  if (!parsed.yaml || !parsed.data) return out;
  const translation = checkShape(parsed, parsed.yaml, parsed.data, out.diagnostics);
  if (!translation) return out;
  const report = reporter(parsed.path, parsed.yaml, parsed.lineCounter, out.diagnostics);
  // A frozen translation is named after its version (`2.0.0.fr.yaml`) and checked against the manifest instead.
  if (!options.frozen) checkFileName(parsed.path, translation, report);
  const found = translatedVersion(translation, sources, report);
  if (!found) return out;
  checkLocale(translation, found.model, report);
  const given = checkTexts(parsed.yaml, translation, found.model, report);
  // A frozen translation is history: never stale.
  const working = found.source.working;
  if (working && working !== found.model && !options.frozen) checkStale(translation, found.model, working, given, report);
  if (!out.diagnostics.some((d) => d.severity === 'error')) {
    out.translation = translation;
    out.model = found.model;
  }
  return out;
}

/** Report a problem of a translation, at a key of its file. */
type Report = (key: readonly (string | number)[], ruleId: string, message: string, hint: string, severity?: 'error' | 'warning') => void;

function reporter(file: string, yaml: Document, lineCounter: LineCounter, diagnostics: Diagnostic[]): Report {
  return (key, ruleId, message, hint, severity = 'error') => {
    diagnostics.push(diagnostic(file, placeOfKey(yaml, lineCounter, key.map(String)), ruleId, 'translation', message, { hint, severity }));
  };
}

/** The translation, when the file has a translation's shape and no text error (its problems are added to `diagnostics` either way). */
function checkShape(parsed: ParsedFile, yaml: Document, data: Record<string, unknown>, diagnostics: Diagnostic[]): Translation | undefined {
  const input = { path: parsed.path, text: parsed.text, data, yaml, lineCounter: parsed.lineCounter };
  const shape = validateSchema(input, translationValidator());
  const text = validateText(input, translationKinds);
  diagnostics.push(...shape, ...text);
  if (shape.length || text.some((d) => d.severity === 'error')) return undefined;
  return data as unknown as Translation;
}

/** A translation is named after what it translates and its locale (`privacy.fr.yaml`). */
function checkFileName(file: string, translation: Translation, report: Report): void {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
  const expected = `${translation.translates}.${translation.locale}.yaml`;
  if (base === expected || base === expected.replace(/\.yaml$/, '.yml')) return;
  report(
    ['locale'],
    'translation-filename',
    `A translation of \`${translation.translates}\` into \`${translation.locale}\` must be named \`${expected}\`, not \`${base}\``,
    `Rename the file to \`${expected}\`.`,
  );
}

/** The document the translation names, and the model of the version it translates (a release, or the working document); reported when missing. */
function translatedVersion(
  translation: Translation,
  sources: readonly TranslationSource[],
  report: Report,
): { source: TranslationSource; model: PolicyModel } | undefined {
  const source = sources.find((s) => s.id === translation.translates);
  if (!source) {
    report(
      ['translates'],
      'translation-unknown-document',
      `\`${translation.translates}\` is not a document of this project`,
      `Documents here: ${sources.map((s) => `\`${s.id}\``).join(', ') || 'none'}.`,
    );
    return undefined;
  }
  const released = source.releases.find((r) => r.entry.version === translation.source);
  const model = released?.model ?? (source.working?.policy.version === translation.source ? source.working : undefined);
  if (model) return { source, model };
  report(
    ['source'],
    'translation-unknown-source',
    `\`${translation.translates}\` has no version ${translation.source} to translate`,
    `Name a released version (${source.releases.map((r) => r.entry.version).join(', ') || 'none yet'}) or the working document's version.`,
  );
  return undefined;
}

function checkLocale(translation: Translation, model: PolicyModel, report: Report): void {
  if (model.policy.locale.split('-')[0] !== translation.locale.split('-')[0]) return;
  report(
    ['locale'],
    'translation-same-locale',
    `The translation's locale \`${translation.locale}\` is the language of the document itself (\`${model.policy.locale}\`)`,
    'Set `locale` to the language of the translation.',
  );
}

/** Every text of the version translated, and nothing else; returns the keys the translation gives (dotted). */
function checkTexts(yaml: Document, translation: Translation, model: PolicyModel, report: Report): Set<string> {
  const wanted = new Map(translatableFields(model.policy).map((f) => [f.key.join('.'), f]));
  const given = new Map(translationLeaves(translation).map((leaf) => [leaf.key.join('.'), leaf]));
  for (const [key, field] of wanted) {
    if (given.has(key)) continue;
    // Point at the key of the nearest entity or section the translation has (`fbp:`), where the text belongs.
    const located = locate(yaml, field.key);
    report(
      field.key.slice(0, located.depth),
      'translation-missing',
      `The translation lacks \`${key}\``,
      `Translate it: the ${model.policy.locale} text of ${translation.source} is “${preview(field.value)}”.`,
    );
  }
  for (const [key, leaf] of given) {
    if (wanted.has(key)) continue;
    report(
      leaf.key,
      'translation-extra',
      `\`${key}\` is not a text of ${translation.translates} ${translation.source}`,
      'Remove it, or check the id: entities are keyed by their `id` in the source document.',
    );
  }
  return new Set(given.keys());
}

/** Text the working document changed (or added) since the translated version: warnings. */
function checkStale(translation: Translation, model: PolicyModel, working: PolicyModel, given: Set<string>, report: Report): void {
  for (const change of changedTexts(model.policy, working.policy)) {
    if (change.after === undefined) continue;
    const key = change.key.join('.');
    const translated = change.before !== undefined && given.has(key);
    report(
      translated ? change.key : change.key.slice(0, -1),
      'translation-stale',
      change.before !== undefined
        ? `\`${key}\` translates the text of ${translation.source}, which the working document has changed`
        : `\`${key}\` is new in the working document and not translated`,
      `Update the translation, then set \`source\` to the version it matches. The ${working.policy.locale} text is now “${preview(change.after)}”.`,
      'warning',
    );
  }
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
