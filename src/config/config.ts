import path from 'node:path';
import { readRegularFile } from '../load/read-safely.js';
import { LineCounter, parseDocument } from 'yaml';
import { catalogIds, documentationPath } from '../diagnostics/catalog.js';
import { diagnostic, fileStart, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { changeRuleIds, changeRules } from '../diff/change-rules.js';
import { placeOfKey, placeOfOffset } from '../load/positions.js';
import { allRules } from '../rules/registry.js';
import type { NotifySettings } from '../notify/wording.js';
import { closest } from '../validate/suggest.js';

/** The project's settings, from `policyc.config.json` beside the policy folder. */
export interface Config {
  /** Absolute URL where `dist/` is published, for links in the feed and e-mails. */
  baseUrl?: string;
  /** Headers of notification e-mails. */
  mail?: { from?: string; to?: string };
  /** Per change rule: `material` or `editorial`, overriding policyc's verdict (see docs/materiality.md). */
  materiality?: Record<string, 'material' | 'editorial'>;
  /** Per compliance rule: `error`, `warn` or `off`, overriding its default severity. */
  rules?: Record<string, 'error' | 'warn' | 'off'>;
  /** Days of notice a material change needs between release and effective date (default: 30). */
  noticeDays?: number;
  /** Images in prose: `allowHosts`, the host names besides the site's own that images may be loaded from (others are dropped: they can track readers). */
  images?: { allowHosts?: string[] };
  /** The notification e-mail's own words, per locale (`en`, `fr`, `en-GB`...), and where readers unsubscribe. */
  notify?: NotifySettings;
  /** How `release` is gated: `requireApproval` refuses a release without `--approved-by` (default: false). */
  release?: { requireApproval?: boolean };
  /** `policyc scan`'s defaults: the pages to scan, the consent button's CSS selector, how deep and how many pages to crawl. */
  scan?: ScanSettings;
}

/** The `scan` setting: defaults of `policyc scan` that its options override. */
export interface ScanSettings {
  urls?: string[];
  accept?: string;
  depth?: number;
  maxPages?: number;
}

/** The materiality overrides of a config, as the diff takes them. */
export function materialityOverrides(config: Config): Record<string, boolean> {
  return Object.fromEntries(Object.entries(config.materiality ?? {}).map(([rule, verdict]) => [rule, verdict === 'material']));
}

/** The largest configuration file read: a real one is a few hundred bytes. */
const maxConfigBytes = 256 * 1024;

/** The config file's name, looked up in the working directory. */
export const configFileName = 'policyc.config.json';

/** Read `policyc.config.json` when there is one; a malformed file is a diagnostic, not a crash. `text` is the file as read. */
export async function loadConfig(cwd: string): Promise<{ config: Config; diagnostics: Diagnostic[]; text?: string }> {
  // Read as documents are: never through a link (a pull request could point it at /etc/passwd), never a special file, never huge.
  const read = readRegularFile(path.join(cwd, configFileName), maxConfigBytes);
  if (read.kind === 'missing') return { config: {}, diagnostics: [] };
  if (read.kind !== 'file') {
    const why =
      read.kind === 'too-large'
        ? `over the limit of ${maxConfigBytes / 1024} KiB`
        : `${read.what}: policyc reads only regular files, never through links`;
    return {
      config: {},
      diagnostics: [
        diagnostic(
          configFileName,
          fileStart,
          read.kind === 'too-large' ? 'file-too-large' : 'file-not-regular',
          'config',
          `\`${configFileName}\` is ${why}; it was not read`,
          {
            hint: 'Replace it with the configuration file itself.',
          },
        ),
      ],
    };
  }
  const text = read.bytes.toString('utf8');
  return { ...parseConfig(text, configFileName), text };
}

/**
 * Check the text of a config file: JSON, known keys only, and for
 * `materiality` and `rules` only rule ids policyc has (a misspelt id would
 * silently change nothing). A problem is reported at its key.
 */
export function parseConfig(text: string, file: string = configFileName): { config: Config; diagnostics: Diagnostic[] } {
  const read = readConfig(text);
  if ('config' in read) return { config: read.config, diagnostics: [] };
  return {
    config: {},
    diagnostics: [
      diagnostic(file, read.place, 'config-invalid', 'config', read.message, {
        hint: 'Allowed keys: `baseUrl` (an https URL), `mail` (`from`, `to`), `materiality` (change rule: `material` or `editorial`), `rules` (compliance rule: `error`, `warn` or `off`), `noticeDays`, `images` (`allowHosts`: host names), `notify` (`closing`, `legalNotice`: texts by language; `unsubscribe`: a mailto: or https URL), `release` (`requireApproval`: `true` or `false`) and `scan` (`urls`, `accept`, `depth`, `maxPages`).',
      }),
    ],
  };
}

/** The first problem of a config text, where it is. */
interface ConfigProblem {
  message: string;
  place: Place;
}

/** A problem of one setting, and the keys it is reported at. */
interface SettingProblem {
  message: string;
  at: readonly string[];
}

/** The config a text holds, or its first problem: not JSON, a key twice, not an object, then each setting in turn. */
function readConfig(text: string): { config: Config } | ConfigProblem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return jsonProblem(text, error);
  }
  const duplicate = duplicateKey(text);
  if (duplicate)
    return { message: `\`${configFileName}\` has the key \`${duplicate.key}\` twice: only the last would count`, place: duplicate.place };
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { message: `\`${configFileName}\` must hold a JSON object`, place: fileStart };
  const problem = settingsProblem(value as Record<string, unknown>);
  if (problem) return { message: problem.message, place: configPlace(text, problem.at) };
  return { config: value as Config };
}

/** JSON.parse's complaint, at the offset it names when it names one. */
function jsonProblem(text: string, error: unknown): ConfigProblem {
  const message = error instanceof Error ? error.message : String(error);
  const offset = /at position (\d+)/.exec(message)?.[1];
  return {
    message: `\`${configFileName}\` is not valid JSON: ${message}`,
    place: offset === undefined ? fileStart : placeOfOffset(text, Number(offset)),
  };
}

/** The check of each setting, run (in this order) when the setting is there. */
const settingChecks: Record<keyof Config, (value: unknown) => SettingProblem | undefined> = {
  baseUrl: (baseUrl) =>
    typeof baseUrl !== 'string' || !/^https?:\/\/\S+$/.test(baseUrl)
      ? { message: '`baseUrl` must be an absolute http(s) URL', at: ['baseUrl'] }
      : undefined,
  mail: (mail) =>
    typeof mail !== 'object' || mail === null || Object.entries(mail).some(([k, v]) => !['from', 'to'].includes(k) || typeof v !== 'string')
      ? { message: '`mail` may hold only `from` and `to`, as text', at: ['mail'] }
      : undefined,
  materiality: materialityProblem,
  rules: rulesProblem,
  noticeDays: (days) =>
    !Number.isInteger(days) || (days as number) < 0
      ? { message: '`noticeDays` must be a whole number of days', at: ['noticeDays'] }
      : undefined,
  images: (images) => {
    const message = imagesProblem(images);
    return message === undefined ? undefined : { message, at: ['images'] };
  },
  notify: notifyProblem,
  release: (release) =>
    !isMapping(release) || Object.entries(release).some(([k, v]) => k !== 'requireApproval' || typeof v !== 'boolean')
      ? { message: '`release` may hold only `requireApproval`, `true` or `false`', at: ['release'] }
      : undefined,
  scan: scanProblem,
};

/** The keys a config may have. */
const configKeys = Object.keys(settingChecks);

/** The first unknown key (`$schema` is allowed: editors use it), else the first setting with a problem. */
function settingsProblem(config: Record<string, unknown>): SettingProblem | undefined {
  const unknown = Object.keys(config).find((key) => key !== '$schema' && !configKeys.includes(key));
  if (unknown !== undefined)
    return { message: `Unknown key \`${unknown}\` in \`${configFileName}\`${didYouMean(unknown, configKeys)}`, at: [unknown] };
  for (const [key, check] of Object.entries(settingChecks)) {
    const problem = config[key] === undefined ? undefined : check(config[key]);
    if (problem) return problem;
  }
  return undefined;
}

/** `materiality`: change rule ids, each `material` or `editorial`. */
function materialityProblem(materiality: unknown): SettingProblem | undefined {
  if (!isMapping(materiality)) return { message: '`materiality` maps change rule ids to `material` or `editorial`', at: ['materiality'] };
  for (const [id, verdict] of Object.entries(materiality)) {
    const at = ['materiality', id];
    if (!Object.hasOwn(changeRules, id))
      return {
        message: `\`materiality\` names an unknown change rule \`${id}\`${didYouMean(id, changeRuleIds)} (docs/materiality.md lists them)`,
        at,
      };
    if (verdict !== 'material' && verdict !== 'editorial')
      return { message: `\`materiality.${id}\` must be \`material\` or \`editorial\`, not \`${String(verdict)}\``, at };
  }
  return undefined;
}

/** `rules`: compliance rule ids, each `error`, `warn` or `off`. */
function rulesProblem(rules: unknown): SettingProblem | undefined {
  if (!isMapping(rules)) return { message: '`rules` maps rule ids to `error`, `warn` or `off`', at: ['rules'] };
  const known = allRules.map((r) => r.id);
  for (const [id, level] of Object.entries(rules)) {
    const at = ['rules', id];
    // A check of policyc itself (`release-marked-for-review`) is no compliance rule: said so, not taken for a typo.
    if (!known.includes(id) && catalogIds().includes(id))
      return {
        message: `\`rules\` names \`${id}\`, a check policyc always makes, not a compliance rule: no setting turns it off (${documentationPath(id)} says what to do instead)`,
        at,
      };
    if (!known.includes(id))
      return { message: `\`rules\` names an unknown rule \`${id}\`${didYouMean(id, known)} (\`policyc rules\` lists them)`, at };
    if (level !== 'error' && level !== 'warn' && level !== 'off')
      return { message: `\`rules.${id}\` must be \`error\`, \`warn\` or \`off\`, not \`${String(level)}\``, at };
  }
  return undefined;
}

/** `notify`: `closing` and `legalNotice` map language tags to one-paragraph texts; `unsubscribe` is a `mailto:` address or an https URL. */
function notifyProblem(notify: unknown): SettingProblem | undefined {
  const shape =
    '`notify` may hold only `closing` and `legalNotice` (each mapping a language tag such as `en` or `fr` to a text) and `unsubscribe` (a `mailto:` address or an https URL)';
  if (!isMapping(notify)) return { message: shape, at: ['notify'] };
  for (const [key, value] of Object.entries(notify)) {
    if (key === 'unsubscribe') {
      if (typeof value !== 'string' || !/^(mailto:[^\s@<>]+@[^\s@<>]+|https:\/\/[^\s<>]+)$/.test(value) || value.length > 2000)
        return { message: '`notify.unsubscribe` must be a `mailto:` address or an https URL, without spaces', at: ['notify', key] };
    } else if (key === 'closing' || key === 'legalNotice') {
      if (!isMapping(value)) return { message: `\`notify.${key}\` maps language tags (\`en\`, \`fr\`) to texts`, at: ['notify', key] };
      for (const [locale, text] of Object.entries(value)) {
        if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale))
          return {
            message: `\`notify.${key}\` has \`${locale.slice(0, 40)}\`, which is not a language tag such as \`en\` or \`fr-CA\``,
            at: ['notify', key, locale],
          };
        if (typeof text !== 'string' || !text.trim() || text.length > 2000 || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(text))
          return {
            message: `\`notify.${key}.${locale}\` must be a text of at most 2000 characters, without control characters`,
            at: ['notify', key, locale],
          };
      }
    } else {
      return { message: `Unknown key \`${key.slice(0, 40)}\` in \`notify\`: ${shape}`, at: ['notify', key] };
    }
  }
  return undefined;
}

/** `scan`: `urls` (absolute http(s) URLs), `accept` (a CSS selector, one line), `depth` (0 to 10), `maxPages` (1 to 1000). */
function scanProblem(scan: unknown): SettingProblem | undefined {
  const shape =
    "`scan` may hold only `urls` (absolute http(s) URLs), `accept` (the consent button's CSS selector), `depth` (0 to 10) and `maxPages` (1 to 1000)";
  if (!isMapping(scan)) return { message: shape, at: ['scan'] };
  const checks: Record<string, (value: unknown) => boolean> = {
    urls: (v) =>
      Array.isArray(v) && v.length <= 100 && v.every((u) => typeof u === 'string' && u.length <= 2000 && /^https?:\/\/[^\s]+$/.test(u)),
    accept: (v) => typeof v === 'string' && v.trim() !== '' && v.length <= 500 && !/[\u0000-\u001f\u007f]/.test(v),
    depth: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10,
    maxPages: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1000,
  };
  for (const [key, value] of Object.entries(scan)) {
    const check = checks[key];
    if (!check || !check(value))
      return {
        message: check ? `\`scan.${key}\` is not valid: ${shape}` : `Unknown key \`${key.slice(0, 40)}\` in \`scan\`: ${shape}`,
        at: ['scan', key],
      };
  }
  return undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `; did you mean …?` with the closest of `names`, or nothing. */
function didYouMean(name: string, names: readonly string[]): string {
  const guess = closest(name, names);
  return guess ? `; did you mean \`${guess}\`?` : '';
}

/** What is wrong with the `images` setting, if anything: `allowHosts` must list bare host names (no scheme, port or path), in lower case. */
function imagesProblem(images: unknown): string | undefined {
  if (images === undefined) return undefined;
  const problem = '`images` may hold only `allowHosts`, a list of host names such as `cdn.example.com`';
  if (!images || typeof images !== 'object' || Array.isArray(images)) return problem;
  const { allowHosts, ...rest } = images as Record<string, unknown>;
  if (Object.keys(rest).length || (allowHosts !== undefined && !Array.isArray(allowHosts))) return problem;
  for (const host of (allowHosts ?? []) as unknown[]) {
    if (typeof host !== 'string' || host.length > 253 || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host)) {
      return `\`images.allowHosts\` lists ${typeof host === 'string' ? `\`${host.slice(0, 60).replace(/[^\x20-\x7e]/g, '?')}\`` : 'a value'}, which is not a lower-case host name such as \`cdn.example.com\` (no scheme, port or path)`;
    }
  }
  return undefined;
}

/** The place of a key of a config text (JSON read as YAML, its superset, for positions); the file start when it is not there. */
export function configPlace(text: string, segments: readonly string[]): Place {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  return placeOfKey(doc, lineCounter, segments);
}

/** The first key that appears twice in one object of a config text. */
function duplicateKey(text: string): { key: string; place: Place } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const error = doc.errors.find((e) => e.code === 'DUPLICATE_KEY');
  if (!error) return undefined;
  const key = /"((?:[^"\\]|\\.)*)"/.exec(text.slice(error.pos[0]))?.[1] ?? '';
  return { key, place: placeOfOffset(text, error.pos[0]) };
}
