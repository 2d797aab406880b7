import { fill } from '../model/messages.js';
import type { BuiltinSection } from '../model/sections.js';
import { formatMoney } from './intl-format.js';
import { collectionDetails, retentionView } from './collection-details.js';
import { cookiesDetails } from './cookie-details.js';
import { contactMarkdown } from './contact-link.js';
import { countryList, enumList, facts, inline, link, literal, markdownList, mentions, refs } from './facts.js';
import { featuresKey } from './feature-label.js';
import { sharingDetails } from './sharing-details.js';
import type { ViewContext } from './section-views.js';

type Details = (context: ViewContext) => Record<string, unknown>;

/**
 * What a built-in section's partial receives besides the section itself:
 * anchors, links between entities, and each entity's structured facts
 * (`facts`: label and value, in the locale's words), so that every field of
 * the document reaches the page and no label says more than the document.
 */
export const sectionDetails: Partial<Record<BuiltinSection, Details>> = {
  scope: ({ policy, doc, writer }) => ({
    items: (policy.scope?.items ?? []).map((item, i) => ({
      ...doc.scope!.items![i],
      anchor: `scope-${item.id}`,
      facts: facts(writer, [
        ['type', writer.t('facts', 'type'), enumList(writer, 'scopeType', item.type ? [item.type] : undefined)],
        ['platforms', writer.t('facts', 'platforms'), enumList(writer, 'platform', item.platforms)],
        ['link', writer.t('facts', 'link'), item.url && link(item.url, item.url)],
      ]),
    })),
    exclusions: (policy.scope?.exclusions ?? []).map((item, i) => ({
      ...doc.scope!.exclusions![i],
      anchor: `exclusion-${item.id}`,
      facts: facts(writer, [
        [
          'governedBy',
          writer.t('facts', 'governedBy'),
          item.governedBy && (item.url ? `${item.governedBy} (${link(item.url, item.url)})` : item.governedBy),
        ],
        ['link', writer.t('facts', 'link'), !item.governedBy && item.url ? link(item.url, item.url) : undefined],
      ]),
    })),
  }),
  collection: collectionDetails,
  purposes: ({ policy, doc, writer, categoryRefs }) => ({
    items: policy.purposes.items.map((purpose, i) => ({
      ...doc.purposes.items[i],
      anchor: `purpose-${purpose.id}`,
      // Nothing when the purpose states no legal basis (US policies do not): no empty "(Legal basis: )".
      legalBasisLabel: purpose.legalBases?.length ? inline(writer, enumList(writer, 'legalBasis', purpose.legalBases)!) : undefined,
      categories: categoryRefs(purpose.categories),
      facts: facts(writer, [
        ['features', writer.t('facts', featuresKey(purpose.features)), refs(writer, 'feature', purpose.features, policy.features?.items)],
      ]),
    })),
  }),
  features: ({ policy, doc, writer, categoryRefs }) => ({
    items: (policy.features?.items ?? []).map((feature, i) => ({
      ...doc.features!.items[i],
      anchor: `feature-${feature.id}`,
      categories: categoryRefs(feature.categories),
      facts: facts(writer, [
        ['default', writer.t('facts', 'default'), enumList(writer, 'featureDefault', feature.default ? [feature.default] : undefined)],
        ['platforms', writer.t('facts', 'platforms'), enumList(writer, 'platform', feature.platforms)],
        ['regions', writer.t('facts', 'regions'), enumList(writer, 'jurisdiction', feature.regions)],
        ['processing', writer.t('facts', 'processing'), enumList(writer, 'processing', feature.processing)],
        ['elements', writer.t('facts', 'elements'), markdownList(writer, feature.elements ?? [])],
        ['purposes', writer.t('facts', 'purposes'), refs(writer, 'purpose', feature.purposes, policy.purposes.items)],
        ['sharedWith', writer.t('facts', 'sharedWith'), refs(writer, 'recipient', feature.recipients, policy.sharing?.recipients)],
        ['controls', writer.t('facts', 'controls'), refs(writer, 'control', feature.controls, policy.controls?.items)],
      ]),
    })),
  }),
  sharing: sharingDetails,
  marketing: ({ policy, doc, writer, contactById }) => ({
    facts: facts(writer, [
      ['consentModel', writer.t('facts', 'consentModel'), marketingConsents(writer, policy.marketing!.consents)],
      ['channels', writer.t('facts', 'channels'), enumList(writer, 'marketingChannel', policy.marketing!.channels)],
    ]),
    optOut: {
      ...doc.marketing!.optOut,
      contact: policy.marketing!.optOut.contact ? contactById.get(policy.marketing!.optOut.contact) : undefined,
    },
  }),
  cookies: cookiesDetails,
  signals: ({ policy, doc, writer }) => ({
    items: (policy.signals?.items ?? []).map((signal, i) => ({
      ...doc.signals!.items[i],
      anchor: `signal-${signal.id}`,
      name: signal.name === undefined ? inline(writer, literal(writer.enumText('signal', signal.signal))) : doc.signals!.items[i]!.name,
      facts: facts(writer, [
        ['response', writer.t('facts', 'response'), enumList(writer, 'signalResponse', [signal.response])],
        ['effect', writer.t('facts', 'effect'), signal.effect],
      ]),
    })),
  }),
  transfers: ({ policy, doc, writer, label }) => ({
    items: policy.transfers!.items.map((transfer, i) => ({
      ...doc.transfers!.items[i],
      anchor: `transfer-${transfer.id}`,
      certification: transfer.certification && {
        ...doc.transfers!.items[i]!.certification,
        showUrl: !mentions(transfer.certification.statement, transfer.certification.url),
      },
      mechanisms: transfer.mechanisms.map((m) => ({ id: m, label: label('mechanism', m) })),
      facts: facts(writer, [
        [
          'origin',
          writer.t('facts', 'origin'),
          enumList(
            writer,
            'jurisdiction',
            transfer.origin?.filter((o) => o !== 'other'),
          ),
        ],
        // The destination country, unless the destination already names it.
        [
          'country',
          writer.t('facts', 'country'),
          transfer.country && !namesCountry(transfer.destination, transfer.country, writer.locale)
            ? countryList(writer, [transfer.country])
            : undefined,
        ],
        ['derogation', writer.t('facts', 'derogation'), transfer.derogation],
      ]),
    })),
  }),
  retention: ({ policy, writer }) => ({
    default: policy.retention?.default && retentionView(policy.retention.default, writer),
  }),
  security: ({ policy, writer }) => ({
    facts: facts(writer, [
      ['measures', writer.t('facts', 'measures'), enumList(writer, 'securityMeasure', policy.security?.measures)],
      ['contact', writer.t('facts', 'securityContact'), contactMarkdown(policy, policy.security?.contact, roleText(writer))],
    ]),
  }),
  children: ({ policy, doc, writer }) => {
    const children = policy.children!;
    const yesNo = (value: boolean | undefined) => (value === undefined ? undefined : literal(writer.t('facts', value ? 'yes' : 'no')));
    return {
      facts: facts(writer, [
        ['minimumAge', writer.t('facts', 'minimumAge'), children.minimumAge === undefined ? undefined : String(children.minimumAge)],
        ['directed', writer.t('facts', 'directed'), yesNo(children.directed)],
        ['knowinglyCollects', writer.t('facts', 'knowinglyCollects'), yesNo(children.knowinglyCollects)],
        ['retention', writer.t('facts', 'childrenRetention'), children.retention && retentionView(children.retention, writer).markdown],
        ['contact', writer.t('facts', 'parentsContact'), contactMarkdown(policy, children.contact, roleText(writer))],
      ]),
      parentalConsent: children.parentalConsent && {
        ...doc.children!.parentalConsent,
        title: writer.format.convert(
          children.parentalConsent.age === undefined
            ? writer.t('facts', 'parentalConsent')
            : fill(writer.t('facts', 'parentalConsentUnder'), { age: String(children.parentalConsent.age) }),
          'plain',
        ),
      },
    };
  },
  certifications: ({ policy, doc }) => ({
    items: policy.certifications!.items.map((cert, i) => ({
      ...doc.certifications!.items[i],
      anchor: `certification-${cert.id}`,
      dispute: cert.dispute && {
        ...doc.certifications!.items[i]!.dispute,
        showUrl: !mentions(cert.dispute.description, cert.dispute.url),
      },
    })),
  }),
  rights: rightsDetails,
  controls: ({ policy, doc, writer }) => ({
    items: (policy.controls?.items ?? []).map((control, i) => ({
      ...doc.controls!.items[i],
      anchor: `control-${control.id}`,
      facts: facts(writer, [
        ['type', writer.t('facts', 'type'), enumList(writer, 'controlType', control.type ? [control.type] : undefined)],
        ['location', writer.t('facts', 'location'), control.location],
        ['platforms', writer.t('facts', 'platforms'), enumList(writer, 'platform', control.platforms)],
        ['link', writer.t('facts', 'link'), control.url && link(control.url, control.url)],
      ]),
    })),
  }),
  governmentRequests: ({ policy, writer }) => {
    const requests = policy.governmentRequests!;
    return {
      facts: facts(writer, [
        ['threshold', writer.t('facts', 'threshold'), requests.threshold],
        [
          'userNotice',
          writer.t('facts', 'userNotice'),
          enumList(writer, 'userNotice', requests.userNotice ? [requests.userNotice] : undefined),
        ],
        [
          'transparencyReport',
          writer.t('facts', 'transparencyReport'),
          requests.transparencyReport && link(requests.transparencyReport, requests.transparencyReport),
        ],
      ]),
    };
  },
  changes: ({ policy, label, writer }) => ({
    channels: (policy.changes!.channels ?? []).map((n) => label('notification', n)),
    history: policy.changes!.history && inline(writer, link(writer.t('changes', 'history'), policy.changes!.history)),
  }),
  contacts: ({ policy, contactById }) => ({ items: policy.contacts.items.map((contact) => contactById.get(contact.id)) }),
};

/** Whether a text names a country (its name in the locale, or in English), so that the page need not name it again. */
function namesCountry(text: string, code: string, locale: string): boolean {
  const names = [locale, 'en'].map((tag) => new Intl.DisplayNames([tag], { type: 'region' }).of(code) ?? code);
  return names.some((name) => text.toLocaleLowerCase().includes(name.toLocaleLowerCase()));
}

/** A contact role's label, for a link to the contact in the contacts section. */
const roleText = (writer: ViewContext['writer']) => (role: string) => writer.enumText('role', role);

/** How people agree to marketing, each model with the audience it is for, in the author's words. */
function marketingConsents(writer: ViewContext['writer'], consents: NonNullable<ViewContext['policy']['marketing']>['consents']) {
  const entries = (consents ?? []).map(({ model, audience }) => {
    const label = literal(writer.enumText('marketingConsent', model));
    return audience === undefined ? label : fillMarkdown(writer.t('marketing', 'consentFor'), { model: label, audience });
  });
  return entries.length ? entries.join(writer.t('punctuation', 'semicolon')) : undefined;
}

/** A locale message as inline Markdown, its words escaped and its `{name}` placeholders filled with inline Markdown. */
function fillMarkdown(template: string, values: Readonly<Record<string, string>>): string {
  return template
    .split(/(\{\w+\})/)
    .map((part) => values[part.slice(1, -1)] ?? literal(part))
    .join('');
}

function rightsDetails({ policy, doc, writer, labels, plain, contactById }: ViewContext): Record<string, unknown> {
  const rights = policy.rights!;
  const exercising = rights.exercising;
  return {
    items: rights.items.map((right, i) => ({
      ...doc.rights!.items[i],
      anchor: `right-${right.id}`,
      title: right.title ? doc.rights!.items[i]!.title : labels('right', right.types),
      contact: right.contact ? contactById.get(right.contact) : undefined,
      fee: right.fee && {
        ...doc.rights!.items[i]!.fee,
        display: plain(formatMoney(right.fee.amount, right.fee.currency, policy.locale)),
      },
      facts: facts(writer, [
        // A right with a title of its own still says which rights it is.
        ['types', writer.t('facts', 'rights'), right.title === undefined ? undefined : enumList(writer, 'right', right.types)],
        ['regions', writer.t('facts', 'rightRegions'), enumList(writer, 'jurisdiction', right.regions)],
      ]),
    })),
    exercising: exercising && {
      ...doc.rights!.exercising,
      methods: exercisingMethods(exercising.methods, contactById, writer.semicolon),
      facts: facts(writer, [
        ['responseTime', writer.t('rights', 'responseTime'), exercising.responseTime],
        ['metrics', writer.t('rights', 'metrics'), exercising.metrics && link(exercising.metrics, exercising.metrics)],
      ]),
      // Deadlines that differ by region, each under the regions it applies to.
      deadlines: (exercising.deadlines ?? []).map((deadline, i) => ({
        regions: inline(writer, enumList(writer, 'jurisdiction', deadline.regions) ?? ''),
        description: doc.rights!.exercising!.deadlines![i]!.description,
        facts: facts(writer, [
          ['responseTime', writer.t('rights', 'responseTime'), deadline.responseTime],
          ['appealResponseTime', writer.t('rights', 'appealResponseTime'), deadline.appealResponseTime],
        ]),
      })),
    },
  };
}

/** The contacts requests go to, each with what a template writes after it: a semicolon when a contact's ways are a list of their own. */
function exercisingMethods(ids: readonly string[] | undefined, contactById: ViewContext['contactById'], semicolon: string) {
  const contacts = (ids ?? []).map((id) => contactById.get(id)).filter((contact) => contact !== undefined);
  // A contact's ways are joined with commas and "or": between contacts, a semicolon keeps them apart.
  const several = contacts.some((contact) => contact.reachWays > 1 || (contact.reachMarkdown ?? '').includes(','));
  return contacts.map((contact, i) => ({ ...contact, separator: i === contacts.length - 1 ? '' : several ? semicolon : ', ' }));
}
