import { commandTable } from '../commands/index.js';
import { commandContext, packageVersion, type CliIo } from '../commands/context.js';
import { forTerminal } from '../text/control.js';
import { helpText } from './help.js';
import { parseArgv } from './parse-argv.js';

export { packageVersion };
export type { CliIo };

/** Run the CLI and return its exit code: 0 success, 1 problems in the input, 2 usage error. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const invocation = parseArgv(argv);
  switch (invocation.kind) {
    case 'help':
      io.stdout.write(helpText(invocation.command));
      return 0;
    case 'version':
      io.stdout.write(`${packageVersion()}\n`);
      return 0;
    case 'usage-error':
      io.stderr.write(
        `policyc: ${forTerminal(invocation.message)}\nRun \`policyc ${invocation.command ? `${invocation.command.name} ` : ''}--help\` for usage.\n`,
      );
      return 2;
    case 'run':
      break;
  }
  const { command, options, positionals } = invocation;
  const entry = commandTable.find((e) => e.definition.name === command.name);
  if (!entry) return 2;
  const module = await entry.load();
  return module.run(commandContext(io, options, positionals));
}
