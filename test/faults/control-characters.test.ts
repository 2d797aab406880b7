// Text that cannot talk to terminals, CI logs or XML: control characters in a document are refused where they are
// (validate, so build, release and notify refuse too), and every output made for people escapes them anyway, for input
// that reaches it unvalidated (files given to diff, file names, messages quoting values, snapshots released before).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { main } from '../../src/cli/main.js';
import { build, diffPolicies, formatChanges, formatDiagnostics, sha256, validate, type Diagnostic } from '../../src/index.js';
import type { Policy } from '../../src/model/policy.generated.js';
import { resolve } from '../../src/resolve/resolve.js';
import { forTerminal, jsonWithoutControls, visibleControls, xmlWithoutForbidden } from '../../src/text/control.js';
import { root } from '../support/fixtures.js';
import { copySample, editFile, tempDir } from '../support/project.js';

const ESC = '\u001b';
const BEL = '\u0007';
const CR = '\r';
const CSI = '\u009b';
const NEL = '\u0085';
const DEL = '\u007f';
const RLO = '\u202e';

/** Any byte a terminal or CI runner could act on: C0 except tab and LF, DEL, C1, bidirectional controls, line separators. */
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
/** A line GitHub's runner would take as a workflow command (it trims leading white space first). */
const commandLine = /^\s*::/;

/** The sample, with a control character in each of the fields that reach the feed, the diff and the notification subject. */
const hostileEdits: [from: string, to: string][] = [
  // The title reaches the feed, the pages and the e-mail subject.
  ['title: Privacy & Cookies Policy', `title: Privacy & Cookies${ESC}[31m Policy`],
  // A section body (a `|` block) reaches the pages and, changed, the feed and the diff.
  ['    body: |\n      The Website may contain links', `    body: |\n      The Website may contain${BEL} links`],
  // A context's description is compared by diff; a lone CR then `::error` would be a workflow command in a CI log.
  ['visit the Website, and other sites', `visit the Website${CR}::error file=x::pwned, and other sites`],
  ['name: SmartFocus UK Limited', `name: SmartFocus UK${CR}::add-mask::x Limited`],
  // C1: CSI starts an escape sequence in some terminals; NEL is a line break to others.
  ['    title: Terms of Use', `    title: Terms${CSI}2J of${NEL} Use`],
  ['brand: SmartFocus', `brand: Smart${DEL}Focus`],
  // An escape written as `\e` in a double-quoted scalar: the character is not in the file, so the place is the scalar.
  ['contextsIntro: "We collect information about you when you:"', 'contextsIntro: "We collect\\e[2J information about you when you:"'],
];

function hostileSample(): string {
  const dir = copySample();
  for (const [from, to] of hostileEdits) editFile(path.join(dir, 'policy/privacy.yaml'), from, to);
  return dir;
}

/** 1-based line and column of the only occurrence of `text` in `source`. */
function placeOf(source: string, text: string): string {
  const offset = source.indexOf(text);
  expect(offset, text).toBeGreaterThanOrEqual(0);
  expect(source.indexOf(text, offset + 1), `${JSON.stringify(text)} occurs once`).toBe(-1);
  const line = source.slice(0, offset).split('\n').length;
  return `${line}:${offset - source.lastIndexOf('\n', offset - 1)}`;
}

const where = (d: Diagnostic) => `${d.line}:${d.column} ${d.ruleId}`;

/** Every problem of an output for people: unsafe characters, and lines a CI runner would obey (except those allowed). */
function outputProblems(output: string, ownCommands = /^$/): string[] {
  const problems: string[] = [];
  const bad = unsafe.exec(output);
  if (bad) problems.push(`U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${bad.index}`);
  for (const line of output.split('\n')) if (commandLine.test(line) && !ownCommands.test(line)) problems.push(`command line: ${line}`);
  return problems;
}

describe('validation refuses control characters, at the character', () => {
  it('each field with a control is refused at its line and column with text-control-character', async () => {
    const dir = hostileSample();
    const source = readFileSync(path.join(dir, 'policy/privacy.yaml'), 'utf8');
    const result = await validate({ cwd: dir, noRules: true });
    const found = result.diagnostics.filter((d) => d.ruleId === 'text-control-character').map(where);
    expect(found.sort()).toEqual(
      [
        `${placeOf(source, ESC)} text-control-character`,
        `${placeOf(source, BEL)} text-control-character`,
        `${placeOf(source, `${CR}::error`)} text-control-character`,
        `${placeOf(source, `${CR}::add-mask`)} text-control-character`,
        `${placeOf(source, CSI)} text-control-character`,
        `${placeOf(source, DEL)} text-control-character`,
        `${placeOf(source, '"We collect\\e')} text-control-character`,
      ].sort(),
    );
    // The title is on line 3: `title: Privacy & Cookies` is 24 characters, so ESC is column 25.
    expect(found).toContain('3:25 text-control-character');
    const messages = result.diagnostics.filter((d) => d.ruleId === 'text-control-character').map((d) => d.message);
    expect(messages).toContain('`title` contains the control character U+001B (escape)');
    expect(messages).toContain('`controller.name` contains the control character U+000D (carriage return)');
    expect(messages).toContain('`related[0].title` contains the control character U+009B (control sequence introducer) (and 1 more)');
    expect(messages).toContain('`controller.brand` contains the control character U+007F (delete)');
    for (const d of result.diagnostics.filter((x) => x.ruleId === 'text-control-character')) {
      expect(d.severity).toBe('error');
      expect(d.source).toBe('schema');
      expect(d.hint).toMatch(/^(Delete it|A carriage return on its own)/);
      // Named by code point, never printed raw.
      expect(unsafe.test(`${d.message} ${d.hint}`)).toBe(false);
    }
  });

  it('CRLF line endings are not control characters, in plain scalars or blocks', async () => {
    const dir = copySample();
    const file = path.join(dir, 'policy/privacy.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    const result = await validate({ cwd: dir, noRules: true });
    expect(result.diagnostics.filter((d) => d.ruleId.startsWith('text-'))).toEqual([]);
  });

  it('a control in a key is refused at the key', async () => {
    const dir = copySample();
    editFile(path.join(dir, 'policy/privacy.yaml'), 'copyright: ©', `copy${ESC}right: ©`);
    const source = readFileSync(path.join(dir, 'policy/privacy.yaml'), 'utf8');
    const result = await validate({ cwd: dir, noRules: true });
    const found = result.diagnostics.filter((d) => d.ruleId === 'text-control-character');
    // The key is quoted with its control escaped: a message never prints one.
    expect(found.map((d) => `${where(d)} ${d.message}`)).toEqual([
      `${placeOf(source, ESC)} text-control-character \`copy\\u001bright\` (its key) contains the control character U+001B (escape)`,
    ]);
  });

  it('bidirectional controls: an error in an id or URL, a warning in free text', async () => {
    const dir = copySample();
    const file = path.join(dir, 'policy/privacy.yaml');
    editFile(file, 'url: https://smartfocus.com/en/terms-of-use', `url: https://smartfocus.com/en/${RLO}terms-of-use`);
    editFile(file, 'title: Other Websites', `title: Other ${RLO}Websites`);
    const source = readFileSync(file, 'utf8');
    const result = await validate({ cwd: dir, noRules: true });
    const bidi = result.diagnostics.filter((d) => d.ruleId === 'text-bidi-control').map((d) => `${where(d)} ${d.severity}`);
    expect(bidi.sort()).toEqual(
      [
        `${placeOf(source, `${RLO}terms`)} text-bidi-control error`,
        `${placeOf(source, `${RLO}Websites`)} text-bidi-control warning`,
      ].sort(),
    );
  });

  it('a translation file is refused the same way', async () => {
    const dir = copySample();
    const file = path.join(dir, 'policy/privacy.fr.yaml');
    const text = readFileSync(file, 'utf8');
    const title = /^title: .*$/m.exec(text)![0];
    writeFileSync(file, text.replace(title, `${title}${BEL}`));
    const source = readFileSync(file, 'utf8');
    const result = await validate({ cwd: dir, noRules: true });
    expect(
      result.diagnostics.filter((d) => d.file.endsWith('privacy.fr.yaml') && d.ruleId === 'text-control-character').map(where),
    ).toEqual([`${placeOf(source, BEL)} text-control-character`]);
  });

  it.each([
    ['title (feed, pages, e-mail subject)', 'title: Privacy & Cookies Policy', `title: Privacy & Cookies ${ESC}[2J Policy`],
    ['a section body (feed, diff)', 'outside our control', `outside our${BEL} control`],
    ['a change-relevant field (diff)', 'visit the Website, and other sites', `visit the Website${CR}::error::pwned, and other sites`],
  ])('build refuses a control in %s and writes nothing', async (_name, from, to) => {
    const dir = copySample();
    editFile(path.join(dir, 'policy/privacy.yaml'), from, to);
    const out = path.join(dir, 'dist');
    const result = await build({ cwd: dir, out, noRules: true });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['text-control-character']);
    expect(existsSync(out)).toBe(false);
  });

  it('a released snapshot with a control is reported, and nothing crashes', async () => {
    const dir = copySample();
    const history = path.join(dir, 'policy/history/privacy');
    editFile(path.join(history, '2.0.0.yaml'), 'title: Privacy & Cookies Policy', `title: Privacy & Cookies${ESC}]0;pwned${BEL} Policy`);
    // The manifest is brought in line, as a hand-made history or one released by an older policyc would be.
    const manifestFile = path.join(history, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { releases: { version: string; sha256: string }[] };
    manifest.releases.find((r) => r.version === '2.0.0')!.sha256 = sha256(readFileSync(path.join(history, '2.0.0.yaml')));
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    const result = await validate({ cwd: dir, noRules: true });
    const invalid = result.diagnostics.filter((d) => d.ruleId === 'history-snapshot-invalid');
    expect(invalid.map((d) => d.message)).toEqual([
      'The snapshot of 2.0.0 cannot be read as a policy: `title` contains the control character U+001B (escape) (and 1 more)',
    ]);
    const pretty = formatDiagnostics(result.diagnostics, 'pretty', { sources: result.sources });
    expect(outputProblems(pretty)).toEqual([]);
  });
});

describe('outputs for people escape controls from input', () => {
  const hostileDiagnostics: Diagnostic[] = [
    {
      file: 'policy/::add-mask::secret.yaml',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      ruleId: 'schema-pattern',
      severity: 'error',
      message: `\`a${ESC}[31mred${BEL}${CR}::error file=x::pwned\` is not in the expected form`,
      hint: `Fix ${CSI}2J it${CR}\n::add-mask::x\n  ::stop-commands::y`,
      source: 'schema',
    },
    {
      file: `::add-mask::x${CR}${ESC}[2J`,
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 4,
      ruleId: 'text-control-character',
      severity: 'warning',
      message: `tab\there ${DEL}${NEL}${RLO}`,
      source: 'schema',
    },
  ];

  it('pretty: no control reaches the terminal and no line is a workflow command', () => {
    const source = `title: a${ESC}[31mb${CR}::error file=x::pwned\n  \tsecond${BEL} line\n`;
    const output = formatDiagnostics(hostileDiagnostics, 'pretty', { sources: new Map([['policy/::add-mask::secret.yaml', source]]) });
    expect(outputProblems(output)).toEqual([]);
    expect(output).toContain('`a\\u001b[31mred\\u0007\\u000d::error file=x::pwned` is not in the expected form');
    // The code frame shows the line with its controls escaped.
    expect(output).toContain('> 1 | title: a\\u001b[31mb\\u000d::error file=x::pwned');
    expect(output).toContain('\\u003a:add-mask::x');
    expect(output).toContain('tab\there \\u007f\\u0085\\u202e');
  });

  it('pretty with colours: only policyc’s own colour sequences', () => {
    const output = formatDiagnostics(hostileDiagnostics, 'pretty', { color: true });
    expect(outputProblems(output.replace(/\u001b\[\d+m/g, ''))).toEqual([]);
  });

  it('github: workflow-command escaping, and every line is one of policyc’s own commands', () => {
    const output = formatDiagnostics(hostileDiagnostics, 'github');
    expect(outputProblems(output, /^::(error|warning|notice) file=[^\n]*::/)).toEqual([]);
    expect(output.split('\n').filter(Boolean)).toHaveLength(2);
    const [first, second] = output.split('\n');
    // `:` and `,` are escaped in properties; `%`, CR and LF in data (a CR from input is shown as an escape before that).
    expect(first).toMatch(
      /^::error file=policy\/%3A%3Aadd-mask%3A%3Asecret\.yaml,line=1,col=1,endLine=1,endColumn=2,title=schema-pattern::/,
    );
    expect(first).toContain('\\u000d::error file=x::pwned');
    expect(first).toContain('%0A::add-mask::x%0A');
    expect(second).toMatch(/^::warning file=%3A%3Aadd-mask%3A%3Ax\\u000d\\u001b\[2J,line=2/);
  });

  it('json and sarif: controls are JSON escapes, C1 and DEL included, and parse back to the same text', () => {
    for (const format of ['json', 'sarif'] as const) {
      const output = formatDiagnostics(hostileDiagnostics, format, { version: '1.0.0' });
      expect(outputProblems(output), format).toEqual([]);
      expect(output).toContain('\\u009b');
    }
    expect(JSON.parse(formatDiagnostics(hostileDiagnostics, 'json'))).toEqual(hostileDiagnostics);
    expect(jsonWithoutControls(JSON.stringify({ a: `x${DEL}${CSI}${RLO}\u2028` }))).toBe('{"a":"x\\u007f\\u009b\\u202e\\u2028"}');
  });

  it('the escaping functions: visible escapes, tab and newline kept where allowed', () => {
    expect(visibleControls(`a${ESC}b\tc\nd${CR}\n`)).toBe('a\\u001bb\tc\nd\\u000d\n');
    expect(visibleControls('a\tb\nc', 'tab')).toBe('a\tb\\u000ac');
    expect(visibleControls('a\tb', 'none')).toBe('a\\u0009b');
    expect(forTerminal('ok\n::error::x\n \t::add-mask::y\nnot::this')).toBe('ok\n\\u003a:error::x\n \t\\u003a:add-mask::y\nnot::this');
    // Text without controls is returned as it is (outputs without them do not change).
    const plain = 'Privacy & Cookies Policy: 3 changes, 1 material — « déjà »';
    expect(forTerminal(plain)).toBe(plain);
  });
});

describe('diff of documents with controls', () => {
  const sample = readFileSync(path.join(root, 'policy/privacy.yaml'), 'utf8');

  it('diff of two files: refused with diagnostics that print no control (text and md)', async () => {
    const dir = tempDir();
    const before = path.join(dir, 'before.yaml');
    const after = path.join(dir, 'after.yaml');
    writeFileSync(before, sample.replace('title: Privacy & Cookies Policy', `title: Privacy${ESC}[2J & Cookies Policy`));
    writeFileSync(
      after,
      sample.replace('visit the Website, and other sites', `visit the Website${CR}::error file=x::pwned, and${NEL} other sites`),
    );
    for (const format of ['text', 'md']) {
      let stdout = '';
      let stderr = '';
      const code = await main(['diff', before, after, '--format', format, '--no-cache'], {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        env: {},
        cwd: root,
      });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain('text-control-character');
      expect(outputProblems(stderr)).toEqual([]);
    }
  });

  it('a change set made from unvalidated documents prints no control in any format', () => {
    const data = parseYaml(sample) as Policy;
    const hostile = parseYaml(
      sample
        .replace('title: Other Websites', `title: Other ${ESC}[31mWebsites${BEL}`)
        .replace('visit the Website, and other sites', `visit the Website${CR}::error file=x::pwned, and${CSI} other sites`)
        .replace('label: Email address', 'label: "Email\\n::add-mask::x address"'),
    ) as Policy;
    const set = diffPolicies(resolve(data, 'a.yaml').policy, resolve(hostile, 'b.yaml').policy, { from: '1.0.0', to: `2${ESC}[0m` });
    expect(set.changes.length).toBeGreaterThan(0);
    for (const format of ['text', 'md', 'html'] as const) {
      const output = formatChanges(set, format);
      expect(outputProblems(output), format).toEqual([]);
      expect(output, format).toContain('\\u001b');
    }
    const json = formatChanges(set, 'json');
    expect(outputProblems(json)).toEqual([]);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(set)));
  });
});

describe('the feed stays well-formed XML', () => {
  it('characters XML 1.0 forbids become U+FFFD; allowed text is unchanged', () => {
    const xml = `<feed><title>a${ESC}[31mb${BEL}c${CSI}d${DEL}\ufffe\ud800 ok\t\n\r</title></feed>`;
    const fixed = xmlWithoutForbidden(xml);
    expect(XMLValidator.validate(fixed)).toBe(true);
    expect(fixed).toBe('<feed><title>a\ufffd[31mb\ufffdc\ufffdd\ufffd\ufffd\ufffd ok\t\n\r</title></feed>');
    const kept = '<feed><title>Politique « déjà » 😀 &amp; 𝄞</title></feed>';
    expect(xmlWithoutForbidden(kept)).toBe(kept);
  });

  it('the feed of a build is well-formed', async () => {
    const dir = copySample();
    const out = path.join(dir, 'dist');
    const result = await build({ cwd: dir, out, noRules: true });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const feed = readFileSync(path.join(out, 'privacy/feed.xml'), 'utf8');
    expect(XMLValidator.validate(feed)).toBe(true);
    expect(new XMLParser().parse(feed).feed).toBeDefined();
  });
});
