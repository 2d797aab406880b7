import type { Change, ChangeSet, FieldChange } from '../diff/types.js';
import { englishLabels } from '../model/labels.js';
import { type Messages } from '../model/messages.js';
import { escapeHtml } from '../markdown/escape.js';
import { proseToHtml, proseToMarkdown } from '../markdown/prose.js';
import { wordsToHtml } from './redline.js';

/** A change set split for display: material changes first. */
export interface ChangeGroups {
  materialChanges: Change[];
  editorialChanges: Change[];
}

/** The headings of the two groups, in the reader's language (the locale's `changelog.materialChanges` and `changelog.editorialChanges`). */
export interface ChangeHeadings {
  material: string;
  editorial: string;
}

/** The headings of a locale's messages, falling back to the built-in English ones. */
export function changeHeadings(messages: Messages = englishLabels): ChangeHeadings {
  const label = (key: string) => {
    const own = messages.changelog?.[key];
    return typeof own === 'string' ? own : String(englishLabels.changelog?.[key] ?? '');
  };
  return { material: label('materialChanges'), editorial: label('editorialChanges') };
}

/** Changes split for display: material first. */
export function changeGroups(set: ChangeSet | undefined): ChangeGroups {
  return {
    materialChanges: set?.changes.filter((c) => c.material) ?? [],
    editorialChanges: set?.changes.filter((c) => !c.material) ?? [],
  };
}

/** A change set as HTML lists: summaries, rule ids (marked as English: they are policyc's names), and the word-level detail of each changed field. */
export function changesToHtml(groups: ChangeGroups, headingLevel = 3, headings: ChangeHeadings = changeHeadings()): string {
  const list = (changes: Change[], heading: string, className: string) =>
    changes.length
      ? `<h${headingLevel}>${escapeHtml(heading)}</h${headingLevel}>\n<ul class="changes ${className}">\n${changes.map((c) => `<li>${changeHtml(c)}</li>`).join('\n')}\n</ul>\n`
      : '';
  return list(groups.materialChanges, headings.material, 'material') + list(groups.editorialChanges, headings.editorial, 'editorial');
}

function changeHtml(change: Change): string {
  const detail = (change.fields ?? []).filter((f) => f.words || isScalar(f.before) || isScalar(f.after));
  const fields = detail.length
    ? `\n<ul class="fields">${detail.map((f) => `<li><code>${escapeHtml(f.field)}</code>: ${fieldHtml(f)}</li>`).join('')}</ul>`
    : '';
  return `${proseToHtml(change.summary, 'text')} <span class="rule" lang="en">(${escapeHtml(change.rule)})</span>${fields}`;
}

function fieldHtml(f: FieldChange): string {
  if (f.words) return wordsToHtml(f.words, escapeHtml);
  const show = (v: unknown) => escapeHtml(Array.isArray(v) ? v.join(', ') : String(v));
  return `${f.before !== undefined ? `<del>${show(f.before)}</del>` : ''}${f.before !== undefined && f.after !== undefined ? ' → ' : ''}${f.after !== undefined ? `<ins>${show(f.after)}</ins>` : ''}`;
}

/** A change set as Markdown lists, material first, for CHANGELOG.md and pull requests. */
export function changesToMarkdown(groups: ChangeGroups, headings: ChangeHeadings = changeHeadings()): string {
  const list = (changes: Change[], heading: string) =>
    changes.length
      ? `#### ${heading}\n\n${changes.map((c) => `- ${proseToMarkdown(c.summary, 'text')} (\`${c.rule}\`)`).join('\n')}\n\n`
      : '';
  return list(groups.materialChanges, headings.material) + list(groups.editorialChanges, headings.editorial);
}

function isScalar(v: unknown): boolean {
  return v !== undefined && (typeof v !== 'object' || Array.isArray(v));
}
