/** One option of a command, as the help text and the argument parser both read it. */
export interface Flag {
  name: string;
  short?: string;
  /** A flag with a value names it here (`DIR`); a boolean flag has none. */
  value?: string;
  /** Allowed values, when the value is one of a few words. */
  choices?: readonly string[];
  default?: string;
  description: string;
}

/** A command of the CLI. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  flags: readonly Flag[];
  /** What positional arguments mean, when there are any. */
  positionals?: string;
  example: string;
}

const policyFlag: Flag = { name: 'policy', value: 'DIR', default: 'policy', description: 'folder of policy documents' };
const formatFlag: Flag = {
  name: 'format',
  value: 'FORMAT',
  choices: ['pretty', 'json'],
  default: 'pretty',
  description: 'how diagnostics are printed: pretty or json',
};

/** Every command, in the order help lists them. */
export const commands: readonly Command[] = [
  {
    name: 'validate',
    summary: 'check policy documents and report every problem at file:line:column',
    usage: 'policyc validate [--policy DIR] [--format pretty|json] [FILE...]',
    flags: [policyFlag, formatFlag],
    positionals: 'FILE... check only these files (default: every .yaml document in the policy folder)',
    example: 'policyc validate --format json policy/privacy.yaml',
  },
  {
    name: 'build',
    summary: 'validate, then compile every document into HTML and Markdown pages',
    usage: 'policyc build [--policy DIR] [--out DIR] [--templates DIR] [--format pretty|json]',
    flags: [
      policyFlag,
      { name: 'out', value: 'DIR', default: 'dist', description: 'output folder, replaced atomically' },
      { name: 'templates', value: 'DIR', default: 'templates', description: 'folder whose files override the built-in templates by name' },
      formatFlag,
    ],
    example: 'policyc build --out public --templates my-templates',
  },
];

/** Options every command takes. */
export const globalFlags: readonly Flag[] = [
  { name: 'help', short: 'h', description: 'show help (for a command: policyc COMMAND --help)' },
  { name: 'version', short: 'v', description: 'print the version of policyc' },
];
