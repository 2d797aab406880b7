import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, fileStart, type Diagnostic } from './diagnostic.js';
import { allRules } from './rules/registry.js';
import { closest } from './validate/suggest.js';

/** The project's settings, from `policyc.config.json` beside the policy folder. */
export interface Config {
  /** Absolute URL where `dist/` is published, for links in the feed and e-mails. */
  baseUrl?: string;
  /** Headers of notification e-mails. */
  mail?: { from?: string; to?: string };
  /** Per change rule: `material` or `editorial`, overriding policyc's verdict (see the README's materiality rules). */
  materiality?: Record<string, 'material' | 'editorial'>;
  /** Per compliance rule: `error`, `warn` or `off`, overriding its default severity. */
  rules?: Record<string, 'error' | 'warn' | 'off'>;
  /** Days of notice a material change needs between release and effective date (default: 30). */
  noticeDays?: number;
}

/** The materiality overrides of a config, as the diff takes them. */
export function materialityOverrides(config: Config): Record<string, boolean> {
  return Object.fromEntries(Object.entries(config.materiality ?? {}).map(([rule, verdict]) => [rule, verdict === 'material']));
}

/** The config file's name, looked up in the working directory. */
export const configFileName = 'policyc.config.json';

/** Read `policyc.config.json` when there is one; a malformed file is a diagnostic, not a crash. */
export async function loadConfig(cwd: string): Promise<{ config: Config; diagnostics: Diagnostic[] }> {
  const file = path.join(cwd, configFileName);
  if (!existsSync(file)) return { config: {}, diagnostics: [] };
  const problem = (message: string) => ({
    config: {},
    diagnostics: [
      diagnostic(configFileName, fileStart, 'config-invalid', 'config', message, {
        hint: 'Allowed keys: `baseUrl` (an https URL), `mail` (`from`, `to`), `materiality` (change rule: `material` or `editorial`), `rules` (compliance rule: `error`, `warn` or `off`) and `noticeDays`.',
      }),
    ],
  });
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return problem(`\`${configFileName}\` is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return problem(`\`${configFileName}\` must hold a JSON object`);
  const config = value as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!['$schema', 'baseUrl', 'mail', 'materiality', 'rules', 'noticeDays'].includes(key)) {
      const guess = closest(key, ['baseUrl', 'mail', 'materiality', 'rules', 'noticeDays']);
      return problem(`Unknown key \`${key}\` in \`${configFileName}\`${guess ? `; did you mean \`${guess}\`?` : ''}`);
    }
  }
  if (config.baseUrl !== undefined && (typeof config.baseUrl !== 'string' || !/^https?:\/\/\S+$/.test(config.baseUrl))) {
    return problem('`baseUrl` must be an absolute http(s) URL');
  }
  const mail = config.mail as Record<string, unknown> | undefined;
  if (mail !== undefined && (typeof mail !== 'object' || Object.entries(mail).some(([k, v]) => !['from', 'to'].includes(k) || typeof v !== 'string'))) {
    return problem('`mail` may hold only `from` and `to`, as text');
  }
  const materiality = config.materiality as Record<string, unknown> | undefined;
  if (materiality !== undefined && (typeof materiality !== 'object' || Array.isArray(materiality) || Object.values(materiality).some((v) => v !== 'material' && v !== 'editorial'))) {
    return problem('`materiality` maps rule ids to `material` or `editorial`');
  }
  const rules = config.rules as Record<string, unknown> | undefined;
  if (rules !== undefined) {
    if (typeof rules !== 'object' || Array.isArray(rules)) return problem('`rules` maps rule ids to `error`, `warn` or `off`');
    const known = allRules.map((r) => r.id);
    for (const [id, level] of Object.entries(rules)) {
      if (!known.includes(id)) {
        const guess = closest(id, known);
        return problem(`\`rules\` names an unknown rule \`${id}\`${guess ? `; did you mean \`${guess}\`?` : ''} (\`policyc rules\` lists them)`);
      }
      if (level !== 'error' && level !== 'warn' && level !== 'off') return problem(`\`rules.${id}\` must be \`error\`, \`warn\` or \`off\`, not \`${String(level)}\``);
    }
  }
  if (config.noticeDays !== undefined && (!Number.isInteger(config.noticeDays) || (config.noticeDays as number) < 0)) return problem('`noticeDays` must be a whole number of days');
  return { config: config as Config, diagnostics: [] };
}
