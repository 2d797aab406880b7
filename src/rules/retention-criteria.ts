import type { Policy, Retention } from '../model/policy.generated.js';
import type { Finding } from './types.js';

/**
 * A storage limit that names no period and no criterion: "as long as
 * necessary", "no longer than needed for the purposes", "as long as it makes
 * sense". GDPR Art. 13(2)(a) and Cal. Civ. Code 1798.100(a)(3) ask for the
 * period or the criteria used to determine it; these phrases restate the
 * storage-limitation principle instead. English only: a document's own text.
 */
const vagueCore =
  /\b(?:as long as|so long as|no longer than|not longer than|only for the (?:time|period)|for the (?:time|period))\b[^.;]*?\b(?:necessary|needed|need (?:it|them|to)|required|appropriate|reasonabl[ey]|makes? sense|useful|relevant)\b/i;

/**
 * What turns a limit into a criterion: a number or unit of time, an event
 * that ends the keeping (closing an account, the end of a contract, a
 * withdrawal), or a legal period (tax law, limitation periods). Any of them
 * and the text is taken as a criterion: the detection stays conservative.
 */
const anchor =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirty|sixty|ninety|hundred)\b|\b(?:hours?|days?|weeks?|months?|years?)\b|\b(?:until|after|following|once|while|when|unless)\b|\b(?:end|ends|ended|clos(?:e|es|ed|ing|ure)|delet\w*|cancel\w*|terminat\w*|withdraw\w*|unsubscrib\w*|expir\w*|inactiv\w*|account|contract|subscription|membership|relationship|transaction|claims?|disputes?|litigation)\b|\b(?:law|laws|legal\w*|statut\w*|regulat\w*|tax\w*|limitation|accounting|audit\w*|obligations?)\b/i;

/** Whether a retention text is only a non-criterion ("as long as necessary"), with no period, event or legal period. */
export function vagueRetention(text: string): boolean {
  return vagueCore.test(text) && !anchor.test(text);
}

/**
 * How a retention states the time data is kept: `stated` (a period, stages,
 * indefinite keeping, or criteria or a description that are more than a
 * non-criterion), `missing` (nothing), or `vague` with the text that says
 * only "as long as necessary".
 */
export function retentionStatement(
  retention: Retention | undefined,
): { kind: 'stated' } | { kind: 'missing' } | { kind: 'vague'; text: string } {
  if (!retention) return { kind: 'missing' };
  if (retention.period || retention.stages?.length || retention.indefinite) return { kind: 'stated' };
  const texts = [retention.criteria, retention.description].map((t) => t?.trim() ?? '').filter(Boolean);
  if (!texts.length) return { kind: 'missing' };
  const vague = texts.filter(vagueRetention);
  return vague.length === texts.length ? { kind: 'vague', text: vague[0]! } : { kind: 'stated' };
}

/**
 * A finding for each data category whose retention (its own, else the
 * document's default) is missing or only a non-criterion: what GDPR Art.
 * 13(2)(a) and Cal. Civ. Code 1798.100(a)(3) both ask for, category by category.
 */
export function retentionFindings(policy: Policy): Finding[] {
  return policy.collection.categories.flatMap((category, i): Finding[] => {
    const own = category.retention;
    const statement = retentionStatement(own ?? policy.retention?.default);
    if (statement.kind === 'stated') return [];
    if (statement.kind === 'missing')
      return [
        { message: `The data category \`${category.id}\` does not state how long it is kept`, path: ['collection', 'categories', i] },
      ];
    return [
      {
        message: `The data category \`${category.id}\` is kept “${statement.text}”${own ? '' : ' (`retention.default`)'}: that is neither a period nor the criteria used to determine it`,
        path: own ? ['collection', 'categories', i, 'retention'] : ['collection', 'categories', i],
        hint: `Give \`${category.id}\` a \`period\` (\`2 years\`), or \`criteria\` naming what ends the keeping: an event (\`until you close your account\`) or a legal period (\`6 years after the contract ends, as tax law requires\`).`,
      },
    ];
  });
}
