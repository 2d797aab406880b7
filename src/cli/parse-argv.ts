import { parseArgs } from 'node:util';
import { redactUrl } from '../notify/smtp-url.js';
import { closest } from '../validate/suggest.js';
import { commands, globalFlags, type Command } from './flags.js';

/** What the command line asks for. */
export type Invocation =
  | { kind: 'help'; command?: Command }
  | { kind: 'version' }
  | { kind: 'run'; command: Command; options: Record<string, string>; positionals: string[] }
  | { kind: 'usage-error'; message: string; command?: Command };

/** Parse command-line arguments (without `node` and the script) into an invocation. Pure: no I/O. */
export function parseArgv(argv: readonly string[]): Invocation {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' && rest[0] ? commands.find((c) => c.name === rest[0]) : undefined;
    return topic ? { kind: 'help', command: topic } : { kind: 'help' };
  }
  if (first === '--version' || first === '-v') return { kind: 'version' };
  const command = commands.find((c) => c.name === first);
  if (!command) {
    const guess = closest(
      first,
      commands.map((c) => c.name),
    );
    const what = first.startsWith('-') ? `Unknown option \`${first}\`` : `Unknown command \`${first}\``;
    return { kind: 'usage-error', message: `${what}${guess ? `; did you mean \`${guess}\`?` : ''}` };
  }
  const flags = [...command.flags, ...globalFlags];
  const config = Object.fromEntries(
    flags.map((f) => [f.name, { type: f.value ? ('string' as const) : ('boolean' as const), ...(f.short ? { short: f.short } : {}) }]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: config, allowPositionals: true, strict: true });
  } catch (error) {
    return {
      kind: 'usage-error',
      message: explainParseError(
        error,
        flags.map((f) => f.name),
      ),
      command,
    };
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return { kind: 'help', command };
  if (values.version) return { kind: 'version' };
  if (!command.positionals && parsed.positionals.length) {
    return {
      kind: 'usage-error',
      message: `\`policyc ${command.name}\` takes no arguments, but was given \`${parsed.positionals.join(' ')}\``,
      command,
    };
  }
  if (command.maxPositionals !== undefined && parsed.positionals.length > command.maxPositionals) {
    return {
      kind: 'usage-error',
      message: `\`policyc ${command.name}\` takes at most ${command.maxPositionals} ${command.maxPositionals === 1 ? 'argument' : 'arguments'}, but was given ${parsed.positionals.length}`,
      command,
    };
  }
  const options: Record<string, string> = {};
  for (const flag of command.flags) {
    const value = values[flag.name];
    if (value === true) options[flag.name] = 'true';
    if (typeof value !== 'string') continue;
    if (flag.pattern && !flag.pattern.test.test(value)) {
      // A URL may carry a password: it is not echoed.
      return { kind: 'usage-error', message: `\`--${flag.name}\` must be ${flag.pattern.form}, not \`${redactUrl(value)}\``, command };
    }
    if (flag.choices && !flag.choices.includes(value)) {
      return {
        kind: 'usage-error',
        message: `\`--${flag.name}\` must be one of ${flag.choices.map((c) => `\`${c}\``).join(', ')}, not \`${value}\``,
        command,
      };
    }
    options[flag.name] = value;
  }
  return { kind: 'run', command, options, positionals: parsed.positionals };
}

function explainParseError(error: unknown, names: string[]): string {
  const text = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '(-{1,2})([^']+)'/.exec(text);
  if (unknown) {
    const guess = closest(unknown[2]!, names);
    return `Unknown option \`${unknown[1]}${unknown[2]}\`${guess ? `; did you mean \`--${guess}\`?` : ''}`;
  }
  const missing = /Option '(?:-\w, )?(--[^ ]+) <value>' argument missing/.exec(text);
  if (missing) return `Option \`${missing[1]}\` needs a value`;
  return text.split('\n')[0] ?? text;
}
