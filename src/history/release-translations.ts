import type { Document, LineCounter } from 'yaml';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ChangeSet } from '../diff/types.js';
import { placeOfKey } from '../load/positions.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { changedTexts } from '../translate/translation.js';
import { entryHash, sha256, type TranslationEntry } from './manifest.js';
import { setTopLevelScalars } from './release.js';

/** A valid working translation file, as `release` sees it. */
export interface WorkingTranslation {
  locale: string;
  /** The version its `source` names. */
  version: string;
  /** Display path. */
  file: string;
  text: string;
  yaml: Document;
  lineCounter: LineCounter;
  /** The (untranslated) model of the version it translates. */
  sourceModel: PolicyModel;
}

/** The version being released, when the document itself is released. */
export interface NewVersion {
  version: string;
  model: PolicyModel;
  /** The changes since the previous release (none for a first release). */
  changes?: ChangeSet;
  /** The working document's display path, where a locale without a translation file is reported. */
  file: string;
}

/** What the translations of a release need to know. */
export interface TranslationReleaseInput {
  document: string;
  working: readonly WorkingTranslation[];
  /** Translations already frozen in the manifest. */
  frozen: readonly TranslationEntry[];
  /** Versions already released. */
  released: readonly string[];
  newVersion?: NewVersion;
  today: string;
  /** Release even when a locale leaves a material change untranslated. */
  allowUntranslated?: boolean;
}

/** A translation to freeze: its manifest entry, its snapshot, and the working file's new text when its `source` moves. */
export interface TranslationFreeze {
  entry: TranslationEntry;
  snapshot: string;
  working?: { file: string; text: string };
}

/** The translations a release freezes, and the locales it leaves without the new version. */
export interface TranslationReleasePlan {
  freezes: TranslationFreeze[];
  /** The manifest's translation entries after the release. */
  entries: TranslationEntry[];
  /** Locales that will not have the new version (its changes are editorial, or `--allow-untranslated`). */
  untranslated: { locale: string; material: boolean }[];
}

/**
 * Plan which translations a release freezes (pure). A working translation is
 * frozen for the version it names when that version is released and has no
 * frozen translation in its locale yet (a translation finished after its
 * version). It is frozen for the new version, with its `source` moved there,
 * when every text it translates is the same in the new version. A locale the
 * new version leaves untranslated refuses the release when the changes are
 * material, unless `allowUntranslated`: readers in that language must be
 * told what changes, in their language.
 */
export function planTranslationRelease(input: TranslationReleaseInput): { plan: TranslationReleasePlan } | { diagnostics: Diagnostic[] } {
  const entries = [...input.frozen];
  const freezes: TranslationFreeze[] = [];
  const isFrozen = (version: string, locale: string) => entries.some((e) => e.version === version && e.locale === locale);
  const freeze = (locale: string, version: string, snapshot: string, working?: TranslationFreeze['working']) => {
    const previous = entries[entries.length - 1];
    const entry: TranslationEntry = {
      locale,
      version,
      released: input.today,
      file: `${version}.${locale}.yaml`,
      sha256: sha256(snapshot),
      previous: previous ? entryHash(previous) : null,
    };
    entries.push(entry);
    freezes.push({ entry, snapshot, ...(working ? { working } : {}) });
  };

  const working = [...input.working].sort((a, b) => (a.locale < b.locale ? -1 : a.locale > b.locale ? 1 : 0));
  for (const t of working) {
    if (input.released.includes(t.version) && !isFrozen(t.version, t.locale)) freeze(t.locale, t.version, t.text);
  }

  const untranslated: TranslationReleasePlan['untranslated'] = [];
  const refusals: Diagnostic[] = [];
  const next = input.newVersion;
  if (next) {
    const locales = [...new Set([...entries.map((e) => e.locale), ...working.map((t) => t.locale)])].sort();
    for (const locale of locales) {
      const t = working.find((w) => w.locale === locale);
      const gaps = t ? changedTexts(t.sourceModel.policy, next.model.policy) : undefined;
      if (t && gaps?.length === 0) {
        const text = t.version === next.version ? t.text : setTopLevelScalars(t.text, t.yaml, { source: next.version });
        freeze(locale, next.version, text, text === t.text ? undefined : { file: t.file, text });
        continue;
      }
      const material = next.changes?.material ?? false;
      untranslated.push({ locale, material });
      if (!material || input.allowUntranslated) continue;
      const changes = next.changes!.changes.filter((c) => c.material);
      const where = t ? placeOfKey(t.yaml, t.lineCounter, ['source']) : fileStart;
      const texts = gaps?.length
        ? ` ${gaps.length} ${gaps.length === 1 ? 'text' : 'texts'} to translate, such as \`${gaps[0]!.key.join('.')}\`.`
        : '';
      refusals.push(
        diagnostic(
          t?.file ?? next.file,
          where,
          'release-untranslated',
          'release',
          `The ${locale} translation does not cover ${input.document} ${next.version}, whose changes are material (${changes.length}: ${changes
            .map((c) => c.rule)
            .slice(0, 3)
            .join(', ')}${changes.length > 3 ? ', ...' : ''}).${texts}`,
          {
            hint: `Translate the changed texts and set \`source: ${next.version}\`${t ? '' : ` in \`${input.document}.${locale}.yaml\``}, or release without this locale: \`policyc release --allow-untranslated\`.`,
          },
        ),
      );
    }
  }
  if (refusals.length) return { diagnostics: refusals };
  return { plan: { freezes, entries, untranslated } };
}
