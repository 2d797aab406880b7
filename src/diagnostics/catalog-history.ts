import type { DiagnosticGroup } from './catalog.js';

/** The diagnostics of histories and releases (part of the catalog in catalog.ts, kept apart for its size). */
export const historyDiagnostics: DiagnosticGroup = {
  title: 'History and releases',
  entries: [
    {
      id: 'history-snapshot-modified',
      severity: 'error',
      text: 'a released snapshot was edited: its hash no longer matches the manifest. Restore it from git.',
    },
    {
      id: 'history-chain-broken',
      severity: 'error',
      text: 'a manifest entry no longer chains to the one before it: the manifest was edited.',
    },
    {
      id: 'history-snapshot-missing',
      severity: 'error',
      text: 'a snapshot or frozen translation the manifest records is missing. Restore it from git.',
    },
    {
      id: 'history-unrecorded-snapshot',
      severity: 'error',
      text: 'a file in the history folder is not recorded in the manifest. Snapshots are written by `policyc release` only: remove the file, or restore `manifest.json` from git.',
    },
    {
      id: 'history-order',
      severity: 'error',
      text: "the manifest's versions go backwards: a version is recorded after a later one. Restore `manifest.json` from git.",
    },
    {
      id: 'history-manifest-invalid',
      severity: 'error',
      text: 'the manifest cannot be read (not JSON, or not in the form policyc writes). Restore it from git.',
    },
    {
      id: 'history-snapshot-invalid',
      severity: 'error',
      text: 'a snapshot cannot be read as a policy, or a frozen translation does not say what the manifest records. Restore the file from git.',
    },
    { id: 'history-translation-orphan', severity: 'error', text: 'the manifest records a translation of a version it does not record.' },
    {
      id: 'release-no-changes',
      severity: 'error',
      text: 'nothing changed since the latest release, and no translation waits to be frozen.',
    },
    {
      id: 'release-untranslated',
      severity: 'error',
      text: 'a translation does not cover the new version and its changes are material; translate, or release with `--allow-untranslated`.',
    },
    { id: 'release-bump-too-small', severity: 'error', text: 'the version bump is smaller than the changes call for.' },
    {
      id: 'release-version-exists',
      severity: 'error',
      text: 'the version is already released; released versions are never overwritten. Choose a higher version.',
    },
    {
      id: 'release-version-not-after',
      severity: 'error',
      text: 'the version is not after the latest release. Leave `version` as it is and let `--bump` choose, or set a higher version.',
    },
    { id: 'release-effective-not-after', severity: 'error', text: "the effective date is not after the latest release's." },
    {
      id: 'release-effective-past',
      severity: 'error',
      text: 'a version with material changes would take effect before the day it is released: people cannot be told of a change that already applies. Set a later `--effective`, or pass `--released DATE` when importing a version released in the past.',
    },
    {
      id: 'release-notice-too-short',
      severity: 'error',
      text: 'a version with material changes would take effect fewer than `noticeDays` days (30 by default) after its release: set `--effective` at least that many days after the release.',
    },
    {
      id: 'release-subprocessor-notice',
      severity: 'error',
      text: 'a subprocessor new since the latest release has no `since`, or a `since` less than `sharing.subprocessors.notice` after the release announces it: customers must be told before it starts so that they can object (GDPR Art. 28(2)).',
    },
    {
      id: 'release-marked-for-review',
      severity: 'error',
      text: 'an entry still has a `review` note (a tool such as `policyc scan --fix` wrote it and nobody has checked it yet): check the entry, then delete the note. No setting of `policyc.config.json` turns this check off.',
    },
    {
      id: 'release-released-future',
      severity: 'error',
      text: 'the date given to `release --released` is after today: it records the day a past version was released.',
    },
    {
      id: 'rules-history-summary',
      severity: 'info',
      text: 'the compliance findings on versions no longer in force (the next version has taken effect), counted on one line; `policyc validate --history` shows them in full.',
    },
    {
      id: 'draft-effective-released',
      severity: 'warning',
      text: "the working document differs from its latest release but keeps that release's effective date, so the rules judge it as of a day already taken: set `effective` to the day the next version will take effect.",
    },
    {
      id: 'release-note-empty',
      severity: 'error',
      text: 'the release note given to `release --note FILE` (or its translation beside it) is empty: write what the release changes for readers, or release without `--note`.',
    },
    {
      id: 'release-note-raw-html',
      severity: 'error',
      text: 'the release note holds raw HTML, which is never published: write Markdown instead. A note is checked as the prose of a document is, but what a document only warns about refuses the release.',
    },
    {
      id: 'release-note-unsafe-link',
      severity: 'error',
      text: 'the release note links to a target that is not http, https, mailto or tel (`javascript:`, `data:`).',
    },
    {
      id: 'release-note-remote-image',
      severity: 'error',
      text: 'the release note shows an image from another host, which would see every reader of the feed and the e-mail: leave the image out.',
    },
    {
      id: 'release-note-control-character',
      severity: 'error',
      text: 'the release note holds a control character (ESC, BEL, a CR not followed by LF, DEL, C1), placed at the character: delete it.',
    },
    {
      id: 'release-note-bidi-control',
      severity: 'warning',
      text: 'the release note holds a bidirectional control, which changes the order in which the text around it is shown: delete it unless right-to-left text needs it.',
    },
    {
      id: 'release-note-outside-project',
      severity: 'error',
      text: 'the release note is outside the project, or a folder link leads it out: it is not read. Keep notes in the project (`notes/2.1.0.md`) so they are reviewed with it.',
    },
    {
      id: 'release-note-too-large',
      severity: 'error',
      text: 'the release note is over 64 KiB; it is not read. A note is a few paragraphs: leave the details to the changelog.',
    },
    {
      id: 'release-which-document',
      severity: 'error',
      text: 'the policy folder holds several documents: name the one to release (`policyc release ID`).',
    },
    { id: 'diff-which-document', severity: 'error', text: 'the policy folder holds several documents: name one with `--document ID`.' },
    { id: 'notify-which-document', severity: 'error', text: 'the policy folder holds several documents: name one with `--document ID`.' },
    {
      id: 'diff-no-release',
      severity: 'error',
      text: 'what to compare cannot be found: the document has no release yet. Name FROM and TO, or release a first version.',
    },
    {
      id: 'diff-unknown-version',
      severity: 'error',
      text: 'what to compare cannot be found: the version is not released; the message lists those that are.',
    },
    {
      id: 'diff-unknown-ref',
      severity: 'error',
      text: 'what to compare cannot be found: FROM or TO is neither a released version, a file, nor `git:REV`.',
    },
    {
      id: 'diff-git',
      severity: 'error',
      text: 'what to compare cannot be found with git: no git, not a repository, or no such revision (in a shallow clone: `git fetch --unshallow`).',
    },
    {
      id: 'notify-unknown-version',
      severity: 'error',
      text: 'the versions to announce are not both released, the second after the first; the message lists the released versions.',
    },
    { id: 'notify-no-recipient', severity: 'error', text: '`--send` lacks `--to`: add `--to ADDRESS`.' },
    {
      id: 'notify-send-failed',
      severity: 'error',
      text: 'the SMTP server refused the message or could not be reached (the message shows the URL without its password). Check the server and the URL.',
    },
    {
      id: 'notify-smtp-insecure',
      severity: 'error',
      text: '`--insecure-smtp` with a URL that holds a password for another machine would send the password unencrypted; drop `--insecure-smtp` (STARTTLS is then required) or use `smtps://`.',
    },
    {
      id: 'notify-unknown-locale',
      severity: 'error',
      text: '`--locale` names a language the announced version is not translated into; the message lists those it is.',
    },
    {
      id: 'notify-no-subprocessor-changes',
      severity: 'error',
      text: '`notify --subprocessors` names a release that changes no subprocessor (recipients whose `role` is `processor`), or whose document does not publish its subprocessors (`sharing.subprocessors`): there is nothing to tell customers.',
    },
    {
      id: 'notify-no-email-channel',
      severity: 'error',
      text: "the announced version's `changes.channels` does not include `email`: the document says changes are not told by e-mail, so `notify` writes and sends none. Add `email` to the channels and release a new version, or announce the change another way.",
    },
    {
      id: 'build-no-email-channel',
      severity: 'info',
      text: "`build` wrote no notification e-mail for the newest change: that version's `changes.channels` does not include `email`.",
    },
    {
      id: 'config-invalid',
      severity: 'error',
      text: '`policyc.config.json` cannot be read, has an unknown key, a key twice, or names an unknown compliance or change rule (with a did-you-mean); reported at the key.',
    },
    {
      id: 'config-gate-weakened',
      severity: 'warning',
      text: 'with `--base REV`, the config loosens a check since REV (a change rule made editorial, a compliance rule lowered or off, fewer `noticeDays`, more `images.allowHosts`); `diff --base --exit-code` counts it as material. Make sure the reviewers agree.',
    },
    {
      id: 'history-rewritten',
      severity: 'error',
      text: 'with `--base REV`, the history at REV is not a prefix of the history now: a manifest entry there changed, moved or is gone, a snapshot or frozen translation differs, or the manifest or history folder is gone. Restore it from REV; record changes as new releases.',
    },
    {
      id: 'history-base-unavailable',
      severity: 'error',
      text: '`--base REV` cannot be read: no git, not a repository, or REV is not in the clone (in a shallow one: `git fetch --deepen`, `--unshallow`, or `fetch-depth: 0`).',
    },
    {
      id: 'history-missing',
      severity: 'error',
      text: "the working document's version implies releases its history lacks: above 1.0.0 with no history, or more than one release past its latest (`2.0.0` to `2.2.0`). Restore `policy/history/<id>/` from git; a new document starts at 1.0.0 or below.",
    },
  ],
};
