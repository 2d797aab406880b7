import { cacheKey, type Cache } from '../cache/cache.js';
import { markdownParses, recentPieces, restorePiecesFrom } from '../markdown/normalise.js';

/**
 * Run a site's compilation with the Markdown pieces (sections, paragraphs,
 * table rows, list items, each with its normal form) that the last pages of
 * an earlier build normalised, restored from the cache on the first page that
 * is normalised, and store this run's last pages' pieces when it normalised
 * any: a build after a release renders the new version's pages, which share
 * most pieces with the version before, which the build before rendered last.
 *
 * One entry, keyed by the tool (its code, Node.js and ICU versions: what a
 * normal form is a function of); a piece is keyed inside it by its exact
 * input text. What is restored is data, never code: pairs of strings whose
 * key names a kind of piece, anything else ignored (`restorePieces`); a
 * damaged entry is a miss. The cache folder is untrusted (CI restores it),
 * but its entries verify only under this machine's key, and a wrong normal
 * form could put in a Markdown page only text that the project's own
 * templates can write there anyway (normalising re-prints Markdown, it does
 * not sanitise it), as a wrong cached page could.
 */
export function withMarkdownPieces<T>(cache: Cache | undefined, compile: () => T): T {
  if (!cache) return compile();
  const key = cacheKey('markdown-pieces');
  const before = markdownParses();
  let found: boolean | undefined;
  restorePiecesFrom(() => {
    const stored = cache.get(key);
    found = stored !== undefined;
    if (stored === undefined) return undefined;
    try {
      return JSON.parse(stored) as unknown;
    } catch {
      // A damaged entry is a miss: its pieces are normalised again.
      found = false;
      return undefined;
    }
  });
  let result: T;
  try {
    result = compile();
  } finally {
    restorePiecesFrom(undefined);
  }
  // Stored when this run parsed Markdown, or found no entry to start from (its process may have known the pieces
  // already: `serve`, the library): a build whose pages all came from the cache leaves the entry as it is.
  const after = recentPieces();
  if ((after.normalised !== before || found === false) && after.entries.length) cache.set(key, JSON.stringify(after.entries));
  return result;
}
