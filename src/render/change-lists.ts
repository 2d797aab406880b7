import type { Change, ChangeSet, FieldChange } from '../diff/types.js';
import { englishLabels } from '../model/labels.js';
import { type Messages } from '../model/messages.js';
import { escapeHtml } from '../markdown/escape.js';
import { proseToHtml, proseToMarkdown } from '../markdown/prose.js';
import { isLayoutField } from './field-markdown.js';
import { readerFieldWording, type FieldWording } from './field-wording.js';
import { wordsToHtml } from './redline.js';

/** A change set split for display: material changes first, then those to review, then editorial ones. */
export interface ChangeGroups {
  materialChanges: Change[];
  /** Changes whose effect on readers a person must judge (class `review`); groups made without it list them as editorial. */
  reviewChanges?: Change[];
  editorialChanges: Change[];
  /** The names of the data categories of the versions compared (id to label), for field values that list categories. */
  categoryLabels?: Readonly<Record<string, string>>;
}

/** The headings of the groups, in the reader's language (the locale's `changelog.materialChanges`, `reviewChanges` and `editorialChanges`). */
export interface ChangeHeadings {
  material: string;
  review: string;
  editorial: string;
  /** How field rows are worded for readers; without it they show the field's key and its raw values (for reviewers). */
  fields?: FieldWording;
  /** Words for a person's decision on a change ("decided editorial by …"), shown to reviewers; readers see only its class. */
  decision?: (decision: NonNullable<Change['decision']>) => string;
}

/** The headings of a locale's messages, falling back to the built-in English ones, with field rows in its words. */
export function changeHeadings(messages: Messages = englishLabels): ChangeHeadings {
  const label = (key: string) => {
    const own = messages.changelog?.[key];
    return typeof own === 'string' ? own : String(englishLabels.changelog?.[key] ?? '');
  };
  return {
    material: label('materialChanges'),
    review: label('reviewChanges'),
    editorial: label('editorialChanges'),
    fields: readerFieldWording(messages),
  };
}

/** The class of a change; a change set stored before classes existed has only `material`. */
const classOf = (c: Change) => (c.material ? 'material' : (c.class ?? 'editorial'));

/** Changes split for display: material first, then to review, then editorial. */
export function changeGroups(set: ChangeSet | undefined): ChangeGroups {
  const changes = set?.changes ?? [];
  return {
    materialChanges: changes.filter((c) => classOf(c) === 'material'),
    reviewChanges: changes.filter((c) => classOf(c) === 'review'),
    editorialChanges: changes.filter((c) => classOf(c) === 'editorial'),
  };
}

/**
 * A change set as HTML lists: summaries, rule ids (marked as English: they
 * are policyc's names), and the detail of each changed field: its words
 * removed and inserted, or its values before and after. Layout fields are
 * never shown.
 */
export function changesToHtml(groups: ChangeGroups, headingLevel = 3, headings: ChangeHeadings = changeHeadings()): string {
  const list = (changes: Change[] | undefined, heading: string, className: string) =>
    changes?.length
      ? `<h${headingLevel}>${escapeHtml(heading)}</h${headingLevel}>\n<ul class="changes ${className}">\n${changes.map((c) => `<li>${changeHtml(c, headings, groups.categoryLabels)}</li>`).join('\n')}\n</ul>\n`
      : '';
  return (
    list(groups.materialChanges, headings.material, 'material') +
    list(groups.reviewChanges, headings.review, 'review') +
    list(groups.editorialChanges, headings.editorial, 'editorial')
  );
}

function changeHtml(change: Change, headings: ChangeHeadings, categories: Readonly<Record<string, string>> | undefined): string {
  const wording = headings.fields;
  const detail = (change.fields ?? []).filter((f) => !isLayoutField(f.field) && (f.words || shown(f.before) || shown(f.after)));
  const name = (f: FieldChange) => (wording ? escapeHtml(wording.label(change, f)) : `<code>${escapeHtml(f.field)}</code>`);
  const value = (f: FieldChange, v: unknown) =>
    escapeHtml(wording ? wording.value(change, f, v, categories) : Array.isArray(v) ? v.map(rawItem).join(', ') : rawItem(v));
  const fields = detail.length
    ? `\n<ul class="fields">${detail.map((f) => `<li>${name(f)}${wording ? escapeHtml(wording.colon) : ': '}${fieldHtml(f, value)}</li>`).join('')}</ul>`
    : '';
  const decided =
    change.decision && headings.decision ? ` <span class="decision">${escapeHtml(headings.decision(change.decision))}</span>` : '';
  return `${proseToHtml(change.summary, 'text')} <span class="rule" lang="en">(${escapeHtml(change.rule)})</span>${decided}${fields}`;
}

function fieldHtml(f: FieldChange, value: (f: FieldChange, v: unknown) => string): string {
  if (f.words) return wordsToHtml(f.words, escapeHtml);
  const before = shown(f.before) ? `<del>${value(f, f.before)}</del>` : '';
  const after = shown(f.after) ? `<ins>${value(f, f.after)}</ins>` : '';
  return [before, after].filter(Boolean).join(' → ');
}

/** A change set as Markdown lists, material first, for CHANGELOG.md and pull requests. */
export function changesToMarkdown(groups: ChangeGroups, headings: ChangeHeadings = changeHeadings()): string {
  const list = (changes: Change[] | undefined, heading: string) =>
    changes?.length
      ? `#### ${heading}\n\n${changes.map((c) => `- ${proseToMarkdown(c.summary, 'text')} (\`${c.rule}\`)`).join('\n')}\n\n`
      : '';
  return (
    list(groups.materialChanges, headings.material) +
    list(groups.reviewChanges, headings.review) +
    list(groups.editorialChanges, headings.editorial)
  );
}

/** A value a field row shows: anything but an object that appeared or went as a whole (its own fields are rows). */
function shown(v: unknown): boolean {
  return v !== undefined && (typeof v !== 'object' || Array.isArray(v));
}

/** A value as a reviewer's page shows it: as written, an object by its values (never `[object Object]`). */
function rawItem(v: unknown): string {
  if (typeof v !== 'object' || v === null) return String(v);
  return Object.values(v)
    .map((x) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x)))
    .join(', ');
}
