import { documentationPath } from '../diagnostics/catalog.js';
import { allRules } from '../rules/registry.js';
import type { Rule } from '../rules/types.js';
import { forTerminal } from '../text/control.js';
import { closest } from '../validate/suggest.js';
import type { CommandContext } from './context.js';

export { definition } from './definitions/rules.js';

/** `policyc rules`: every rule as a table, or one in full; as text or JSON. */
export async function run({ io, options, positionals }: CommandContext): Promise<number> {
  const asJson = options.format === 'json';
  if (positionals[0]) {
    const rule = allRules.find((r) => r.id === positionals[0]);
    if (!rule) {
      const guess = closest(
        positionals[0],
        allRules.map((r) => r.id),
      );
      io.stderr.write(
        `policyc: no rule \`${forTerminal(positionals[0])}\`${guess ? `; did you mean \`${guess}\`?` : ''}\nRun \`policyc rules\` to list them.\n`,
      );
      return 2;
    }
    io.stdout.write(asJson ? `${JSON.stringify(describeRule(rule), null, 2)}\n` : ruleText(rule));
    return 0;
  }
  io.stdout.write(asJson ? `${JSON.stringify(allRules.map(describeRule), null, 2)}\n` : rulesTable(allRules));
  return 0;
}

function describeRule(rule: Rule) {
  const { check: _check, ...description } = rule;
  return { ...description, appliesFrom: rule.appliesFrom ?? null, documentation: documentationPath(rule.id) };
}

function rulesTable(rules: readonly Rule[]): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  const lines = rules.map(
    (r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${(r.appliesFrom ? `from ${r.appliesFrom}` : 'always').padEnd(15)}  ${r.title}`,
  );
  return `${['Rules by pack: gdpr (eu, uk), ccpa (us-ca), and transfers, cookies, hygiene for every document.', '', ...lines, '', 'Change a severity in policyc.config.json: { "rules": { "RULE": "error" | "warn" | "off" } }. Details: policyc rules RULE'].join('\n')}\n`;
}

function ruleText(rule: Rule): string {
  return `${[
    `${rule.id}  (${rule.pack}, ${rule.severity}${rule.appliesFrom ? `, from ${rule.appliesFrom}` : ''})`,
    '',
    rule.title,
    '',
    rule.explanation,
    '',
    `Reference: ${rule.reference}`,
    `Fix: ${rule.fix}`,
  ].join('\n')}\n`;
}
