// `policyc scan --har` as a user runs it (the built CLI): exit codes as validate's, JSON output, --fix leaving a document that validates.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { spawnCli } from './support/cli.js';
import { root } from './support/fixtures.js';
import { copySample } from './support/project.js';

const har = path.join(root, 'test/scan-fixtures/site.har');

function sample(): string {
  const dir = copySample();
  cpSync(path.join(root, 'policyc.config.json'), path.join(dir, 'policyc.config.json'));
  return dir;
}

const json = (stdout: string) => JSON.parse(stdout) as Diagnostic[];

describe('policyc scan --har', () => {
  it('finds the cookie the sample does not declare, with its page and setter, and exits 1', () => {
    const r = spawnCli(['scan', '--har', har, '--date', '2026-03-01', '--format', 'json', '--no-cache'], { cwd: sample() });
    expect(r.code, r.stderr).toBe(1);
    const undeclared = json(r.stdout).filter((d) => d.ruleId === 'scan-undeclared-cookie');
    expect(undeclared.map((d) => d.message)).toEqual([
      'Cookie `_ga_ABC123` (domain `www.smartfocus.com`) is set on https://www.smartfocus.com/pricing by a script on `www.smartfocus.com` but not declared',
      'Cookie `_hjSessionUser_12345` (domain `www.smartfocus.com`) is set on https://www.smartfocus.com/ by `www.smartfocus.com` but not declared',
      'Cookie `ab_test` (domain `www.smartfocus.com`) is set on https://www.smartfocus.com/pricing by a script on `www.smartfocus.com` but not declared',
    ]);
    expect(undeclared[0]).toMatchObject({ file: 'policy/privacy.yaml', line: 176, column: 3 });
  });

  it('--fix adds reviewed-for entries from the Open Cookie Database; the document then validates and the scan finds nothing undeclared', () => {
    const dir = sample();
    const fix = spawnCli(['scan', '--har', har, '--date', '2026-03-01', '--fix', '--no-cache'], { cwd: dir });
    expect(fix.stdout).toContain('Added `ga-abc123` (`_ga_ABC123`) to `cookies.items`, marked for review');
    const text = readFileSync(path.join(dir, 'policy/privacy.yaml'), 'utf8');
    expect(text).toContain(
      [
        '    - id: ga-abc123',
        '      name: "_ga_ABC123"',
        '      pattern: _ga_*',
        '      party: first',
        '      provider: Google Analytics',
        '      purpose: ID used to identify users',
        '      lifetime: persistent',
        '      duration: 2 years',
        '      category: analytics',
        '      review: "added by policyc scan from the Open Cookie Database (Google Analytics), seen on https://www.smartfocus.com/pricing, set by www.smartfocus.com (a script): check the purpose, category and duration"',
      ].join('\n'),
    );
    const validate = spawnCli(['validate', '--no-cache', '--date', '2026-03-01', '--format', 'json'], { cwd: dir });
    expect(json(validate.stdout).filter((d) => d.severity === 'error')).toEqual([]);
    const again = spawnCli(['scan', '--har', har, '--date', '2026-03-01', '--format', 'json', '--no-cache'], { cwd: dir });
    expect(json(again.stdout).filter((d) => d.ruleId === 'scan-undeclared-cookie')).toEqual([]);
  });

  it('exits 0 on warnings alone, and 1 with --strict', () => {
    const dir = sample();
    const quiet = {
      log: {
        version: '1.2',
        entries: [
          {
            startedDateTime: '2026-03-01T10:00:00Z',
            request: { method: 'GET', url: 'https://www.smartfocus.com/', headers: [] },
            response: {
              status: 200,
              headers: [{ name: 'Set-Cookie', value: 'ASP.NET_SessionId=1; HttpOnly' }],
              content: { mimeType: 'text/html' },
            },
          },
          {
            startedDateTime: '2026-03-01T10:00:01Z',
            request: { method: 'GET', url: 'https://cdn.tracker.example/t.js', headers: [] },
            response: { status: 200, headers: [] },
          },
        ],
      },
    };
    writeFileSync(path.join(dir, 'quiet.har'), JSON.stringify(quiet));
    const plain = spawnCli(['scan', '--har', 'quiet.har', '--date', '2026-03-01', '--no-cache'], { cwd: dir });
    expect(plain.code, plain.stdout).toBe(0);
    expect(plain.stdout).toContain('warning  The third party `cdn.tracker.example` is contacted on https://www.smartfocus.com/');
    expect(plain.stdout).toContain('✔ scanned 1 page (1 cookie, 2 hosts) against `privacy`');
    const strict = spawnCli(['scan', '--har', 'quiet.har', '--date', '2026-03-01', '--strict', '--no-cache'], { cwd: dir });
    expect(strict.code).toBe(1);
  });

  it('reports a malformed HAR at its line and column, and wrong usage, with exit 1', () => {
    const dir = sample();
    const bad = spawnCli(['scan', '--har', path.join(root, 'test/scan-fixtures/malformed.har'), '--format', 'json', '--no-cache'], {
      cwd: dir,
    });
    expect(bad.code).toBe(1);
    expect(json(bad.stdout).map((d) => [d.line, d.column, d.ruleId, d.message])).toEqual([
      [9, 23, 'scan-har-invalid', 'The HAR file is not HAR 1.2: `log.entries[0].response.status` must be a number'],
    ]);
    const both = spawnCli(['scan', 'https://www.smartfocus.com/', '--har', har, '--no-cache'], { cwd: dir });
    expect(both.code).toBe(1);
    expect(both.stdout).toContain('Give either URLs or `--har FILE`, not both  scan-usage');
    const none = spawnCli(['scan', '--no-cache'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('Nothing to scan  scan-usage');
  });
});
