import Handlebars from 'handlebars';
import { applyDecisions } from '../diff/decisions.js';
import { diffPolicies } from '../diff/diff.js';
import { escapeMarkdown } from '../markdown/escape.js';
import { fill, type Messages } from '../model/messages.js';
import { reviewMarks } from '../model/review-notes.js';
import type { PolicyModel } from '../resolve/resolve.js';
import { changeGroups, changeHeadings, changesToHtml, changesToMarkdown } from '../render/change-lists.js';
import type { Publishing } from './document.js';
import type { SiteOutput } from './site.js';
import { str } from './version-bar.js';

/** The working document under `draft/` when it differs from the latest release (with `drafts` set): a banner and the changes since. */
export function publishDraft(p: Publishing, files: SiteOutput): void {
  const { doc, latest, settings, renderer, t, id } = p;
  if (!settings.drafts || !doc.working) return;
  // The decisions people took on its changes to review (policy/review/<id>.yaml), as `policyc diff` shows them.
  const draftChanges = applyDecisions(
    diffPolicies(latest.model.policy, doc.working.policy, { from: latest.entry.version, to: 'draft' }, settings.materiality),
    doc.review?.decisions,
  ).changes;
  if (!draftChanges.changes.length) return;
  const groups = changeGroups(draftChanges);
  const draft = renderer.renderPolicy(doc.working, {
    root: '../',
    draft: {
      banner: fill(str(t.versions?.draftBanner), { version: latest.entry.version }),
      heading: fill(str(t.versions?.changes), { version: latest.entry.version }),
      changes: new Handlebars.SafeString(changesToHtml(groups, 3, changeHeadings(t))),
      changesMarkdown: changesToMarkdown(groups, changeHeadings(t)),
      review: reviewList(doc.working, t),
    },
  });
  if (draft) {
    files.set(`${id}/draft/index.html`, draft.html);
    files.set(`${id}/draft/index.md`, draft.markdown);
  }
}

/** The entries still marked for review (a release refuses them), each with its note: a draft shows them, a published page never. */
function reviewList(working: PolicyModel, t: Messages) {
  const marks = reviewMarks(working.policy);
  if (!marks.length) return undefined;
  return {
    heading: str(t.versions?.markedForReview),
    items: marks.map((mark) => ({
      anchor: mark.anchor,
      name: mark.name,
      note: mark.note,
      // The Markdown page is written unescaped: the author's values escaped here.
      markdown: `[${escapeMarkdown(mark.name)}](#${mark.anchor})${str(t.punctuation?.colon)}${escapeMarkdown(mark.note)}`,
    })),
  };
}
