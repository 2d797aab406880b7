import type { DiagnosticGroup } from './catalog.js';

/** The diagnostics of `policyc scan` (see [Scanning a site](scan.md)); the browser's own are in catalog-scan-browser.ts. */
export const scanDiagnostics: DiagnosticGroup = {
  title: 'Scanning a site',
  intro:
    'What `policyc scan` observed on a site (in a headless browser, or in a HAR file) against what the document declares: each difference at the declared entry it concerns, or at the list an undeclared one belongs in. See [Scanning a site](scan.md).',
  entries: [
    {
      id: 'scan-usage',
      severity: 'error',
      text: 'nothing to scan (no URL, no `--har`, no `scan.urls` in policyc.config.json), URLs and `--har` together, a URL that is not absolute http(s), or no single valid document to compare with (name one with `--document ID`).',
    },
    {
      id: 'scan-har-unreadable',
      severity: 'error',
      text: 'the file given to `--har` is missing, not a regular file (a link, a folder, a device) or over 200 MiB; export it again, without response bodies if it is large.',
    },
    {
      id: 'scan-har-invalid',
      severity: 'error',
      text: 'the file given to `--har` is not JSON, or not HAR 1.2 (a field a scan reads is missing or of another type), at the place it stops being so; export it again from the browser.',
    },
    {
      id: 'scan-undeclared-cookie',
      severity: 'error',
      text: 'the site set a cookie that no entry of `cookies.items` declares (by `name`, or by `pattern` and `domain`); the message names the page and the host that set it, the hint what the Open Cookie Database knows of it. Declare it, or run `policyc scan --fix`.',
    },
    {
      id: 'scan-undeclared-storage',
      severity: 'error',
      text: 'the site wrote a local or session storage key that no technology of type `local-storage` or `session-storage` declares in its `keys` (one without `keys` declares every key of its kind).',
    },
    {
      id: 'scan-unobserved-cookie',
      severity: 'warning',
      severityNote: 'info when the cookie needs consent and the scan did not consent (`--accept`): it could not have seen it',
      text: 'a declared cookie was not seen on the pages scanned; remove it if the site no longer sets it, or scan the pages that do.',
    },
    {
      id: 'scan-cookie-before-consent',
      severity: 'error',
      severityNote:
        'by the document’s jurisdictions on the scan’s date: `eu` error; `uk` error, but a warning for `analytics` and `functional` from 2026-02-05; `ch` warning; others not reported',
      text: 'a cookie whose category needs consent (any but `strictly-necessary`; for an undeclared cookie, its category in the Open Cookie Database) was set before the visitor consented.',
    },
    {
      id: 'scan-duration-shorter',
      severity: 'warning',
      text: 'a cookie is declared for a shorter time than the site sets it for (a session cookie set to persist, or a `duration` shorter than its expiry, counted as at most 400 days as Chromium keeps it).',
    },
    {
      id: 'scan-unknown-host',
      severity: 'warning',
      text: 'a third party (a host of another site) was contacted that no recipient or technology lists in its `hosts`, no cookie has as its `domain`, and that set no declared cookie. Add the host to the `hosts` of the recipient it belongs to.',
    },
    {
      id: 'scan-page-left-site',
      severity: 'info',
      text: 'a page led off the site (a redirect, a page on another site in the HAR); the other site was not scanned.',
    },
    {
      id: 'scan-fix-added',
      severity: 'info',
      text: '`--fix` added this entry for what the scan saw, with a `review` note saying what to check; `validate` warns and `release` refuses until a person checks it and deletes the note.',
    },
    {
      id: 'scan-fix-refused',
      severity: 'error',
      text: '`--fix` wrote nothing: the document is not a regular file in the project, or it changed while the site was scanned.',
    },
  ],
};
