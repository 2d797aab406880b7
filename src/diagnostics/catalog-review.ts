import type { DiagnosticGroup } from './catalog.js';

/** The diagnostics of people's decisions on changes to review (`policyc review`, `policy/review/<id>.yaml`) and of who releases. */
export const reviewDiagnostics: DiagnosticGroup = {
  title: 'Review decisions and approval',
  intro:
    'A decisions file (`policy/review/<id>.yaml`, see [Review](review.md)) is read as documents are (a regular file inside the project, at most 1 MiB, UTF-8, one YAML mapping, no control characters) and checked against `schema/review.schema.json`: its problems are those of the sections above (`file-not-regular`, `yaml-syntax`, `schema-required`, `schema-pattern`, `text-control-character`...), at the decision. A file with an error applies none of its decisions, and `release` refuses until it is fixed.',
  entries: [
    {
      id: 'review-folder-outside',
      severity: 'error',
      text: "the policy folder's `review` folder is a symbolic link that leads out of the project; it is not read. Replace the link with the folder.",
    },
    {
      id: 'review-decision-unmatched',
      severity: 'warning',
      text: 'a decision names a change (`purpose:analytics`) the working document does not have against its latest release; it is ignored. Run `policyc review` to list the changes to review, and remove the decision if its change is gone.',
    },
    {
      id: 'review-decision-stale',
      severity: 'warning',
      text: "the change was edited since it was decided: its fingerprint differs from the decision's, and the decision no longer applies. Decide it again with `policyc review --decide`.",
    },
    {
      id: 'review-decision-not-review',
      severity: 'warning',
      text: 'a decision names a change that the rules (or `materiality` in policyc.config.json) classify as material or editorial; it is ignored: a person decides only what the rules cannot, and never makes a material change editorial.',
    },
    { id: 'review-decision-repeated', severity: 'warning', text: 'two decisions name one change; the first applies, remove the other.' },
    {
      id: 'review-which-document',
      severity: 'error',
      text: '`policyc review` found several working documents, or none with the id given: name one, `policyc review ID`.',
    },
    {
      id: 'review-no-release',
      severity: 'error',
      text: '`policyc review` has no release to compare the document with: a first release has no changes to review.',
    },
    {
      id: 'review-unknown-change',
      severity: 'error',
      text: '`policyc review --decide KEY` names no change to review; the hint lists those there are. A material or editorial change is not for a person to decide (a project overrules a rule in `materiality` instead).',
    },
    {
      id: 'review-decision-incomplete',
      severity: 'error',
      text: '`policyc review --decide` lacks `--as material|editorial` or `--by NAME` (a name on one line, without control characters), or `--as`, `--by` or `--reason` came without `--decide`; nothing is written.',
    },
    {
      id: 'release-review-undecided',
      severity: 'error',
      text: 'the release has changes to review that nobody decided; the message lists their keys. Decide each with `policyc review --decide KEY --as material|editorial --by NAME`, then release.',
    },
    {
      id: 'release-approval-required',
      severity: 'error',
      text: '`release.requireApproval` is set in policyc.config.json and the release has no `--approved-by NAME`.',
    },
    {
      id: 'release-name-invalid',
      severity: 'error',
      text: '`--released-by` or `--approved-by` is empty, longer than 200 characters, or holds a control character.',
    },
  ],
};
