// `policyc init` and `policyc serve` run as a user runs them: the compiled CLI in a child process.
import { createServer } from 'node:net';
import { request } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli, spawnCliAsync, startCli } from './support/cli.js';
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

  it('stops at once on SIGTERM while a page listens for rebuilds and a keep-alive connection is open', async () => {
    const child = startCli(['serve', '--port', '0', '--date', '2026-12-01'], { cwd: copySample() });
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const url = await addressOf(child, () => stdout);
    // A page's event stream, open until the server ends it.
    const stream = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      const req = request(`${url}__policyc/events`, resolve);
      req.on('error', reject);
      req.end();
    });
    stream.resume();
    const streamEnded = new Promise<void>((resolve) => stream.on('close', () => resolve()));
    // And an idle keep-alive connection, as a browser keeps after loading a page.
    expect((await fetch(`${url}privacy/`, { keepalive: true })).status).toBe(200);
    const started = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // A generous bound on a busy machine: without closing the stream, it never exits at all.
    expect(Date.now() - started).toBeLessThan(5_000);
    await streamEnded;
  });

  it('refuses a port out of range or not a number as a usage error', () => {
    for (const port of ['65536', '99999', '-1', 'http', '80a', '007']) {
      const result = spawnCli(['serve', `--port=${port}`], { cwd: copySample() });
      expect(result.code, port).toBe(2);
      expect(result.stderr, port).toContain(`\`--port\` must be a port number from 0 to 65535, not \`${port}\``);
      expect(result.stderr, port).not.toContain('internal error');
    }
  });

  it('says which port is taken and what to do', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as import('node:net').AddressInfo;
    try {
      const result = await spawnCliAsync(['serve', '--port', String(port), '--date', '2026-12-01'], { cwd: copySample() });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `policyc: cannot serve: Port ${port} on 127.0.0.1 is already in use: choose another with \`--port N\` (0 picks a free one)\n`,
      );
    } finally {
      blocker.close();
    }
  });
});

/** The address a `serve` child prints once listening. */
function addressOf(child: import('node:child_process').ChildProcess, stdout: () => string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address in: ${stdout()}`)), 20_000);
    const look = () => {
      const found = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout());
      if (found) {
        clearTimeout(timer);
        child.stdout!.off('data', look);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', look);
    look();
  });
}
