import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, fileStart, type Diagnostic } from './diagnostic.js';

/** The project's settings, from `policyc.config.json` beside the policy folder. */
export interface Config {
  /** Absolute URL where `dist/` is published, for links in the feed and e-mails. */
  baseUrl?: string;
  /** Headers of notification e-mails. */
  mail?: { from?: string; to?: string };
  /** Per change rule: `material` or `editorial`, overriding policyc's verdict (see the README's materiality rules). */
  materiality?: Record<string, 'material' | 'editorial'>;
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
    diagnostics: [diagnostic(configFileName, fileStart, 'config-invalid', 'config', message, { hint: 'Allowed keys: `baseUrl` (an https URL), `mail` (`from`, `to`) and `materiality` (rule id: `material` or `editorial`).' })],
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
    if (!['$schema', 'baseUrl', 'mail', 'materiality'].includes(key)) return problem(`Unknown key \`${key}\` in \`${configFileName}\``);
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
  return { config: config as Config, diagnostics: [] };
}
