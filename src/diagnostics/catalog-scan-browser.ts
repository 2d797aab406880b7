import type { DiagnosticGroup } from './catalog.js';

/** The diagnostics of `policyc scan URL...` in the browser (part of the catalog in catalog.ts). */
export const scanBrowserDiagnostics: DiagnosticGroup = {
  title: 'Scanning a site in the browser',
  intro:
    '`policyc scan URL...` loads the pages in the system Chromium, driven by playwright-core; these are its problems with the browser and the pages, at the binary or the page URL (line 1, column 1).',
  entries: [
    {
      id: 'scan-browser-unavailable',
      severity: 'error',
      text: 'there is no Chromium where policyc looks (`/usr/bin/chromium`, or the binary named by the `CHROMIUM_PATH` environment variable), or it did not start (nothing is scanned), or it stopped during the scan (what it saw until then is reported). Install it with `apt-get install -y chromium` (Debian, Ubuntu), or set `CHROMIUM_PATH` to a Chromium or Chrome binary. `policyc scan --har FILE` needs no browser.',
    },
    {
      id: 'scan-page-failed',
      severity: 'error',
      severityNote: 'a warning for a page reached by following links; an error for a URL given on the command line',
      text: 'a page did not load (no answer, a timeout, not an http(s) URL) or answered with an HTTP error status; the message has the URL and the status or the error. A page that did not load is not scanned; one that answered an error is, as it was served.',
    },
    {
      id: 'scan-accept-not-found',
      severity: 'warning',
      text: 'the consent button (`--accept SELECTOR`, a CSS selector) matched nothing visible in the first page or its frames within 10 seconds, or is not a valid selector; only what happens before consent is observed. Give the selector of the button that accepts all cookies.',
    },
  ],
};
