// `policyc init`: a new repository that validates, builds, and is never overwritten.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { build, validate } from '../src/api.js';
import { init } from '../src/init/init.js';
import { formatPretty } from '../src/report/report.js';
import { root } from './support/fixtures.js';
import { snapshotTree, tempDir } from './support/project.js';

describe('policyc init', () => {
  it('scaffolds a repository whose policy validates cleanly and builds', async () => {
    const cwd = tempDir();
    const result = await init({ dir: 'legal', cwd });
    const dir = path.join(cwd, 'legal');
    expect(result.diagnostics).toEqual([]);
    expect(result.written).toEqual([
      'legal/policy/privacy.yaml',
      'legal/policyc.config.json',
      'legal/.github/workflows/policy.yml',
      'legal/README.md',
      'legal/package.json',
      'legal/.gitignore',
    ]);

    const policy = readFileSync(path.join(dir, 'policy/privacy.yaml'), 'utf8');
    expect(policy.split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/policyc/schema/policy.schema.json');
    expect(policy).toContain('Example Ltd');
    expect(policy).toContain('privacy@example.com');
    const doc = parseYaml(policy);
    expect(doc.jurisdictions).toEqual(['eu', 'uk']);
    expect(doc.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Complete enough for the GDPR: every purpose grounded, every category kept for a stated time, every right reachable.
    for (const purpose of doc.purposes.items) {
      expect(purpose.legalBasis, purpose.id).toBeTruthy();
      expect(purpose.categories?.length, purpose.id).toBeGreaterThan(0);
    }
    for (const category of doc.collection.categories) expect(category.retention, category.id).toBeTruthy();
    expect(doc.rights.items.map((r: { type: string }) => r.type).sort()).toEqual([
      'access',
      'complaint',
      'erasure',
      'objection',
      'portability',
      'rectification',
      'restriction',
      'withdraw-consent',
    ]);
    for (const right of doc.rights.items) expect(right.contact, right.id).toBeTruthy();
    expect(doc.contacts.items.some((c: { role: string }) => c.role === 'dpo')).toBe(true);
    expect(doc.collection.obligation).toBeTruthy();
    expect(doc.purposes.automatedDecisions.used).toBe(false);
    expect(doc.cookies.consent.model).toBe('opt-in');
    for (const cookie of doc.cookies.items) {
      expect(cookie.category, cookie.id).toBeTruthy();
      if (cookie.lifetime === 'persistent') expect(cookie.duration, cookie.id).toBeTruthy();
    }
    expect(JSON.parse(readFileSync(path.join(dir, 'policyc.config.json'), 'utf8'))).toEqual({ baseUrl: 'https://www.example.com/legal/' });
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe('dist/\n.dist.*\nnode_modules/\n');

    const checked = await validate({ cwd: dir });
    expect(formatPretty(checked.diagnostics)).toBe('');
    expect(checked.models.map((m) => m.policy.id)).toEqual(['privacy']);

    const built = await build({ cwd: dir, out: 'dist', date: '2026-06-01' });
    expect(formatPretty(built.diagnostics)).toBe('');
    expect(built.written).toEqual(
      expect.arrayContaining(['index.html', 'privacy/index.html', 'privacy/index.md', 'privacy/policy.json', 'assets/policy.css']),
    );
    const page = readFileSync(path.join(dir, 'dist/privacy/index.html'), 'utf8');
    expect(page).toContain('Example Ltd');
    expect(page).toContain('privacy@example.com');
  });

  it('is deterministic and honours --id', async () => {
    const a = tempDir();
    const b = tempDir();
    await init({ dir: '.', cwd: a, id: 'cookie-policy' });
    await init({ dir: b });
    expect(snapshotTree(a).get('policy/cookie-policy.yaml')).toMatch(/^id: cookie-policy$/m);
    expect(existsSync(path.join(a, 'policy/privacy.yaml'))).toBe(false);
    expect((await validate({ cwd: a })).diagnostics).toEqual([]);
    const again = tempDir();
    await init({ dir: again, id: 'cookie-policy' });
    expect(snapshotTree(again)).toEqual(snapshotTree(a));
    expect(snapshotTree(b).get('policy/privacy.yaml')).toBe(
      snapshotTree(a).get('policy/cookie-policy.yaml')!.replace('id: cookie-policy', 'id: privacy'),
    );
  });

  it('refuses a folder that is already a policy repository, changing nothing', async () => {
    const dir = tempDir();
    expect((await init({ dir })).diagnostics).toEqual([]);
    writeFileSync(path.join(dir, 'policy/privacy.yaml'), 'id: edited\n');
    const before = snapshotTree(dir);
    const second = await init({ dir });
    expect(second.written).toEqual([]);
    expect(second.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['init-not-empty', 'error']]);
    expect(snapshotTree(dir)).toEqual(before);

    // A config file alone is enough to refuse.
    const other = tempDir();
    writeFileSync(path.join(other, 'policyc.config.json'), '{}\n');
    const third = await init({ dir: other });
    expect(third.diagnostics.map((d) => d.ruleId)).toEqual(['init-not-empty']);
    expect(snapshotTree(other)).toEqual(new Map([['policyc.config.json', '{}\n']]));
  });

  it('rejects an invalid id, writing nothing', async () => {
    const cwd = tempDir();
    const result = await init({ dir: 'new', cwd, id: 'Privacy Policy' });
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['init-invalid-id']);
    expect(existsSync(path.join(cwd, 'new'))).toBe(false);
  });

  it('keeps files of an existing repository, and only adds missing .gitignore lines', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'README.md'), '# Our website\n');
    writeFileSync(path.join(dir, 'package.json'), '{"name":"site"}\n');
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n.env');
    mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(path.join(dir, '.github/workflows/policy.yml'), 'name: mine\n');
    const result = await init({ dir });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.file])).toEqual([
      ['init-kept-existing', 'info', path.relative(process.cwd(), path.join(dir, '.github/workflows/policy.yml'))],
      ['init-kept-existing', 'info', path.relative(process.cwd(), path.join(dir, 'README.md'))],
      ['init-kept-existing', 'info', path.relative(process.cwd(), path.join(dir, 'package.json'))],
    ]);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('# Our website\n');
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe('{"name":"site"}\n');
    expect(readFileSync(path.join(dir, '.github/workflows/policy.yml'), 'utf8')).toBe('name: mine\n');
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe('node_modules\n.env\ndist/\n.dist.*\n');
  });

  it('writes a workflow that runs the policyc Action on pull requests touching the policy, and builds on main', async () => {
    const dir = tempDir();
    await init({ dir });
    const text = readFileSync(path.join(dir, '.github/workflows/policy.yml'), 'utf8');
    const workflow = parseYaml(text, { uniqueKeys: true });
    const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    expect(workflow.on.push.branches).toEqual(['main']);
    // Only when policy files change: the policy, its config and templates, policyc's version, the workflow.
    for (const trigger of [workflow.on.pull_request, workflow.on.push])
      expect(trigger.paths).toEqual([
        'policy/**',
        'policyc.config.json',
        'templates/**',
        'package.json',
        'package-lock.json',
        '.github/workflows/policy.yml',
      ]);
    type Step = { run?: string; uses?: string; with?: Record<string, string | number>; env?: Record<string, string> };
    // Least privilege: nothing by default; each job asks for what it needs.
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.check.permissions).toEqual({
      contents: 'read',
      'pull-requests': 'write',
      'security-events': 'write',
      actions: 'read',
    });
    expect(workflow.jobs.build.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.check.if).toContain('pull_request');
    expect(workflow.jobs.build.if).toContain('push');
    for (const job of ['check', 'build']) {
      const steps: Step[] = workflow.jobs[job].steps;
      const uses = (prefix: string) => steps.findIndex((s) => s.uses?.startsWith(prefix));
      // A maintained Node.js (20 is at its end of life).
      expect([22, 24]).toContain(steps[uses('actions/setup-node@')]!.with?.['node-version']);
      // policyc's cache (and the key of its entries) restored after npm ci, which would empty node_modules.
      const cache = steps[uses('actions/cache@')]!;
      expect(String(cache.with?.path).split('\n').filter(Boolean)).toEqual(['node_modules/.cache/policyc', '~/.cache/policyc']);
      expect(uses('actions/cache@')).toBeGreaterThan(steps.findIndex((s) => s.run === 'npm ci'));
      // No expression is pasted into a shell script (script injection).
      for (const step of steps) expect(step.run ?? '').not.toContain('${{');
    }
    const check: Step[] = workflow.jobs.check.steps;
    // The Action of this repository, at the tag of the version that wrote the workflow.
    const action = check.find((s) => s.uses?.startsWith('policyc/policyc@'))!;
    expect(action.uses).toBe(`policyc/policyc@v${version}`);
    expect(action.with?.['fail-on']).toBe('error');
    expect(workflow.jobs.build.steps.map((s: Step) => s.run ?? '')).toContain('npx policyc build');
  });
});
