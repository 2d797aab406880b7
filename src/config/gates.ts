import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { configFileName, configPlace, type Config } from './config.js';
import { changeRules } from '../diff/change-rules.js';
import type { WeakenedGate } from '../diff/types.js';
import { allRules } from '../rules/registry.js';

/** The notice a material change needs when the config does not say (as the compliance rules default it). */
const defaultNoticeDays = 30;

const severityRank = { off: 0, warn: 1, warning: 1, error: 2 } as const;

/**
 * The checks a change of config loosens, from the config at the base
 * revision to the one now: a change rule no longer material (an override to
 * `editorial`, or a `material` override dropped), a compliance rule's
 * severity lowered or turned off, fewer days of notice, more hosts images
 * may be loaded from, a release no longer needing approval. Each is compared by
 * its effective value, so adding, editing and removing an override all count.
 */
export function weakenedGates(before: Config, after: Config): WeakenedGate[] {
  const gates: WeakenedGate[] = [];
  const verdict = (config: Config, rule: string) => config.materiality?.[rule] ?? (changeRules[rule] ? 'material' : 'editorial');
  for (const rule of Object.keys(changeRules)) {
    const was = verdict(before, rule);
    const is = verdict(after, rule);
    if (was === 'material' && is === 'editorial') {
      gates.push({
        setting: `materiality.${rule}`,
        before: was,
        after: is,
        summary: `Changes of rule \`${rule}\` are no longer material: they pass without notice or a minor release.`,
      });
    }
  }
  for (const rule of allRules) {
    const was = before.rules?.[rule.id] ?? rule.severity;
    const is = after.rules?.[rule.id] ?? rule.severity;
    if (severityRank[is] < severityRank[was]) {
      gates.push({
        setting: `rules.${rule.id}`,
        before: was,
        after: is,
        summary:
          is === 'off'
            ? `The compliance rule \`${rule.id}\` is turned off.`
            : `The compliance rule \`${rule.id}\` no longer fails the check.`,
      });
    }
  }
  const noticeBefore = before.noticeDays ?? defaultNoticeDays;
  const noticeAfter = after.noticeDays ?? defaultNoticeDays;
  if (noticeAfter < noticeBefore) {
    gates.push({
      setting: 'noticeDays',
      before: String(noticeBefore),
      after: String(noticeAfter),
      summary: `Material changes need ${noticeAfter} days of notice instead of ${noticeBefore}.`,
    });
  }
  const hostsBefore = before.images?.allowHosts ?? [];
  const hostsAfter = after.images?.allowHosts ?? [];
  const added = hostsAfter.filter((host) => !hostsBefore.includes(host));
  if (added.length) {
    gates.push({
      setting: 'images.allowHosts',
      before: hostsBefore.join(', ') || 'none',
      after: hostsAfter.join(', '),
      summary: `Images from ${added.map((h) => `\`${h}\``).join(', ')} are now shown in the policy, and can track its readers.`,
    });
  }
  gates.push(...approvalGates(before, after));
  return gates;
}

/** A release that needed the name of who approved it no longer does. */
function approvalGates(before: Config, after: Config): WeakenedGate[] {
  if (before.release?.requireApproval !== true || after.release?.requireApproval === true) return [];
  return [
    {
      setting: 'release.requireApproval',
      before: 'true',
      after: 'false',
      summary: 'A release no longer needs the name of who approved it.',
    },
  ];
}

/** The weakened checks as warnings at their keys in the config now (`text`; absent when the file is gone). */
export function gateDiagnostics(gates: readonly WeakenedGate[], text: string | undefined, revision: string): Diagnostic[] {
  return gates.map((gate) => {
    const segments = gate.setting.split(/\.(.*)/s).filter(Boolean);
    const place = configPlace(text ?? '', segments);
    return diagnostic(
      configFileName,
      place,
      'config-gate-weakened',
      'config',
      `${gate.summary.replace(/\.$/, '')} (\`${gate.setting}\`: ${gate.before} at \`${revision}\`, ${gate.after} now)`,
      {
        hint: 'A pull request that loosens a check is reviewed as a material change: make sure the reviewers agree, or restore the setting.',
        severity: 'warning',
      },
    );
  });
}
