import type { DataCategory, Marketing, Policy, Purpose, Recipient, Right } from '../model/policy.generated.js';

/**
 * Rewrite the short forms a document may use into their general forms, so that
 * rules, pages and the diff read one shape: a recipient's `condition` becomes
 * `conditions` (`always` states no condition, so none), a category's `source`
 * becomes `sources`, a purpose's `legalBasis` becomes `legalBases`, a right's
 * `type` becomes `types` and the marketing `consent` becomes `consents` (one
 * model for everyone). A document written either way means the same, and two
 * versions that differ only in the form compare equal. Pure: returns a new value.
 */
export function normalisePolicy(policy: Policy): Policy {
  const out: Policy = { ...policy };
  out.collection = {
    ...policy.collection,
    categories: policy.collection.categories.map(normaliseCategory) as Policy['collection']['categories'],
  };
  out.purposes = { ...policy.purposes, items: policy.purposes.items.map(normalisePurpose) as Policy['purposes']['items'] };
  if (policy.sharing?.recipients) {
    out.sharing = { ...policy.sharing, recipients: policy.sharing.recipients.map(normaliseRecipient) };
  }
  if (policy.marketing) out.marketing = normaliseMarketing(policy.marketing);
  if (policy.rights) {
    out.rights = { ...policy.rights, items: policy.rights.items.map(normaliseRight) as NonNullable<Policy['rights']>['items'] };
  }
  return out;
}

function normaliseCategory(category: DataCategory): DataCategory {
  return category.source === undefined ? category : replaceKey(category, 'source', 'sources', [{ type: category.source }]);
}

function normalisePurpose(purpose: Purpose): Purpose {
  return purpose.legalBasis === undefined ? purpose : replaceKey(purpose, 'legalBasis', 'legalBases', [purpose.legalBasis]);
}

function normaliseRecipient(recipient: Recipient): Recipient {
  const { condition } = recipient;
  if (condition === undefined) return recipient;
  return replaceKey(recipient, 'condition', 'conditions', condition === 'always' ? undefined : [{ basis: condition }]);
}

function normaliseMarketing(marketing: Marketing): Marketing {
  return marketing.consent === undefined ? marketing : replaceKey(marketing, 'consent', 'consents', [{ model: marketing.consent }]);
}

function normaliseRight(right: Right): Right {
  return right.type === undefined ? right : replaceKey(right, 'type', 'types', [right.type]);
}

/**
 * The object with `from` replaced by `to` at the same place among its keys
 * (the diff lists a changed entity's fields in that order), or dropped when
 * the new value is undefined.
 */
function replaceKey<T extends object>(object: T, from: string, to: string, value: unknown): T {
  const entries = Object.entries(object).flatMap(([key, v]): [string, unknown][] =>
    key !== from ? [[key, v]] : value === undefined ? [] : [[to, value]],
  );
  return Object.fromEntries(entries) as T;
}
