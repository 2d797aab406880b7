import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build, checkOutputFolder, defaultCacheDir, diff, notify, release, validate } from '../api.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatChanges, type ChangeFormat } from '../diff/format.js';
import type { BumpOption } from '../history/release.js';
import { formatDiagnostics, type DiagnosticFormat } from '../report/report.js';
import { forTerminal } from '../text/control.js';
import { init } from '../init/init.js';
import { smtpUrlVariable } from '../notify/smtp-url.js';
import { allRules } from '../rules/registry.js';
import { serve, watch } from '../serve/serve.js';
import type { Rule } from '../rules/types.js';
import { closest } from '../validate/suggest.js';
import { helpText } from './help.js';
import { parseArgv } from './parse-argv.js';

/** The streams and environment the CLI touches, so tests can run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Ends a long-running command (serve, build --watch); the real CLI aborts it on Ctrl-C. */
  signal?: AbortSignal;
}

/** Wait until the signal aborts (forever without one). */
function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** The version of policyc, from its package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

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
  const format = (options.format ?? 'pretty') as DiagnosticFormat;
  const shown = (dir: string) => path.relative(io.cwd, dir) || '.';
  /** Print diagnostics: JSON on stdout when asked for, else pretty on stderr (stdout for validate). */
  const report = (diagnostics: Diagnostic[], sources: Map<string, string>, stream = io.stderr) => {
    const machine = format !== 'pretty';
    const text = formatDiagnostics(diagnostics, format, {
      color: !machine && Boolean(stream.isTTY) && !io.env.NO_COLOR,
      sources,
      version: packageVersion(),
      rules: ruleDescriptions(),
    });
    if (machine) io.stdout.write(text);
    else if (text) stream.write(text);
  };

  // The cache is on unless `--no-cache`: a hit is byte-identical to computing afresh.
  const cache: string | false = options['no-cache'] === 'true' ? false : (options.cache ?? defaultCacheDir);

  switch (command.name) {
    case 'validate': {
      const result = await validate({ cwd: io.cwd, cache, policy: options.policy, files: positionals, date: options.date, strict: options.strict === 'true', base: options.base });
      report(result.diagnostics, result.sources, io.stdout);
      if (format === 'pretty' && !hasErrors(result.diagnostics)) {
        const versions = result.documents.reduce((n, d) => n + d.releases.length, 0);
        io.stdout.write(
          `✔ ${result.models.length} ${result.models.length === 1 ? 'document' : 'documents'} valid${versions ? `, ${versions} released ${versions === 1 ? 'version' : 'versions'} intact` : ''}\n`,
        );
      }
      return hasErrors(result.diagnostics) ? 1 : 0;
    }
    case 'build': {
      const settings = {
        cwd: io.cwd,
        cache,
        policy: options.policy,
        out: options.out,
        templates: options.templates,
        date: options.date,
        drafts: options.drafts === 'true',
        baseUrl: options['base-url'],
        strict: options.strict === 'true',
        base: options.base,
      };
      // A refused output folder is a usage error (exit 2), found before anything is built or watched.
      const refused = checkOutputFolder(settings);
      if (refused) {
        report([refused], new Map());
        return 2;
      }
      if (options.watch === 'true') {
        const watcher = await watch({ ...settings, color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }, (line) => io.stdout.write(`${line}\n`));
        io.stdout.write('watching policy/, templates/ and policyc.config.json; Ctrl-C stops\n');
        await untilAborted(io.signal);
        await watcher.close();
        return watcher.state().ok ? 0 : 1;
      }
      const result = await build(settings);
      // A successful build lists warnings as a count: `validate` is where they are read.
      const warningsOnly = !hasErrors(result.diagnostics) && format === 'pretty';
      if (warningsOnly && result.diagnostics.length) {
        io.stderr.write(`⚠ ${result.diagnostics.length} ${result.diagnostics.length === 1 ? 'warning' : 'warnings'}: run \`policyc validate\` to read them\n`);
      } else report(result.diagnostics, result.sources);
      if (hasErrors(result.diagnostics)) {
        io.stderr.write(forTerminal(`policyc: build failed; nothing was written to ${shown(result.out)}\n`));
        // Refused under the lock (the folder changed meanwhile): still a usage error.
        return result.diagnostics.some((d) => d.ruleId === 'output-folder-refused') ? 2 : 1;
      }
      if (format === 'pretty') io.stdout.write(forTerminal(`✔ wrote ${result.written.length} files to ${shown(result.out)}\n`));
      return 0;
    }
    case 'release': {
      const result = await release({
        cwd: io.cwd,
        cache,
        policy: options.policy,
        document: positionals[0],
        bump: options.bump as BumpOption | undefined,
        effective: options.effective,
        allowUntranslated: options['allow-untranslated'] === 'true',
      });
      report(result.diagnostics, result.sources);
      const { plan, translations } = result;
      if (!plan && !translations?.freezes.length) {
        io.stderr.write('policyc: nothing was released\n');
        return 1;
      }
      const material = plan?.changes ? plan.changes.changes.filter((c) => c.material).length : 0;
      const lines = [
        ...(plan ? [`✔ released ${plan.manifest.document} ${plan.version}, effective ${plan.entry.effective}${plan.changes ? ` (${plan.changes.changes.length} ${plan.changes.changes.length === 1 ? 'change' : 'changes'}, ${material} material)` : ' (first release)'}`] : []),
        ...(translations?.freezes ?? []).map((f) => `✔ froze the ${f.entry.locale} translation of ${f.entry.version}`),
        ...(translations?.untranslated ?? []).map((u) => `⚠ ${u.locale}: not translated, so ${plan?.version ?? 'the new version'} is not published in ${u.locale}${u.material ? ' (material changes, --allow-untranslated)' : ' (editorial changes only)'}`),
      ];
      io.stdout.write(forTerminal(`${lines.join('\n')}\n${result.written.map((f) => `  wrote ${f}\n`).join('')}`));
      return 0;
    }
    case 'diff': {
      const result = await diff({ cwd: io.cwd, cache, policy: options.policy, document: options.document, from: positionals[0], to: positionals[1], base: options.base });
      if (!result.changes) {
        io.stderr.write(formatDiagnostics(result.diagnostics, 'pretty', { color: Boolean(io.stderr.isTTY) && !io.env.NO_COLOR, sources: result.sources }));
        return 1;
      }
      io.stdout.write(formatChanges(result.changes, (options.format ?? 'text') as ChangeFormat));
      // A check loosened since --base counts as a material change: the gate it loosens must not let its own change through.
      return options['exit-code'] === 'true' && (result.changes.material || Boolean(result.changes.weakenedGates?.length)) ? 1 : 0;
    }
    case 'notify': {
      // The server from --send, else from $POLICYC_SMTP_URL when a recipient is named: its password need not be on a command line.
      const send = options.send ?? (options.to ? io.env[smtpUrlVariable] || undefined : undefined);
      if (options.to && !send) {
        io.stderr.write(`policyc: \`--to\` needs an SMTP server: \`--send smtp://HOST:PORT\`, or the ${smtpUrlVariable} environment variable\nRun \`policyc notify --help\` for usage.\n`);
        return 2;
      }
      if (!options.out && !send) {
        io.stderr.write('policyc: `policyc notify` needs `--out DIR`, `--send smtp://HOST:PORT`, or both\nRun `policyc notify --help` for usage.\n');
        return 2;
      }
      const result = await notify({
        cwd: io.cwd,
        cache,
        policy: options.policy,
        document: options.document,
        from: positionals.length === 2 ? positionals[0] : undefined,
        to: positionals.length === 2 ? positionals[1] : positionals[0],
        out: options.out,
        send,
        recipient: options.to,
        insecureSmtp: options['insecure-smtp'] === 'true',
        baseUrl: options['base-url'],
        locale: options.locale,
      });
      report(result.diagnostics, result.sources);
      if (!result.notification || hasErrors(result.diagnostics)) return 1;
      // The subject comes from the document, the message id and addresses from the SMTP server: printed with controls escaped.
      io.stdout.write(forTerminal(`✔ ${result.notification.subject}\n`));
      for (const file of result.written) io.stdout.write(forTerminal(`  wrote ${file}\n`));
      if (result.sent) io.stdout.write(forTerminal(`  sent ${result.sent.messageId} to ${result.sent.accepted.join(', ')}\n`));
      return 0;
    }
    case 'init': {
      const result = await init({ dir: positionals[0] ?? '.', ...(options.id ? { id: options.id } : {}), cwd: io.cwd });
      for (const file of result.written) io.stdout.write(forTerminal(`created ${file}\n`));
      report(result.diagnostics, new Map());
      if (hasErrors(result.diagnostics)) return 1;
      io.stdout.write(forTerminal(`✔ next: edit ${path.join(positionals[0] ?? '.', 'policy', `${options.id ?? 'privacy'}.yaml`)}, then run \`policyc validate\`\n`));
      return 0;
    }
    case 'serve': {
      let preview;
      try {
        preview = await serve(
          {
            cwd: io.cwd,
            cache,
            policy: options.policy,
            templates: options.templates,
            date: options.date,
            drafts: options['no-drafts'] !== 'true',
            baseUrl: options['base-url'],
            port: Number(options.port ?? 4000),
          },
          (line) => io.stdout.write(`${line}\n`),
        );
      } catch (error) {
        io.stderr.write(forTerminal(`policyc: cannot serve: ${error instanceof Error ? error.message : String(error)}\n`));
        return 1;
      }
      io.stdout.write('Ctrl-C stops\n');
      await untilAborted(io.signal);
      await preview.close();
      return 0;
    }
    case 'rules': {
      const asJson = options.format === 'json';
      if (positionals[0]) {
        const rule = allRules.find((r) => r.id === positionals[0]);
        if (!rule) {
          const guess = closest(positionals[0], allRules.map((r) => r.id));
          io.stderr.write(`policyc: no rule \`${forTerminal(positionals[0])}\`${guess ? `; did you mean \`${guess}\`?` : ''}\nRun \`policyc rules\` to list them.\n`);
          return 2;
        }
        io.stdout.write(asJson ? `${JSON.stringify(describeRule(rule), null, 2)}\n` : ruleText(rule));
        return 0;
      }
      io.stdout.write(asJson ? `${JSON.stringify(allRules.map(describeRule), null, 2)}\n` : rulesTable(allRules));
      return 0;
    }
    default:
      return 2;
  }
}

/** The compliance rules as SARIF and `policyc rules` describe them. */
function ruleDescriptions() {
  return allRules.map((r) => ({ id: r.id, title: r.title, explanation: r.explanation, fix: r.fix, severity: r.severity }));
}

function describeRule(rule: Rule) {
  const { check: _check, ...description } = rule;
  return { ...description, appliesFrom: rule.appliesFrom ?? null, documentation: `README.md#rule-${rule.id}` };
}

function rulesTable(rules: readonly Rule[]): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  const lines = rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${(r.appliesFrom ? `from ${r.appliesFrom}` : 'always').padEnd(15)}  ${r.title}`);
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
