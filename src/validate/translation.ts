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
  const input = { path: parsed.path, text: parsed.text, data: parsed.data, yaml: parsed.yaml, lineCounter: parsed.lineCounter };
  const report = (
    key: readonly (string | number)[],
    ruleId: string,
    message: string,
    hint: string,
    severity: 'error' | 'warning' = 'error',
  ) =>
    out.diagnostics.push(
      diagnostic(parsed.path, placeOfKey(parsed.yaml!, parsed.lineCounter, key.map(String)), ruleId, 'translation', message, {
        hint,
        severity,
      }),
    );
  const shape = validateSchema(input, translationValidator());
  const text = validateText(input, translationKinds);
  out.diagnostics.push(...shape, ...text);
  if (shape.length || text.some((d) => d.severity === 'error')) return out;
  const translation = parsed.data as unknown as Translation;

  const base = parsed.path.replace(/\\/g, '/').split('/').pop() ?? parsed.path;
  const expected = `${translation.translates}.${translation.locale}.yaml`;
  // A frozen translation is named after its version (`2.0.0.fr.yaml`) and checked against the manifest instead.
  if (!options.frozen && base !== expected && base !== expected.replace(/\.yaml$/, '.yml')) {
    report(
      ['locale'],
      'translation-filename',
      `A translation of \`${translation.translates}\` into \`${translation.locale}\` must be named \`${expected}\`, not \`${base}\``,
      `Rename the file to \`${expected}\`.`,
    );
  }
  const source = sources.find((s) => s.id === translation.translates);
  if (!source) {
    report(
      ['translates'],
      'translation-unknown-document',
      `\`${translation.translates}\` is not a document of this project`,
      `Documents here: ${sources.map((s) => `\`${s.id}\``).join(', ') || 'none'}.`,
    );
    return out;
  }
  const released = source.releases.find((r) => r.entry.version === translation.source);
  const model = released?.model ?? (source.working?.policy.version === translation.source ? source.working : undefined);
  if (!model) {
    report(
      ['source'],
      'translation-unknown-source',
      `\`${translation.translates}\` has no version ${translation.source} to translate`,
      `Name a released version (${source.releases.map((r) => r.entry.version).join(', ') || 'none yet'}) or the working document's version.`,
    );
    return out;
  }
  if (model.policy.locale.split('-')[0] === translation.locale.split('-')[0]) {
    report(
      ['locale'],
      'translation-same-locale',
      `The translation's locale \`${translation.locale}\` is the language of the document itself (\`${model.policy.locale}\`)`,
      'Set `locale` to the language of the translation.',
    );
  }

  const fields = translatableFields(model.policy);
  const wanted = new Map(fields.map((f) => [f.key.join('.'), f]));
  const given = new Map(translationLeaves(translation).map((leaf) => [leaf.key.join('.'), leaf]));
  for (const [key, field] of wanted) {
    if (given.has(key)) continue;
    // Point at the key of the nearest entity or section the translation has (`fbp:`), where the text belongs.
    const located = locate(parsed.yaml, field.key);
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
  // Text the working document changed (or added) since the translated version. A frozen translation is history: never stale.
  const working = source.working;
  if (working && working !== model && !options.frozen) {
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
  if (!out.diagnostics.some((d) => d.severity === 'error')) {
    out.translation = translation;
    out.model = model;
  }
  return out;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
