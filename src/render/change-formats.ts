import { changeGroups, changeHeadings, type ChangeHeadings, changesToHtml } from './change-lists.js';
import { escapeHtml, escapeMarkdown } from '../markdown/escape.js';
import { proseToMarkdown, proseToPlainText } from '../markdown/prose.js';
import { fieldMarkdown } from './field-markdown.js';
import { forTerminal, jsonWithoutControls } from '../text/control.js';
import type { Change, ChangeDecision, ChangeSet } from '../diff/types.js';

/** Output formats of `policyc diff`. */
export const changeFormats = ['text', 'md', 'json', 'html'] as const;
export type ChangeFormat = (typeof changeFormats)[number];

/**
 * Format a change set for people (text, Markdown, HTML) or machines (JSON).
 * Every format may be printed to a terminal or a CI log: controls in the
 * documents compared are escaped, though validation refuses them, for change
 * sets made from unvalidated data and for snapshots released before it did.
 */
export function formatChanges(set: ChangeSet, format: ChangeFormat): string {
  switch (format) {
    case 'json':
      return `${jsonWithoutControls(JSON.stringify(set, null, 2))}\n`;
    case 'md':
      return forTerminal(changesMarkdown(set));
    case 'html':
      return forTerminal(changesPage(set));
    default:
      return forTerminal(changesText(set));
  }
}

/** The class of a change; a change set stored before classes existed has only `material`. */
const classOf = (c: Change) => c.class ?? (c.material ? 'material' : 'editorial');
const inClass = (set: ChangeSet, kind: Change['class']) => set.changes.filter((c) => classOf(c) === kind);

function counts(set: ChangeSet): string {
  const material = inClass(set, 'material').length;
  const review = inClass(set, 'review').length;
  return `${set.changes.length} ${set.changes.length === 1 ? 'change' : 'changes'}, ${material} material${review ? `, ${review} to review` : ''}`;
}

function verdict(set: ChangeSet): string {
  if (!set.changes.length) return 'No changes.';
  if (set.material) return `Material: people must be told before it applies; the release must be at least a ${set.bump} version.`;
  return inClass(set, 'review').length
    ? `To review: a person must decide whether the changes the rules cannot judge are material; until then the release must be at least a ${set.bump} version.`
    : `Editorial only; the release must be at least a ${set.bump} version.`;
}

/** Plain text, one line a change, material first. */
function changesText(set: ChangeSet): string {
  const line = (c: Change) =>
    `  ${classOf(c).padEnd(9)}  ${proseToPlainText(c.summary, 'text')}  [${c.rule}]${c.decision ? `  (${decisionWords(c.decision)})` : ''}`;
  const ordered = [...inClass(set, 'material'), ...inClass(set, 'review'), ...inClass(set, 'editorial')];
  const gates = (set.weakenedGates ?? []).map((g) => `  ${g.summary} [${g.setting}: ${g.before} -> ${g.after}]`);
  const warning = gates.length
    ? [`Checks loosened in policyc.config.json since the base (review them as material changes):`, ...gates]
    : [];
  const added = set.newDocument ? [`A new document: it does not exist at ${set.from.replace(/^git:/, '')}, so all of it is new.`] : [];
  return [...warning, `${set.from} -> ${set.to}: ${counts(set)}`, ...added, verdict(set), ...ordered.map(line), ''].join('\n');
}

/** Markdown ready to paste as a pull-request comment. */
function changesMarkdown(set: ChangeSet): string {
  const item = (c: Change) => {
    const decided = c.decision ? ` <sub>${escapeMarkdown(decisionWords(c.decision))}</sub>` : '';
    return [`- ${proseToMarkdown(c.summary, 'text')} <sub>\`${c.rule}\`</sub>${decided}`, ...(c.fields ?? []).flatMap(fieldMarkdown)].join(
      '\n',
    );
  };
  const material = inClass(set, 'material');
  const review = inClass(set, 'review');
  // A change people decided editorial stays in sight, with who decided, rather than folded among the editorial ones.
  const decidedEditorial = inClass(set, 'editorial').filter((c) => c.decision);
  const editorial = inClass(set, 'editorial').filter((c) => !c.decision);
  const parts = [
    ...gatesMarkdown(set),
    `## Policy changes: ${set.from} → ${set.to}`,
    '',
    ...(set.newDocument ? [newDocumentWords(set), ''] : []),
    `**${counts(set)}.** ${verdict(set)}`,
    '',
  ];
  if (material.length) parts.push('### Material changes', '', ...material.map(item), '');
  if (review.length) parts.push('### Changes to review', '', ...review.map(item), '');
  if (decidedEditorial.length) parts.push('### Changes people decided are editorial', '', ...decidedEditorial.map(item), '');
  if (editorial.length)
    parts.push('<details>', `<summary>Editorial changes (${editorial.length})</summary>`, '', ...editorial.map(item), '', '</details>', '');
  return `${parts.join('\n')}`;
}

/** What heads the changes of a document the base revision does not have. */
function newDocumentWords(set: ChangeSet): string {
  return `**A new document:** it does not exist at \`${set.from.replace(/^git:/, '').replace(/`/g, "'")}\`, so all of it is new.`;
}

/** A small standalone HTML page. */
function changesPage(set: ChangeSet): string {
  const title = `Policy changes: ${set.from} → ${set.to}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    ...gatesHtml(set),
    `<p><strong>${escapeHtml(counts(set))}.</strong> ${escapeHtml(verdict(set))}</p>`,
    changesToHtml(changeGroups(set), 2, reviewerHeadings()).trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The English headings, field rows by their keys and values as written: the page is for the reviewers of a change. */
function reviewerHeadings(): ChangeHeadings {
  const { material, review, editorial } = changeHeadings();
  return { material, review, editorial, decision: decisionWords };
}

/** The checks loosened since `--base`, first in a pull-request comment: they decide what the rest of it calls material. */
function gatesMarkdown(set: ChangeSet): string[] {
  const gates = set.weakenedGates ?? [];
  if (!gates.length) return [];
  return [
    '> [!WARNING]',
    '> **Checks loosened in `policyc.config.json`** since the base; review them as material changes:',
    ...gates.map((g) => `> - ${g.summary} (\`${g.setting}\`: ${g.before} → ${g.after})`),
    '',
  ];
}

function gatesHtml(set: ChangeSet): string[] {
  const gates = set.weakenedGates ?? [];
  if (!gates.length) return [];
  return [
    '<section role="alert">',
    '<h2>Checks loosened in policyc.config.json</h2>',
    '<p>Since the base; review them as material changes.</p>',
    '<ul>',
    ...gates.map((g) => `<li>${escapeHtml(`${g.summary} (${g.setting}: ${g.before} → ${g.after})`)}</li>`),
    '</ul>',
    '</section>',
  ];
}

/** A person's decision on a change, for reviewers: "decided editorial by Jane Doe (DPO) on 2026-12-03". */
function decisionWords(d: ChangeDecision): string {
  return `decided ${d.class} by ${d.by} on ${d.date}${d.reason ? `: ${d.reason}` : ''}`.replace(/\s+/g, ' ');
}
