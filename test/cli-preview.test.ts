// `policyc init` and `policyc serve` run as a user runs them: the compiled CLI in a child process.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli, startCli } from './support/cli.js';
import { copySample, tempDir } from './support/project.js';

describe('policyc init', () => {
  it('scaffolds a repository that validates as created', () => {
    const dir = tempDir();
    const init = spawnCli(['init', 'policies'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('created policies/policy/privacy.yaml');
    expect(init.stdout).toContain('created policies/.github/workflows/policy.yml');
    const check = spawnCli(['validate', '--strict'], { cwd: path.join(dir, 'policies') });
    expect(check.stdout).toBe('✔ 1 document valid\n');
    expect(check.code).toBe(0);
    const again = spawnCli(['init', 'policies'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('init-not-empty');
  });
});

describe('policyc serve', () => {
  it('serves the site on 127.0.0.1 and stops cleanly on Ctrl-C', async () => {
    const child = startCli(['serve', '--port', '0', '--date', '2026-12-01'], { cwd: copySample() });
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address in: ${stdout}`)), 15_000);
        child.stdout!.on('data', () => {
          const found = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
          if (found) {
            clearTimeout(timer);
            resolve(found[1]!);
          }
        });
      });
      const page = await fetch(`${url}privacy/index.html`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<h1 id="policy-title">Privacy &amp; Cookies Policy</h1>');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
