import { commands, globalFlags, type Command, type Flag } from './flags.js';

/** The help text: every command, or one command in detail. Generated from the flag table. */
export function helpText(command?: Command): string {
  if (command) {
    const lines = [`Usage: ${command.usage}`, '', `${capitalise(command.summary)}.`, ''];
    if (command.positionals) lines.push('Arguments:', `  ${command.positionals}`, '');
    lines.push('Options:', ...flagLines([...command.flags, ...globalFlags]), '', 'Example:', `  ${command.example}`, '');
    return lines.join('\n');
  }
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'policyc: compile privacy policies written as YAML into validated HTML and Markdown pages',
    '',
    'Usage: policyc COMMAND [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    ...flagLines(globalFlags),
    '',
    'Examples:',
    ...commands.map((c) => `  ${c.example}`),
    '',
    'Exit codes: 0 success, 1 problems found in the input, 2 usage error.',
    '',
  ].join('\n');
}

function flagLines(flags: readonly Flag[]): string[] {
  const left = flags.map((f) => `${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.value ? ` ${f.value}` : ''}`);
  const width = Math.max(...left.map((l) => l.length));
  return flags.map((f, i) => `  ${left[i]!.padEnd(width)}  ${f.description}${f.default ? ` (default: ${f.default})` : ''}`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
