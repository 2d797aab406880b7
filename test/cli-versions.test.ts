// The version commands run as a user runs them: diff, release and notify from the compiled CLI,
// with real git for git: revisions and a real SMTP server on loopback for sending.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { expectGolden, root } from './support/fixtures.js';
import { spawnCliAsync } from './support/cli.js';
import { copySample, tempDir } from './support/project.js';
import { withSmtpServer } from './support/smtp.js';
import { git } from './support/git.js';

/** Run the built CLI asynchronously (so an SMTP server in this process can answer it). */
const policyc = (args: string[], cwd = root) => spawnCliAsync(args, { cwd });

describe('policyc diff', () => {
  it('explains 1.0.0 to 2.0.0 as a pull-request comment (golden)', async () => {
    const r = await policyc(['diff', '1.0.0', '2.0.0', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Policy changes: 1.0.0 → 2.0.0');
    expect(r.stdout).toContain('### Material changes');
    expectGolden(path.join(root, 'test/golden/diff-1.0.0-2.0.0.md'), r.stdout);
  });

  it('gives JSON with from, to, material and typed changes', async () => {
    const r = await policyc(['diff', '1.0.0', '2.0.0', '--format', 'json']);
    const set = JSON.parse(r.stdout) as { from: string; to: string; material: boolean; changes: Record<string, unknown>[] };
    expect(set).toMatchObject({ from: '1.0.0', to: '2.0.0', material: true });
    for (const change of set.changes) {
      expect(['added', 'removed', 'changed']).toContain(change.type);
      for (const key of ['entity', 'id', 'rule', 'summary']) expect(typeof change[key]).toBe('string');
      expect(typeof change.material).toBe('boolean');
    }
    expect(set.changes).toContainEqual(
      expect.objectContaining({
        type: 'added',
        entity: 'cookie',
        id: 'fbp',
        material: true,
        rule: 'new-third-party-cookie',
        summary: 'Adds the cookie `_fbp` (Meta, advertising, 90 days).',
      }),
    );
  });

  it('--exit-code exits 1 on material changes and 0 otherwise', async () => {
    expect((await policyc(['diff', '1.0.0', '2.0.0', '--exit-code'])).code).toBe(1);
    const none = await policyc(['diff', '--exit-code']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('2.0.0 -> working copy: 0 changes, 0 material\nNo changes.\n');
  });

  it('compares with the working document at a git revision, read with real git', async () => {
    const dir = copySample();
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'policy');
    const file = path.join(dir, 'policy/privacy.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('      provider: Meta\n', '      provider: Meta Platforms Ireland\n'));
    const r = await policyc(['diff', 'git:HEAD', '--format', 'text'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('git:HEAD -> working copy: 1 change, 1 material');
    expect(r.stdout).toContain('Is now set by Meta Platforms Ireland instead of Meta');
  });

  it('says clearly when there is no git repository, or the revision is missing from a shallow clone', async () => {
    const outside = await policyc(['diff', 'git:main'], copySample());
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('needs a git repository');
    const origin = copySample();
    git(origin, 'init', '-q', '-b', 'main');
    git(origin, 'add', '.');
    git(origin, 'commit', '-qm', 'one');
    git(origin, 'commit', '-q', '--allow-empty', '-m', 'two');
    const first = git(origin, 'rev-parse', 'HEAD~1').trim();
    const shallow = path.join(tempDir(), 'clone');
    git(root, 'clone', '-q', '--depth', '1', `file://${origin}`, shallow);
    const r = await policyc(['diff', `git:${first}`], shallow);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Git revision \`${first}\` does not exist here (this is a shallow clone, which may lack it)  diff-git`);
    expect(r.stderr).toContain('git fetch --unshallow');
  });

  it('rejects an unknown version with the list of released ones', async () => {
    const r = await policyc(['diff', '3.0.0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Version 3.0.0 is not released');
    expect(r.stderr).toContain('Released versions: 1.0.0, 2.0.0.');
  });
});

describe('policyc release', () => {
  it('releases in a scratch copy, then refuses to release the same thing twice', async () => {
    const dir = copySample();
    const file = path.join(dir, 'policy/privacy.yaml');
    // A cookie's purpose reworded: editorial (a purpose's would be for a person to review).
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'Enables us to store your preferred content language',
        'Enables us to remember your preferred content language',
      ),
    );
    const first = await policyc(['release', '--effective', '2027-02-01'], dir);
    expect(first.stderr).not.toMatch(/ {2}error {2}/);
    // The French translation does not cover the reworded text: an editorial change, so the release goes ahead without French.
    expect(first.stdout).toMatch(
      /^✔ released privacy 2\.0\.1, effective 2027-02-01 \(1 change, 0 material\)\n⚠ fr: not translated, so 2\.0\.1 is not published in fr \(editorial changes only\)\n {2}wrote policy\/history\/privacy\/2\.0\.1\.yaml\n/,
    );
    const second = await policyc(['release', '--effective', '2027-03-01'], dir);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('Nothing changed since 2.0.1  release-no-changes');
  });

  it('refuses a patch release of a material change, naming the rule and the fix', async () => {
    const dir = copySample();
    const file = path.join(dir, 'policy/privacy.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('      provider: Meta\n', '      provider: Meta Platforms Ireland\n'));
    const r = await policyc(['release', '--bump', 'patch', '--effective', '2027-02-01'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'A patch release (2.0.0 to 2.0.1) is too small: the changes call for at least a minor release  release-bump-too-small',
    );
    expect(r.stderr).toContain('release with `--bump minor` or larger');
  });

  it('lets a project call a rule editorial in policyc.config.json', async () => {
    const dir = copySample();
    const file = path.join(dir, 'policy/privacy.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('      provider: Meta\n', '      provider: Meta Platforms Ireland\n'));
    writeFileSync(path.join(dir, 'policyc.config.json'), JSON.stringify({ materiality: { 'cookie-provider-changed': 'editorial' } }));
    const diff = await policyc(['diff', '--format', 'json'], dir);
    expect(JSON.parse(diff.stdout).material).toBe(false);
    const r = await policyc(['release', '--bump', 'patch', '--effective', '2027-02-01'], dir);
    expect(r.code).toBe(0);
  });
});

describe('policyc notify', () => {
  it('writes the four files of the e-mail', async () => {
    const out = path.join(tempDir(), 'mail');
    const r = await policyc(['notify', '1.0.0', '2.0.0', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('✔ Changes to our Privacy & Cookies Policy: version 2.0.0, effective 1 January 2027');
    expect(readFileSync(path.join(out, 'subject.txt'), 'utf8')).toBe(
      'Changes to our Privacy & Cookies Policy: version 2.0.0, effective 1 January 2027\n',
    );
    expect(readFileSync(path.join(out, 'email.eml'), 'utf8')).toContain('Content-Type: multipart/alternative;');
    expect(readFileSync(path.join(out, 'email.html'), 'utf8')).toContain(
      'https://smartfocus.com/policies/privacy/compare/1.0.0...2.0.0/index.html',
    );
  });

  it('sends it over a real SMTP exchange on 127.0.0.1', async () => {
    await withSmtpServer(async ({ port, received }) => {
      const r = await policyc(['notify', '--send', `smtp://127.0.0.1:${port}`, '--to', 'legal@example.com']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('sent <');
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toEqual(['legal@example.com']);
      const mail = await simpleParser(received[0]!.raw);
      expect(mail.subject).toBe('Changes to our Privacy & Cookies Policy: version 2.0.0, effective 1 January 2027');
      // The material changes in the readers' words (the cookie by its name), the others counted, never listed.
      expect(mail.text).toContain('Adds the cookie “_fbp”, set by a third party.');
      expect(mail.html).not.toContain('<code');
      expect(mail.text).toContain('44 other changes');
      expect(mail.text).not.toContain('Rewords the introduction');
    });
  });

  it('writes it in a language the newest version is translated into with --locale', async () => {
    const out = path.join(tempDir(), 'mail');
    const r = await policyc(['notify', '--locale', 'fr', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const subject =
      'Modifications de notre Politique de confidentialité et de cookies\u00a0: version 2.0.0, en vigueur le 1er janvier 2027';
    expect(r.stdout.split('\n')[0]).toBe(`✔ ${subject}`);
    expect(readFileSync(path.join(out, 'subject.txt'), 'utf8')).toBe(`${subject}\n`);
    const html = readFileSync(path.join(out, 'email.html'), 'utf8');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Ajoute le cookie «\u00a0_fbp\u00a0», déposé par un tiers.');
    expect(html).toContain('https://smartfocus.com/policies/privacy/fr/v/2.0.0/index.html');
    expect(html).toContain('https://smartfocus.com/policies/privacy/fr/changelog/index.html');
  });

  it('refuses a language the announced version is not translated into, naming those it is', async () => {
    const out = path.join(tempDir(), 'mail');
    const r = await policyc(['notify', '--locale', 'de', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('notify-unknown-locale');
    expect(r.stderr).toContain('Version 2.0.0 has no translation into `de`');
    expect(r.stderr).toContain('Locales of 2.0.0: `en-GB` (the document’s own), `fr`.');
  });

  it('refuses a --locale that is not a language tag', async () => {
    const r = await policyc(['notify', '--locale', 'fr_FR', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`--locale` must be a language tag such as fr or en-GB, not `fr_FR`');
  });

  it('needs somewhere to put the e-mail', async () => {
    const r = await policyc(['notify']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs `--out DIR`, `--send smtp://HOST:PORT`, or both');
  });
});
