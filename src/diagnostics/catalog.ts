/**
 * Every diagnostic rule id policyc can produce, with its severity and what to
 * do about it: the source of `docs/diagnostics.md` (`npm run docs`). A test
 * scans `src/` for the ids the code emits and fails when one has no entry
 * here, or an entry names an id the code no longer emits. The compliance
 * rules (`src/rules/`) document themselves and are not repeated here.
 *
 * Pure data: nothing is read when this module is imported.
 */
import { historyDiagnostics } from './catalog-history.js';
import { reviewDiagnostics } from './catalog-review.js';
import { scanDiagnostics } from './catalog-scan.js';
import { scanBrowserDiagnostics } from './catalog-scan-browser.js';
import type { Severity } from './diagnostic.js';

/** One diagnostic rule id and what it means. */
export interface DiagnosticDoc {
  /** The id, as in `Diagnostic.ruleId`; documented at the anchor `#rule-<id>`. */
  readonly id: string;
  /** The severity it is reported with. */
  readonly severity: Severity;
  /** When the severity depends on where it is found, the exception in words. */
  readonly severityNote?: string;
  /** What it means and what to do about it, in Markdown (one or two sentences). */
  readonly text: string;
}

/** Diagnostics of one stage or subject, in the order the reference lists them. */
export interface DiagnosticGroup {
  readonly title: string;
  /** A lead-in shared by the group's entries, in Markdown. */
  readonly intro?: string;
  readonly entries: readonly DiagnosticDoc[];
}

/** The diagnostics reference, grouped. */
export const diagnosticCatalog: readonly DiagnosticGroup[] = [
  {
    title: 'Reading files',
    entries: [
      {
        id: 'policy-folder-missing',
        severity: 'error',
        text: 'the policy folder does not exist (or is a symbolic link to nothing). Run from the project folder or pass `--policy DIR`.',
      },
      {
        id: 'policy-folder-outside',
        severity: 'error',
        text: 'the policy folder is inside the project but a symbolic link leads it out of the project; it is not read (a pull request could point it anywhere). Replace the link with the folder, or name an outside folder explicitly with `--policy DIR`.',
      },
      { id: 'policy-folder-empty', severity: 'error', text: 'the policy folder has no `.yaml` or `.yml` file.' },
      { id: 'file-missing', severity: 'error', text: 'a file named on the command line does not exist.' },
      {
        id: 'file-too-large',
        severity: 'error',
        text: 'the file is over 5 MiB; it is not read. The same limit holds for every file of the history and the templates folder.',
      },
      {
        id: 'file-not-regular',
        severity: 'error',
        text: 'a document, translation, history file, template or `policyc.config.json` is a symbolic link, a folder where a file belongs, a device, a FIFO or a socket. policyc reads only regular files (and walks only real folders), never through links, so a link to `/etc/passwd` or `/dev/zero` planted in a pull request is reported, never read. Replace it with the file itself.',
      },
      {
        id: 'encoding-not-utf8',
        severity: 'error',
        text: 'the file is not UTF-8 (Latin-1, Windows-1252, UTF-16); the position is the first bad byte. Save it as UTF-8.',
      },
      { id: 'file-empty', severity: 'error', text: 'the file is empty or only comments.' },
    ],
  },
  {
    title: 'YAML',
    entries: [
      {
        id: 'yaml-syntax',
        severity: 'error',
        text: 'the YAML cannot be read (an unclosed quote, bad indentation). Only the first syntax error is reported, since later ones are usually echoes of it.',
      },
      { id: 'yaml-duplicate-key', severity: 'error', text: 'a key appears twice in one mapping.' },
      {
        id: 'yaml-too-deep',
        severity: 'error',
        text: 'collections nest more than 64 levels (a policy needs about 6); refused before the tree is built, so no input can exhaust the stack.',
      },
      { id: 'yaml-tab-indent', severity: 'error', text: 'a tab is used for indentation; YAML needs spaces.' },
      { id: 'yaml-multiple-documents', severity: 'error', text: 'the file holds more than one YAML document (`---`).' },
      { id: 'yaml-root-not-mapping', severity: 'error', text: 'the file is a list or a single value, not a mapping of keys.' },
      {
        id: 'yaml-alias-limit',
        severity: 'error',
        text: 'aliases (`*name`) expand to more than 100 nodes, as in a "billion laughs" file; refused before expansion.',
      },
      { id: 'yaml-warning', severity: 'warning', text: 'something the YAML parser accepts but flags, such as an unknown tag.' },
    ],
  },
  {
    title: 'Schema',
    intro:
      "Each is a violation of `schema/policy.schema.json` (or of `schema/review.schema.json` in a decisions file), reported at the offending node (for a missing key, at the key of the mapping that lacks it), with the property's description and examples as the hint.",
    entries: [
      { id: 'schema-required', severity: 'error', text: 'a required key is missing.' },
      { id: 'schema-additional-property', severity: 'error', text: 'an unknown key, with "did you mean" for a near miss.' },
      { id: 'schema-enum', severity: 'error', text: 'a value outside its list, with "did you mean" and the allowed values.' },
      {
        id: 'schema-type',
        severity: 'error',
        text: 'a value of the wrong type (a number where text is expected: quote it, `version: "1.0.0"`).',
      },
      {
        id: 'schema-pattern',
        severity: 'error',
        text: 'a value not in the expected form (ids kebab-case, `version` MAJOR.MINOR.PATCH, a `Text` field on one line, a duration like `30 days`).',
      },
      { id: 'schema-format', severity: 'error', text: 'not a valid date (YYYY-MM-DD), e-mail address or URL.' },
      { id: 'schema-min-items', severity: 'error', text: 'an empty list that needs entries.' },
      { id: 'schema-min-length', severity: 'error', text: 'an empty string.' },
      { id: 'schema-max-length', severity: 'error', text: 'a string over its length limit.' },
      {
        id: 'schema-max-items',
        severity: 'error',
        text: 'a list with more than 5,000 entries (no policy lists so many; the limit keeps every run bounded).',
      },
      { id: 'schema-unique-items', severity: 'error', text: 'a list repeats a value.' },
      { id: 'schema-minimum', severity: 'error', text: 'a number below its minimum (a negative fee).' },
      { id: 'schema-min-properties', severity: 'error', text: 'an empty mapping that needs at least one key (`retention: {}`).' },
      {
        id: 'text-control-character',
        severity: 'error',
        text: 'a value or key holds a control character (ESC, BEL, a CR not followed by LF, DEL, U+0080-U+009F), named by its code point and placed at the character (at the value\'s start when a `"\\e"` escape wrote it). They act as commands in terminals and CI logs and make the feed ill-formed: delete it, or use a line break. Also in translation files and released snapshots.',
      },
      {
        id: 'text-bidi-control',
        severity: 'warning',
        severityNote: '*error* in ids, URLs, e-mail addresses and fixed values',
        text: 'a bidirectional control (U+202A-U+202E, U+2066-U+2069) that changes how the text around it is shown. Delete it unless right-to-left text needs it.',
      },
    ],
  },
  {
    title: 'References and structure',
    entries: [
      { id: 'duplicate-id', severity: 'error', text: 'two entities in the same list share an id.' },
      {
        id: 'unresolved-reference',
        severity: 'error',
        text: "a reference names nothing: an id in `categories`, `purposes`, `features`, `recipients`, `controls`, `contacts`, `services` or `methods`, a `contact`, a contact's `controller`, a custom section's `after`, an entry of `order`.",
      },
      { id: 'contact-no-channel', severity: 'error', text: 'a contact has no `email`, `url`, `phone`, `address` or `methods`.' },
      { id: 'parent-self', severity: 'error', text: 'a document names itself as the parent policy it supplements.' },
      {
        id: 'parent-unknown',
        severity: 'error',
        text: "a document's `parent.document` names no document of this project: add it, or give the parent's `url`.",
      },
      { id: 'document-id-filename', severity: 'error', text: "the document's `id` differs from its file name." },
      { id: 'duplicate-document-id', severity: 'error', text: 'two files declare the same document id.' },
      { id: 'section-id-reserved', severity: 'error', text: 'a custom section uses the name of a built-in section.' },
      { id: 'section-order-cycle', severity: 'error', text: 'custom sections placed after each other form a loop.' },
      {
        id: 'section-order-conflict',
        severity: 'error',
        text: 'a custom section is both placed by `order` and given an `after`: keep one.',
      },
    ],
  },
  {
    title: 'Prose',
    entries: [
      { id: 'prose-raw-html', severity: 'warning', text: 'raw HTML in a Markdown field is not rendered; write Markdown instead.' },
      {
        id: 'prose-unsafe-link',
        severity: 'warning',
        text: 'a link that is not http, https, mailto or tel (`javascript:`, `data:`) loses its target.',
      },
      {
        id: 'prose-remote-image',
        severity: 'warning',
        text: 'an image loaded from another host (`![](https://tracker.example/p.gif)`) would let that host see every reader, so it is not published; put the image in the project (a relative path), or list its host in `images.allowHosts` (see [Configuration](configuration.md)).',
      },
    ],
  },
  historyDiagnostics,
  reviewDiagnostics,
  scanDiagnostics,
  scanBrowserDiagnostics,
  {
    title: 'Translations',
    entries: [
      { id: 'translation-missing', severity: 'error', text: 'the translation lacks a text of the version it translates.' },
      { id: 'translation-extra', severity: 'error', text: 'the translation has a text the source does not (check the id).' },
      { id: 'translation-stale', severity: 'warning', text: 'the working document changed or added text since the translated version.' },
      {
        id: 'translation-frozen',
        severity: 'error',
        text: 'the working translation names a version whose translation was frozen at release, and differs from it.',
      },
      {
        id: 'translation-unknown-document',
        severity: 'error',
        text: '`translates` names no document of this project; the hint lists those there are.',
      },
      {
        id: 'translation-unknown-source',
        severity: 'error',
        text: '`source` names no released version of the document; name a released version.',
      },
      { id: 'translation-filename', severity: 'error', text: 'the file is not named `<id>.<locale>.yaml`: rename it as the message says.' },
      {
        id: 'translation-same-locale',
        severity: 'error',
        text: "the translation's locale is the language of the document itself: set `locale` to the language of the translation.",
      },
    ],
  },
  {
    title: 'Init and preview',
    entries: [
      {
        id: 'init-not-empty',
        severity: 'error',
        text: '`policyc init` refuses a folder that already has a policy or a config (or a link where either would be); it writes nothing. Run it in a new folder.',
      },
      { id: 'init-not-a-folder', severity: 'error', text: '`policyc init` refuses a path that is a file; it writes nothing.' },
      {
        id: 'init-invalid-id',
        severity: 'error',
        text: '`policyc init --id` is not kebab-case (lowercase letters and digits, single hyphens); it writes nothing.',
      },
      {
        id: 'init-kept-existing',
        severity: 'info',
        text: '`init` kept a file that was already there (a README, a `package.json`, a workflow).',
      },
      {
        id: 'init-kept-link',
        severity: 'info',
        text: '`init` found a symbolic link (or special file) where it would write, such as a `.gitignore` or `.github` linked elsewhere; it kept it and wrote nothing through it. A `policy` or config link makes it refuse (`init-not-empty`).',
      },
      {
        id: 'output-folder-refused',
        severity: 'error',
        text: '`build --out` names a folder a build must not replace (the project, its parent, the root or home folder, the policy, templates or cache folder, a file, or a non-empty folder without the `.policyc-output` marker); nothing is written and the exit code is 2. Name another folder.',
      },
      {
        id: 'build-locked',
        severity: 'error',
        text: 'another policyc is building into the same output folder (its live lock `.dist.lock` is beside it); wait for it, or delete the lock if no policyc is running.',
      },
      {
        id: 'build-failed',
        severity: 'error',
        text: 'a rebuild in `serve` or `build --watch` failed unexpectedly; the last good build is kept.',
      },
    ],
  },
  {
    title: 'Templates',
    entries: [
      {
        id: 'template-error',
        severity: 'error',
        text: 'a template cannot be compiled or fails when rendering; the file and line are given.',
      },
      { id: 'templates-folder-missing', severity: 'error', text: 'the folder given to `--templates` does not exist.' },
      {
        id: 'templates-folder-outside',
        severity: 'error',
        text: 'the templates folder is inside the project but a symbolic link leads it out of the project; it is not read. Replace the link with the folder, or name an outside folder explicitly with `--templates DIR`.',
      },
    ],
  },
  {
    title: 'Cache',
    entries: [
      {
        id: 'cache-unsafe',
        severity: 'warning',
        text: 'the cache folder, a folder above it in the project (such as `node_modules`), or a bucket or entry in it is a symbolic link; the run goes on without the cache, which never reads or writes through a link. Remove the link, or use `--cache DIR`.',
      },
      {
        id: 'cache-key-unavailable',
        severity: 'warning',
        text: 'the key that authenticates cache entries (`~/.cache/policyc/key`, or `$POLICYC_CACHE_KEY_FILE`) cannot be read or created, is a link, or others can read it; the run goes on without the cache. Fix its folder or permissions (`chmod 600`).',
      },
    ],
  },
];

/** Every catalogued id, in reference order. */
export function catalogIds(catalog: readonly DiagnosticGroup[] = diagnosticCatalog): string[] {
  return catalog.flatMap((group) => group.entries.map((entry) => entry.id));
}

/** The catalogued entry of an id, if it is one of these diagnostics (not a compliance rule). */
export function catalogEntry(id: string): DiagnosticDoc | undefined {
  for (const group of diagnosticCatalog) for (const entry of group.entries) if (entry.id === id) return entry;
  return undefined;
}

/** The project's home, whose `docs/` folder documents every rule id (the one constant, also package.json's `repository`). */
export const projectHome = 'https://github.com/policyc/policyc';

/**
 * The absolute address of a rule id's documentation, pinned to the tag of the
 * version that reported it (`v<version>`): a link in a SARIF log or a code
 * scanning alert keeps saying what that version meant, even after the rule is
 * reworded, renamed or removed on the main branch.
 */
export function documentationUrl(id: string, version: string): string {
  return `${projectHome}/blob/v${version}/${documentationPath(id)}`;
}

/**
 * Where a rule id is documented, relative to the repository root: its anchor
 * in `docs/diagnostics.md` when it is catalogued here, else in `docs/rules.md`
 * (the compliance rules, which document themselves).
 */
export function documentationPath(id: string): string {
  return `${catalogIds().includes(id) ? 'docs/diagnostics.md' : 'docs/rules.md'}#rule-${id}`;
}
