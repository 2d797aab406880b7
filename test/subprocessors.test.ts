// The subprocessor list (issue 18, part 2): the notice a new subprocessor needs (by the rule, at release and in
// validate), the list's changes, the pages, JSON, feed and e-mail of examples/eu-b2b (golden files: UPDATE=1
// rewrites them), and `policyc notify --subprocessors` through a real SMTP server on loopback.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, compileSite, release, validate } from '../src/index.js';
import { checkProject } from '../src/project/check.js';
import { openProject } from '../src/project/open.js';
import type { Policy } from '../src/model/policy.generated.js';
import { mechanismsOf, noticeEnds, subprocessorNoticeProblems } from '../src/diff/subprocessors.js';
import { subprocessorChanges, type Subprocessor } from '../src/publish/subprocessors.js';
import { root } from './support/fixtures.js';
import { runCli } from './support/cli.js';
import { copySample, editFile, tempDir } from './support/project.js';
import { withSmtpServer } from './support/smtp.js';

const example = path.join(root, 'examples/eu-b2b');
const golden = path.join(root, 'test/golden/subprocessors');

/** A document with the given processors (id, since, replaces) and a 30-day notice. */
function policy(version: string, processors: { id: string; since?: string; replaces?: string[] }[], notice = '30 days'): Policy {
  return {
    version,
    sharing: {
      subprocessors: { notice, objection: 'Write to us.' },
      recipients: [
        { id: 'group', name: 'Group', role: 'controller' },
        ...processors.map((p) => ({ ...p, name: p.id.toUpperCase(), role: 'processor' as const })),
      ],
    },
  } as Policy;
}

describe('the notice period of a new subprocessor', () => {
  it.each([
    ['2027-01-01', '30 days', '2027-01-31'],
    ['2027-01-01', '2 weeks', '2027-01-15'],
    ['2027-01-31', '1 month', '2027-02-28'],
    ['2028-01-31', '1 month', '2028-02-29'],
    ['2027-03-15', '1 year', '2028-03-15'],
    ['2027-01-01', '36 hours', '2027-01-03'],
    ['2027-01-01', '30 minutes', '2027-01-02'],
  ])('given on %s, %s of notice ends on %s', (date, duration, end) => {
    expect(noticeEnds(date, duration)).toBe(end);
  });

  const before = policy('1.0.0', [{ id: 'old', since: '2026-01-01' }]);
  const problems = (after: Policy, announced = '2027-01-01') =>
    subprocessorNoticeProblems(before, after, announced).map((p) => `${p.path.join('.')}: ${p.message}`);

  it('accepts a new subprocessor whose since is the notice after its announcement, and refuses one a day earlier', () => {
    expect(problems(policy('1.1.0', [{ id: 'old' }, { id: 'new', since: '2027-01-31' }]))).toEqual([]);
    expect(problems(policy('1.1.0', [{ id: 'old' }, { id: 'new', since: '2027-01-30' }]))).toEqual([
      'sharing.recipients.2.since: Subprocessor `new` starts on 2027-01-30, less than 30 days after its notice on 2027-01-01',
    ]);
  });

  it('refuses a new subprocessor without since, and says which date to add', () => {
    const [problem] = subprocessorNoticeProblems(before, policy('1.1.0', [{ id: 'old' }, { id: 'new' }]), '2027-01-01');
    expect(problem).toEqual({
      message: 'Subprocessor `new` is new since version `1.0.0` but has no `since`: customers cannot tell when it starts',
      path: ['sharing', 'recipients', 2],
      hint: 'Add `since: 2027-01-31` (or later) to it: the day it starts receiving data, at least 30 days after the notice on 2027-01-01.',
    });
  });

  it('does not count a renamed subprocessor (replaces), a kept one, the first list, or a document that promises no notice', () => {
    expect(problems(policy('1.1.0', [{ id: 'renamed', replaces: ['old'] }]))).toEqual([]);
    expect(problems(policy('1.1.0', [{ id: 'old', since: '2026-12-31' }]))).toEqual([]);
    expect(subprocessorNoticeProblems(undefined, policy('1.0.0', [{ id: 'new' }]), '2027-01-01')).toEqual([]);
    const silent = policy('1.1.0', [{ id: 'new' }]);
    delete silent.sharing!.subprocessors;
    expect(problems(silent)).toEqual([]);
  });
});

describe('the list and its changes', () => {
  it('finds the mechanisms of the transfers that name a recipient, alone or in a list', () => {
    const doc = {
      sharing: { recipients: [] },
      transfers: {
        items: [
          { id: 'a', destination: 'US', recipient: 'Acme Inc.', mechanisms: ['standard-contractual-clauses'] },
          { id: 'b', destination: 'UK', recipient: 'Group Ltd and Acme Inc.', mechanisms: ['adequacy'] },
          { id: 'c', destination: 'IN', recipient: 'Acme India', mechanisms: ['derogation'] },
        ],
      },
    } as unknown as Policy;
    expect(mechanismsOf(doc, { id: 'acme', name: 'Acme Inc.' })).toEqual(['standard-contractual-clauses', 'adequacy']);
    expect(mechanismsOf(doc, { id: 'x', name: 'Nobody' })).toEqual([]);
  });

  it('tells added, removed and changed subprocessors, a renamed one as kept', () => {
    const s = (id: string, more: Partial<Subprocessor> = {}): Subprocessor => ({
      id,
      replaces: [],
      name: id,
      purpose: 'hosting',
      countries: ['DE'],
      mechanisms: [],
      since: '2026-01-01',
      ...more,
    });
    const changes = subprocessorChanges(
      [s('a'), s('b'), s('c'), s('old')],
      [s('a'), s('b', { countries: ['US'], mechanisms: ['standard-contractual-clauses'] }), s('new'), s('renamed', { replaces: ['old'] })],
    );
    expect(changes.map((c) => `${c.type} ${c.subprocessor.id}${c.type === 'changed' ? ` ${c.fields.join(',')}` : ''}`)).toEqual([
      'changed b location,mechanisms',
      'added new',
      'removed c',
    ]);
  });
});

describe('a controller’s own policy', () => {
  it('publishes no subprocessor list, though it names processors: only `sharing.subprocessors` asks for one', async () => {
    const cwd = path.join(root, 'examples/us-saas');
    const working = readFileSync(path.join(cwd, 'policy/privacy.yaml'), 'utf8');
    expect(working).toMatch(/role: processor/);
    expect(working).not.toMatch(/subprocessors:/);
    const out = path.join(tempDir(), 'dist');
    const result = await build({ cwd, out, date: '2026-12-10' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(existsSync(path.join(out, 'privacy/index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'privacy/subprocessors'))).toBe(false);
  });
});

describe('examples/eu-b2b', () => {
  let out = '';
  const date = '2026-12-10';
  const files = () => {
    const dir = path.join(out, 'privacy/subprocessors');
    const walk = (sub: string): string[] =>
      readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(sub, e.name)) : [path.join(sub, e.name).split(path.sep).join('/')],
      );
    return walk('').sort();
  };

  beforeAll(async () => {
    out = path.join(tempDir(), 'dist');
    const result = await build({ cwd: example, out, date });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('writes the list as HTML, Markdown and JSON, its feed and the e-mail of the newest change', () => {
    expect(files()).toEqual([
      'feed.xml',
      'index.html',
      'index.json',
      'index.md',
      'notify/1.0.0...1.1.0/email.eml',
      'notify/1.0.0...1.1.0/email.html',
      'notify/1.0.0...1.1.0/email.txt',
      'notify/1.0.0...1.1.0/subject.txt',
    ]);
  });

  it('matches the golden files', () => {
    for (const file of files()) {
      const built = readFileSync(path.join(out, 'privacy/subprocessors', file), 'utf8');
      const kept = path.join(golden, 'eu-b2b', file);
      if (process.env.UPDATE || !existsSync(kept)) {
        mkdirSync(path.dirname(kept), { recursive: true });
        writeFileSync(kept, built);
      }
      expect(built, file).toBe(readFileSync(kept, 'utf8'));
    }
  });

  it('lists each processor with its location, safeguards and the day it was added, and marks the one still to come', () => {
    const list = JSON.parse(readFileSync(path.join(out, 'privacy/subprocessors/index.json'), 'utf8')) as {
      notice: string;
      subprocessors: { id: string; countries: { name: string }[]; mechanisms: { label: string }[]; since: string; upcoming: boolean }[];
    };
    expect(list.notice).toBe('30 days');
    const row = (id: string) => list.subprocessors.find((s) => s.id === id)!;
    expect(list.subprocessors.map((s) => s.id)).toEqual(['meldhaven-group', 'stratocloud', 'postwise', 'pipeward', 'ledgerline', 'kaveri']);
    expect(row('kaveri')).toMatchObject({
      countries: [{ name: 'India' }],
      mechanisms: [{ label: 'Standard contractual clauses' }],
      since: '2027-01-15',
      upcoming: true,
    });
    // No `since`: the effective date of the first release that lists it.
    expect(row('ledgerline')).toMatchObject({ since: '2026-03-01', upcoming: false });
  });

  it('writes valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const report = await validator.validateString(readFileSync(path.join(out, 'privacy/subprocessors/index.html'), 'utf8'));
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
  });
});

describe('in a translation', () => {
  it('writes the list, its feed and e-mail in each language, with the translated names and purposes', async () => {
    const project = await openProject({ cwd: example, cache: false });
    const { documents } = await checkProject(project, { cwd: example, cache: false, noRules: true });
    const doc = documents[0]!;
    // A French translation of both versions: only the texts the list shows differ from the original.
    const french = (i: number) => {
      const model = structuredClone(doc.releases[i]!.model);
      model.policy.locale = 'fr';
      for (const r of model.policy.sharing!.recipients!) if (r.purpose) r.purpose = `finalité de ${r.id}`;
      model.policy.sharing!.subprocessors!.objection = 'Pour vous opposer, écrivez-nous.';
      return { locale: 'fr', version: doc.releases[i]!.entry.version, model };
    };
    const { renderer } = await project.renderer(undefined);
    const { files } = compileSite([{ ...doc, translations: [french(0), french(1)] }], renderer, { date: '2026-12-10', drafts: false });
    const page = String(files.get('privacy/fr/subprocessors/index.html'));
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<th scope="col">Garanties de transfert</th>');
    expect(page).toContain('<td>finalité de kaveri</td>');
    expect(page).toContain('<td>Inde</td>');
    expect(page).toContain('<time datetime="2027-01-15">15 janvier 2027</time> <span class="badge">à venir</span>');
    expect(page).toContain('hreflang="en-GB"');
    const json = JSON.parse(String(files.get('privacy/fr/subprocessors/index.json'))) as { objection: string };
    expect(json.objection).toBe('Pour vous opposer, écrivez-nous.');
    expect(String(files.get('privacy/fr/subprocessors/feed.xml'))).toContain('xml:lang="fr"');
    const mail = String(files.get('privacy/fr/subprocessors/notify/1.0.0...1.1.0/email.txt')).replace(/[ \n]+/g, ' ');
    expect(mail).toContain('Ajoute Kaveri Support Services Private Limited (Inde), à partir du 15 janvier 2027\u00a0: finalité de kaveri.');
    expect(mail).toContain(
      'Voir la liste des sous-traitants ultérieurs\u00a0: https://meldhaven.example/privacy/fr/subprocessors/index.html',
    );
    expect(mail).toContain('Pour vous opposer, écrivez-nous.');
    expect(String(files.get('privacy/fr/subprocessors/notify/1.0.0...1.1.0/subject.txt'))).toBe(
      'Modification de nos sous-traitants ultérieurs\u00a0: Meldhaven Privacy Statement, en vigueur le 15 janvier 2027\n',
    );
  });
});

describe('through release, validate and notify', () => {
  /** A copy of examples/eu-b2b whose working document adds a processor starting on `since` (none: no `since`). */
  function withNewProcessor(since?: string): string {
    const dir = tempDir();
    cpSync(example, dir, { recursive: true });
    editFile(
      path.join(dir, 'policy/privacy.yaml'),
      '    - id: tollgate\n',
      `    - id: inkwell\n      name: Inkwell Translations SARL\n      role: processor\n      countries: [FR]\n${since ? `      since: ${since}\n` : ''}      purpose: translating our help centre\n    - id: tollgate\n`,
    );
    editFile(path.join(dir, 'policy/privacy.yaml'), 'effective: 2027-01-15', 'effective: 2027-03-01');
    return dir;
  }

  it('refuses a release whose new processor starts before the notice ends, at the processor’s since', async () => {
    const dir = withNewProcessor('2027-01-20');
    const released = await release({ cwd: dir, today: '2027-01-02' });
    expect(released.written).toEqual([]);
    expect(
      released.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`),
    ).toEqual([
      'policy/privacy.yaml:323:14 release-subprocessor-notice Subprocessor `inkwell` starts on 2027-01-20, less than 30 days after its notice on 2027-01-02',
    ]);
  });

  it('releases it when the notice is long enough', async () => {
    const released = await release({ cwd: withNewProcessor('2027-02-01'), today: '2027-01-02' });
    expect(released.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(released.plan?.version).toBe('1.2.0');
  });

  it('warns in validate of the working document, against --date', async () => {
    const dir = withNewProcessor();
    const checked = await validate({ cwd: dir, date: '2027-01-02' });
    expect(
      checked.diagnostics
        .filter((d) => d.ruleId === 'hygiene-subprocessor-notice')
        .map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`),
    ).toEqual([
      'policy/privacy.yaml:319:7 warning Subprocessor `inkwell` is new since version `1.1.0` but has no `since`: customers cannot tell when it starts',
    ]);
  });

  it('sends the subprocessor e-mail, with the objection instructions, to a real SMTP server', async () => {
    await withSmtpServer(async ({ port, received }) => {
      const result = await runCli(['notify', '--subprocessors', '--send', `smtp://127.0.0.1:${port}`, '--to', 'customer@example.com'], {
        cwd: example,
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('✔ Changes to our subprocessors: Meldhaven Privacy Statement, effective 15 January 2027');
      expect(received).toHaveLength(1);
      const parsed = await simpleParser(received[0]!.raw);
      expect(parsed.messageId).toBe('<privacy-1.1.0.subprocessors.en-gb@meldhaven.example>');
      const text = (parsed.text ?? '').replace(/\s+/g, ' ');
      expect(text).toContain('Adds Kaveri Support Services Private Limited (India), from 15 January 2027');
      expect(text).toContain('Removes Replaylane SAS.');
      expect(text).toContain('To object to a new subprocessor, the administrator');
      expect(String(parsed.html)).toContain('href="mailto:privacy@meldhaven.example"');
    });
  });

  it('refuses to announce a release that changes no subprocessor', async () => {
    const result = await runCli(['notify', '--subprocessors', '--out', path.join(tempDir(), 'mail')], { cwd: copySample() });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain(
      'policy:1:1  error  Version 2.0.0 makes no change to the subprocessors of 1.0.0, or the document does not publish them (`sharing.subprocessors`)  notify-no-subprocessor-changes',
    );
  });
});
