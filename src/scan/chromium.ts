import { existsSync } from 'node:fs';

/*
 * The system Chromium that policyc drives with playwright-core (which cannot
 * download browsers of its own here): where it is, and the flags it runs
 * with. Shared by `policyc scan` and the browser tests, so both find the same
 * binary the same way.
 */

/** Debian's Chromium, unless CHROMIUM_PATH (or the caller) names another binary. */
export function chromiumExecutable(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** True when the binary is there (whether it runs is known only by launching it). */
export function chromiumInstalled(executable: string): boolean {
  return existsSync(executable);
}

/** What to do when there is no Chromium, for a message. */
export const chromiumInstallHint =
  'Install it with `apt-get install -y chromium` (as root), or set CHROMIUM_PATH to a Chromium or Chrome binary.';

/**
 * Headless, no sandbox (containers and CI run as root), and none of
 * Chromium's own traffic (updates, sync, first-run pages): the only requests
 * are the pages'.
 */
export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The preferences of a fresh profile for a scan: third-party cookies and
 * storage allowed (`cookie_controls_mode` 0, "allow all"), as a visitor's
 * Chrome does by default, so a third-party frame's cookies are observed.
 * Chromium otherwise blocks them in an automated profile.
 */
export const scanProfilePreferences = { profile: { cookie_controls_mode: 0 } } as const;
