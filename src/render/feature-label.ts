import type { Policy } from '../model/policy.generated.js';

type Feature = NonNullable<Policy['features']>['items'][number];

/**
 * The label of the features a recipient's sharing depends on, saying no more
 * than their defaults do: "Only when you use" when every one of them is
 * started by the person (`user-initiated`), "Only when you turn on" when every
 * one is off until the person turns it on (`opt-in`, `off`), else the neutral
 * "Feature(s)": a feature on by default (crash reports) shares data whether or
 * not the person does anything. A locale key of the `facts` group.
 */
export function recipientFeaturesKey(ids: readonly string[] | undefined, features: readonly Feature[] | undefined): string {
  const defaults = (ids ?? []).map((id) => features?.find((f) => f.id === id)?.default);
  if (defaults.length && defaults.every((d) => d === 'user-initiated')) return 'onlyWhenUsed';
  if (defaults.length && defaults.every((d) => d === 'opt-in' || d === 'off')) return 'onlyWhenOn';
  return featuresKey(ids);
}

/** The neutral label of a list of features, by how many there are. */
export function featuresKey(ids: readonly string[] | undefined): string {
  return (ids?.length ?? 0) > 1 ? 'features' : 'feature';
}
