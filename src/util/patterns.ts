/*
 * Whether one declared name pattern or host covers another, for the diff: a
 * cookie's `pattern` widened, a recipient's `hosts` grown. (Matching one
 * observed name or host against a declaration is src/scan/hosts.ts's job.)
 */

/**
 * True when every name `narrow` stands for is one `wide` stands for (`*` is
 * any run of characters in both): `_ga_*` covers `_ga_1*` and `_ga_x`, not
 * `_g*`. A `*` of `narrow` can only be taken up by a `*` of `wide`.
 */
export function patternCovers(wide: string, narrow: string): boolean {
  // reach[j]: `wide` read so far can stand for the first j characters of `narrow`.
  let reach = Array.from({ length: narrow.length + 1 }, (_, j) => j === 0);
  for (const w of wide) {
    const next = reach.map(() => false);
    for (let j = 0; j <= narrow.length; j++) {
      if (w === '*') next[j] = reach[j]! || (j > 0 && next[j - 1]!);
      else next[j] = j > 0 && reach[j - 1]! && narrow[j - 1] === w;
    }
    reach = next;
  }
  return reach[narrow.length]!;
}

/**
 * True when every host `narrow` names is one `wide` names: the same host, or
 * for `wide` `*.example.com`, example.com and anything under it (`*.a.example.com` too).
 */
export function hostCovers(wide: string, narrow: string): boolean {
  if (!wide.startsWith('*.')) return wide === narrow;
  const domain = wide.slice(2);
  const named = narrow.replace(/^\*\./, '');
  return named === domain || named.endsWith(`.${domain}`);
}
