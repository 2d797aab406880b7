import type { Pack, Rule } from './types.js';

const packNames: Record<Pack, string> = {
  gdpr: 'GDPR and UK GDPR (`gdpr`: documents declaring `eu` or `uk`)',
  ccpa: 'CCPA as amended by CPRA (`ccpa`: documents declaring `us-ca`)',
  'us-states':
    'US state privacy laws (`us-states`: documents declaring a US state other than California, such as `us-va`, `us-co` or `us-wa`)',
  transfers: 'International transfers (`transfers`: every document)',
  cookies: 'Cookies (`cookies`: documents declaring `eu`, `uk` or `ch`)',
  marketing: 'Electronic marketing (`marketing`: documents declaring `eu` or `uk`)',
  hygiene: 'Hygiene (`hygiene`: every document)',
  fadp: 'Switzerland, revised FADP (`fadp`: documents declaring `ch`)',
  children: 'Children (`children`: documents declaring `eu`, `uk`, `us` or a US state, and saying children use the service)',
};

/** The reference of compliance rules (docs/rules.md), generated from the rules themselves so the two cannot drift. */
export function rulesMarkdown(rules: readonly Rule[]): string {
  const out: string[] = [];
  for (const pack of Object.keys(packNames) as Pack[]) {
    const inPack = rules.filter((r) => r.pack === pack);
    if (!inPack.length) continue;
    out.push(`#### ${packNames[pack]}`, '');
    for (const rule of inPack) {
      out.push(
        `- <a id="rule-${rule.id}"></a>\`${rule.id}\` (${rule.severity}${rule.appliesFrom ? `, from ${rule.appliesFrom}` : ''}): ${rule.title}. ${rule.explanation} *Reference:* ${rule.reference}. *Fix:* ${rule.fix}${rule.parts?.length ? ` *Deferrable parts* (read in a [parent](compliance.md#documents-that-defer-to-a-parent)): ${rule.parts.map((p) => `\`${p}\``).join(', ')}.` : ''}`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
