// The README and the reference pages of docs/ document what the code does: the
// README stays short and in the usual order, every CLI command is shown, and
// every rule id the code can produce (diagnostic, compliance or change rule)
// has its entry, found by scanning all of src/ rather than a hand-kept list.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/cli/flags.js';
import { catalogIds, diagnosticCatalog } from '../src/diagnostics/catalog.js';
import { changeRules } from '../src/diff/change-rules.js';
import { allRules } from '../src/rules/registry.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const readme = read('README.md');

// Families of diagnostic ids: a string literal anywhere in src/ that starts with
// one of these words and a hyphen is taken for a diagnostic id, whatever helper
// it is passed through (`fail(...)`, `refuse(...)`, a map of YAML error codes).
const families = [
  'build',
  'cache',
  'config',
  'contact',
  'diff',
  'document',
  'duplicate',
  'encoding',
  'file',
  'history',
  'init',
  'notify',
  'output',
  'parent',
  'policy',
  'prose',
  'release',
  'review',
  'schema',
  'section',
  'template',
  'templates',
  'text',
  'translation',
  'unresolved',
  'yaml',
];
// Literals of those families that are not rule ids.
const notRuleIds = new Set(['policy-page' /* a cache key's namespace */, 'policy-change' /* a practice (sections[].practices) */]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.generated.ts') && file !== 'src/diagnostics/catalog.ts' ? [file] : [];
  });
}

/** Every rule id src/ can emit, with a file that emits it. */
function emittedIds(): Map<string, string> {
  const ids = new Map<string, string>();
  const family = new RegExp(`^(?:${families.join('|')})-[a-z0-9]+(?:-[a-z0-9]+)*$`);
  const kebab = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
  for (const file of sourceFiles('src')) {
    const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
    // The strings an expression can evaluate to: a literal, either branch of `?:`, either side of `??` and `||`.
    const literalsIn = (node: ts.Node | undefined, add: (text: string) => void): void => {
      if (!node) return;
      if (ts.isStringLiteralLike(node)) add(node.text);
      else if (ts.isParenthesizedExpression(node)) literalsIn(node.expression, add);
      else if (ts.isConditionalExpression(node)) [node.whenTrue, node.whenFalse].forEach((branch) => literalsIn(branch, add));
      else if (
        ts.isBinaryExpression(node) &&
        [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)
      )
        [node.left, node.right].forEach((side) => literalsIn(side, add));
    };
    const add = (text: string) => {
      if (kebab.test(text) && !notRuleIds.has(text) && !ids.has(text)) ids.set(text, file);
    };
    const visit = (node: ts.Node): void => {
      // diagnostic(file, place, 'rule-id', ...), whatever the expression giving the id.
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'diagnostic')
        literalsIn(node.arguments[2], add);
      // { ruleId: 'rule-id' }, { rule: 'change-rule' }, ruleId === 'rule-id'
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && ['ruleId', 'rule'].includes(node.name.text))
        literalsIn(node.initializer, add);
      if (
        ts.isBinaryExpression(node) &&
        [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(node.operatorToken.kind)
      ) {
        const side = [node.left, node.right].find((n) => /ruleId|\.rule$/.test(n.getText(source)));
        if (side) literalsIn(side === node.left ? node.right : node.left, add);
      }
      if (ts.isStringLiteralLike(node) && family.test(node.text)) add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return ids;
}

describe('README.md', () => {
  it('is short, in the order of unified’s readmes', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(20 * 1024);
    const sections = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    const order = [
      'Contents',
      'What is this?',
      'When should I use this?',
      'Install',
      'Use',
      'API',
      'Compatibility',
      'Security',
      'Contribute',
      'License',
    ];
    expect(sections.filter((s) => order.includes(s!))).toEqual(order);
  });

  it('keeps the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toMatch(/```sh\nnpm test\n```/);
  });

  it('and docs/cli.md show every CLI command', () => {
    const cli = read('docs/cli.md');
    for (const command of commands) {
      expect(cli, command.name).toContain(`## \`policyc ${command.name}\``);
      expect(readme, command.name).toContain(`[\`${command.name}\`](docs/cli.md#policyc-${command.name})`);
    }
  });
});

describe('rule ids', () => {
  const emitted = emittedIds();
  const compliance = new Set(allRules.map((rule) => rule.id));
  const catalogued = catalogIds();

  it('every diagnostic the code can produce is in the diagnostics catalog (docs/diagnostics.md)', () => {
    const missing = [...emitted]
      .filter(([id]) => !catalogued.includes(id) && !compliance.has(id) && !(id in changeRules))
      .map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });

  it('the catalog names no id twice and none the code no longer produces', () => {
    expect(catalogued.length).toBe(new Set(catalogued).size);
    expect(catalogued.filter((id) => !emitted.has(id))).toEqual([]);
    for (const group of diagnosticCatalog) expect(group.entries.length, group.title).toBeGreaterThan(0);
  });

  it('every compliance rule has its anchor in docs/rules.md, every diagnostic in docs/diagnostics.md', () => {
    const rules = read('docs/rules.md');
    const diagnostics = read('docs/diagnostics.md');
    expect(allRules.map((r) => r.id).filter((id) => !rules.includes(`<a id="rule-${id}"></a>`))).toEqual([]);
    expect(catalogued.filter((id) => !diagnostics.includes(`<a id="rule-${id}"></a>`))).toEqual([]);
    expect(allRules.map((r) => r.id).filter((id) => catalogued.includes(id))).toEqual([]);
  });

  it('every change rule has its anchor in docs/materiality.md', () => {
    const materiality = read('docs/materiality.md');
    expect(Object.keys(changeRules).filter((id) => !materiality.includes(`<a id="change-${id}"></a>`))).toEqual([]);
  });
});
