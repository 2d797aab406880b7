import type { Cookie, Policy } from '../../model/policy.generated.js';
import type { Finding, Rule } from '../types.js';

/** Planet49 (CJEU C-673/17, 1 October 2019): consent to cookies must be given actively. */
const planet49 = '2019-10-01';

/** Switzerland's TCA Art. 45c (inserted by the Act of 24 March 2006), in force since 1 April 2007. */
const tca45c = '2007-04-01';

/**
 * Whether the document is judged by a law that asks for prior consent to
 * cookies: the ePrivacy Directive (`eu`) or the UK PECR (`uk`). Swiss law
 * (`ch`) asks only for information and a right to refuse (see `cookies-refusal`).
 */
function priorConsentRequired(policy: Policy): boolean {
  return (policy.jurisdictions ?? []).some((j) => j === 'eu' || j === 'uk');
}

/** Whether the document is judged by Swiss law alone among the cookie laws: `ch` without `eu` or `uk`. */
function swissOnly(policy: Policy): boolean {
  return Boolean(policy.jurisdictions?.includes('ch')) && !priorConsentRequired(policy);
}

type Category = NonNullable<Cookie['category']>;

/** What the cookie rules judge: a named cookie, another tracking technology, or a category of them described without naming each. */
interface Tracker {
  kind: 'cookie' | 'technology' | 'category';
  name: string;
  party?: 'first' | 'third';
  provider?: string;
  category?: Category;
  path: (string | number)[];
}

/** The cookies of a document, each with its index in `cookies.items`. */
function cookiesOf(policy: Policy): { cookie: Cookie; index: number }[] {
  return (policy.cookies?.items ?? []).map((cookie, index) => ({ cookie, index }));
}

/** Every named cookie, tracking technology (`cookies.technologies`) and described category (`cookies.categories`) of a document. */
function trackersOf(policy: Policy): Tracker[] {
  const optional = <T extends object>(value: T) =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
  return [
    ...cookiesOf(policy).map(({ cookie, index }): Tracker => ({
      kind: 'cookie',
      name: cookie.name,
      party: cookie.party,
      ...optional({ provider: cookie.provider, category: cookie.category }),
      path: ['cookies', 'items', index],
    })),
    ...(policy.cookies?.technologies ?? []).map((t, index): Tracker => ({
      kind: 'technology',
      name: t.name ?? t.id,
      ...optional({ party: t.party, provider: t.provider, category: t.category }),
      path: ['cookies', 'technologies', index],
    })),
    ...(policy.cookies?.categories ?? []).map((c, index): Tracker => ({
      kind: 'category',
      name: c.title ?? c.id,
      category: c.category,
      path: ['cookies', 'categories', index],
    })),
  ];
}

const nouns = {
  cookie: ['cookie', 'cookies'],
  technology: ['tracking technology', 'tracking technologies'],
  category: ['cookie category', 'cookie categories'],
} as const;

/**
 * Services whose cookies measure audiences or serve advertising: a cookie they
 * set is not strictly necessary whatever its label says. Matched in the
 * provider's name, as a whole word.
 */
const trackingProviders =
  /\b(google analytics|google ads|doubleclick|google marketing|facebook|meta pixel|hotjar|adobe analytics|mixpanel|criteo|adroll|linkedin insight|tiktok|microsoft advertising|bing ads|taboola|outbrain|quantcast|matomo|piwik|segment|amplitude)\b/i;

/** Names of widespread analytics and advertising cookies (Google Analytics, Google Ads, Meta, Hotjar), matched exactly or, for `_hj`, as a prefix. */
const trackingCookieNames = /^(_ga|_ga_.+|_gid|_gat|_gat_.+|_gcl_au|_gcl_aw|_fbp|_fbc|fr|IDE|test_cookie|_hj.+)$/;

/**
 * A tracker labelled `strictly-necessary` whose provider or name shows that it
 * measures audiences or advertises. Its purpose is not read: a consent cookie
 * (strictly necessary) names the categories it records.
 */
function mislabelled(tracker: Tracker): boolean {
  if (tracker.category !== 'strictly-necessary' || tracker.kind === 'category') return false;
  return trackingProviders.test(tracker.provider ?? '') || (tracker.kind === 'cookie' && trackingCookieNames.test(tracker.name));
}

/**
 * Whether a cookie needs consent: only a first-party cookie declared
 * `strictly-necessary` is exempt, and not when it plainly measures audiences
 * or advertises (`mislabelled`). Every third-party cookie, and a cookie whose
 * category is not stated, is treated as needing it: the exemption of Art. 5(3)
 * is an exception the controller has to claim.
 */
function needsConsent(tracker: Tracker): boolean {
  return tracker.party === 'third' || tracker.category !== 'strictly-necessary' || mislabelled(tracker);
}

/** "The cookie `_ga`", "The cookies `_ga`, `IDE` and `AdRoll`" or "The cookies and similar technologies …", shortened after `max` names. */
function theTrackers(trackers: readonly Tracker[], max = 4): string {
  const names = trackers.map((c) => `\`${c.name}\``);
  const kinds = new Set(trackers.map((t) => t.kind));
  const [one, many] = kinds.size === 1 ? nouns[trackers[0]!.kind] : ['', 'cookies and similar technologies'];
  if (names.length === 1) return `The ${one} ${names[0]}`;
  if (names.length <= max) return `The ${many} ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `The ${many} ${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** The trackers the information rules of the ePrivacy Directive and PECR judge: none unless the document declares `eu` or `uk`. */
function euOrUk(policy: Policy): Tracker[] {
  return priorConsentRequired(policy) ? trackersOf(policy) : [];
}

/** Trackers needing consent, named in a finding: those of `cookies.items`, `technologies` and `categories`. */
function needingConsent(policy: Policy): Tracker[] {
  return trackersOf(policy).filter(needsConsent);
}

/**
 * Cookie consent is data protection consent: ePrivacy Art. 2(f) gives it the
 * meaning of consent in Directive 95/46/EC (Art. 2(h)), and GDPR Art. 94(2)
 * reads references to that Directive as references to the GDPR from 25 May 2018.
 */
const consentReference =
  'ePrivacy Directive 2002/58/EC Art. 5(3), as amended by Directive 2009/136/EC, and Art. 2(f); Directive 95/46/EC Art. 2(h) (until 24 May 2018); GDPR Art. 4(11), 7 and 94(2); UK PECR reg. 6';

export const cookieRules: readonly Rule[] = [
  {
    id: 'cookies-provider-named',
    pack: 'cookies',
    severity: 'warning',
    title: 'A third-party cookie names the company that sets it',
    explanation:
      'Art. 5(3) of the ePrivacy Directive allows a cookie to be stored only if the user is given clear and comprehensive information about it, and the CJEU held in Planet49 that this information includes whether third parties may have access to the cookie. A third-party cookie is read by another company, which people must be able to identify in order to understand who receives the information and to exercise their rights against it. The same holds for a third-party tracking technology (`cookies.technologies`: a pixel, an SDK).',
    reference: 'ePrivacy Directive 2002/58/EC Art. 5(3); UK PECR reg. 6(2); CJEU C-673/17 (Planet49), ruling point 2; GDPR Art. 13(1)(e)',
    fix: 'Add `provider` to the cookie (or the tracking technology of `cookies.technologies`): the company whose service sets or reads it (for example `Google Analytics`).',
    parts: ['cookies'],
    check: ({ policy }) =>
      euOrUk(policy)
        .filter((t) => t.kind !== 'category' && t.party === 'third' && !t.provider?.trim())
        .map((t): Finding => ({
          message: `The third-party ${nouns[t.kind][0]} \`${t.name}\` does not name the company that sets it`,
          path: t.path,
        })),
  },
  {
    id: 'cookies-category',
    pack: 'cookies',
    severity: 'warning',
    title: 'Every cookie states its consent category',
    explanation:
      'Art. 5(3) of the ePrivacy Directive exempts from consent only cookies strictly necessary to provide a service the user has explicitly requested; every other cookie needs prior consent. Without a category the policy does not say whether a cookie is set without asking, and people cannot make the per-category choices a consent banner offers. The same holds for the tracking technologies of `cookies.technologies` (local storage, pixels, SDKs), which Art. 5(3) covers as it covers cookies. policyc treats an uncategorised cookie or technology as needing consent, and one labelled strictly necessary whose provider or name shows an analytics or advertising service (Google Analytics `_ga`, Meta `_fbp`, DoubleClick `IDE`) as mislabelled: WP194 holds that audience measurement and advertising cookies are not exempt.',
    reference:
      'ePrivacy Directive 2002/58/EC Art. 5(3); UK PECR reg. 6(4); Article 29 Working Party Opinion 04/2012 on Cookie Consent Exemption (WP194)',
    fix: 'Add `category` to the cookie (or the tracking technology): `strictly-necessary` only when the website cannot provide the service the person asked for without it; otherwise `functional`, `analytics`, `advertising` or `social-media`.',
    parts: ['cookies'],
    check: ({ policy }) =>
      euOrUk(policy).flatMap((t): Finding[] => {
        if (t.kind !== 'category' && !t.category)
          return [
            {
              message: `The ${nouns[t.kind][0]} \`${t.name}\` does not state its category, so the policy does not say whether it is set without consent`,
              path: t.path,
            },
          ];
        if (!mislabelled(t)) return [];
        return [
          {
            message: `The ${nouns[t.kind][0]} \`${t.name}\` is labelled strictly necessary, but ${t.provider ? `its provider (${t.provider})` : 'its name'} shows that it measures audiences or serves advertising, which needs consent`,
            path: t.path,
            hint: `Set \`category\` of \`${t.name}\` to \`analytics\` or \`advertising\`, and set it only after the person agrees.`,
          },
        ];
      }),
  },
  {
    id: 'cookies-duration',
    pack: 'cookies',
    severity: 'warning',
    title: 'Every persistent cookie states how long it lasts',
    explanation:
      'The information Art. 5(3) of the ePrivacy Directive requires before a cookie is stored includes, as the CJEU held in Planet49, the duration of its operation. A persistent cookie stays on the device after the browser is closed, sometimes for years; people can only judge what they agree to if the policy says for how long. Session cookies, deleted when the browser closes, need no duration.',
    reference: 'ePrivacy Directive 2002/58/EC Art. 5(3); UK PECR reg. 6(2); CJEU C-673/17 (Planet49), ruling point 2; GDPR Art. 13(2)(a)',
    fix: 'Add `duration` to the cookie (`30 days`, `13 months`, `2 years`), or set `lifetime: session` if it is deleted when the browser closes.',
    parts: ['cookies'],
    check: ({ policy }) =>
      (priorConsentRequired(policy) ? cookiesOf(policy) : [])
        .filter(({ cookie }) => cookie.lifetime === 'persistent' && !cookie.duration)
        .map(({ cookie, index }) => ({
          message: `The persistent cookie \`${cookie.name}\` does not state how long it lasts`,
          path: ['cookies', 'items', index],
        })),
  },
  {
    id: 'cookies-consent-mechanism',
    pack: 'cookies',
    severity: 'error',
    title: 'A policy with cookies that need consent describes how consent is obtained',
    explanation:
      'Since the ePrivacy Directive took effect (transposition deadline 31 October 2003), a website may store a cookie that is not strictly necessary only if the user is informed and offered the right to refuse it; since its amendment by Directive 2009/136/EC (transposition deadline 25 May 2011; in the UK, PECR as amended on 26 May 2011) only with the user’s prior consent, which has the meaning of a data subject’s consent (ePrivacy Art. 2(f): Directive 95/46/EC’s, read as the GDPR’s from 25 May 2018 under GDPR Art. 94(2)). A policy listing analytics, advertising, functional or third-party cookies (named, as tracking technologies, or as categories described without naming each) must say how that consent is given and withdrawn.',
    reference: consentReference,
    fix: 'Add `cookies.consent` with `model: opt-in` and a `notice` saying how people give consent before non-essential cookies are set (a banner, a settings page) and how they withdraw it.',
    appliesFrom: '2003-10-31',
    parts: ['cookies'],
    check: ({ policy }) => {
      const needing = needingConsent(policy);
      if (!priorConsentRequired(policy) || !needing.length || policy.cookies?.consent) return [];
      return [
        {
          message: `${theTrackers(needing)} ${needing.length === 1 ? 'needs' : 'need'} consent, but the policy does not describe how consent is obtained`,
          path: ['cookies'],
        },
      ];
    },
  },
  {
    id: 'cookies-implied-consent',
    pack: 'cookies',
    severity: 'error',
    title: 'Non-essential cookies are set only after the person actively agrees, not on implied consent or until refused',
    explanation:
      'In Planet49 (C-673/17, 1 October 2019) the CJEU held that consent to cookies under Art. 5(3) of the ePrivacy Directive has the meaning of GDPR Art. 4(11): a freely given, specific, informed and unambiguous indication of wishes by a statement or a clear affirmative action, so that a pre-ticked box the user must untick to refuse is not consent. Continuing to use a website after a notice ("by using this site you agree to our use of cookies") is not such an action, nor is setting cookies until the person refuses them (an opt-out model), and the controller could not demonstrate consent under Art. 7(1). Cookies that need consent may be set only after the person actively agrees. A cookie labelled strictly necessary whose provider or name shows an analytics or advertising service counts as needing consent. This is EU and UK law; Swiss law asks for information and a right to refuse (see `cookies-refusal`).',
    reference: `CJEU C-673/17 (Planet49), 1 October 2019; ${consentReference}; GDPR Recital 32; EDPB Guidelines 05/2020 on consent, para. 86`,
    fix: 'Set `cookies.consent.model` to `opt-in` and rewrite its `notice`: non-essential cookies are set only after the person agrees (for example by clicking "Accept" in a banner that offers an equally easy "Reject"), and consent can be withdrawn at any time.',
    appliesFrom: planet49,
    parts: ['cookies'],
    check: ({ policy }) => {
      const model = policy.cookies?.consent?.model;
      if (!priorConsentRequired(policy) || (model !== 'implied' && model !== 'opt-out')) return [];
      const needing = needingConsent(policy);
      if (!needing.length) return [];
      const [verb, them] = needing.length === 1 ? ['is', 'it'] : ['are', 'them'];
      const how = model === 'implied' ? 'on implied consent ("by using the site")' : `until the person refuses ${them} (opt-out)`;
      return [
        {
          message: `${theTrackers(needing)} ${verb} set ${how}, which is not valid consent since the CJEU's Planet49 judgment of 1 October 2019`,
          path: ['cookies', 'consent', 'model'],
        },
      ];
    },
  },
  {
    id: 'cookies-refusal',
    pack: 'cookies',
    severity: 'error',
    title: 'A Swiss policy with cookies that are not strictly necessary says how to refuse them',
    explanation:
      'Art. 45c(b) of the Swiss Telecommunications Act allows data to be processed on a user’s device (cookies and similar technologies) only if users are informed about the processing and its purpose and told that they may refuse it. Swiss law does not generally ask for prior consent, so a policy for Switzerland alone may set such cookies until the person refuses them, but it must say how to refuse. A document that also declares `eu` or `uk` is judged by the stricter consent rules instead.',
    reference: 'Swiss Telecommunications Act (TCA, SR 784.10) Art. 45c(b)',
    fix: 'Say how people refuse cookies that are not strictly necessary: `cookies.consent` (with `model: opt-out` or `opt-in` and a `notice` saying how to refuse or agree), or `cookies.refusal` (how to refuse or disable them and what happens then).',
    appliesFrom: tca45c,
    parts: ['cookies'],
    check: ({ policy }) => {
      if (!swissOnly(policy)) return [];
      const needing = needingConsent(policy);
      const model = policy.cookies?.consent?.model;
      const refusable = model === 'opt-in' || model === 'opt-out' || Boolean(policy.cookies?.refusal?.trim());
      if (!needing.length || refusable) return [];
      return [
        {
          message: `${theTrackers(needing)} ${needing.length === 1 ? 'is' : 'are'} not strictly necessary, but the policy does not tell people that they may refuse ${needing.length === 1 ? 'it' : 'them'} or how`,
          path: ['cookies'],
        },
      ];
    },
  },
];
