import { isScalar, type Document, type LineCounter } from 'yaml';
import type { Point as UnistPoint } from 'unist';
import { visit } from 'unist-util-visit';
import { cacheKey, type Cache } from '../cache/cache.js';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { formatPath, locate, placeOfPath, placeOfRange } from '../load/positions.js';
import { eachString } from '../model/fields.js';
import { definitionUrls, imageAllowed, remoteImageHost, safeUrl, type ImageHosts } from '../markdown/sanitise.js';
import { markdownParser, loadMarkdownParser } from '../markdown/parser-slot.js';
import { sha256 } from '../util/hash.js';
import type { PositionedData } from './schema-rules.js';

/**
 * Warn about prose that will not come out as written: raw HTML is dropped,
 * links with unsafe targets (`javascript:`, `data:`) lose them, and images
 * from hosts not in `imageHosts` go. Each warning points at the offending
 * line inside the field where the YAML allows it.
 */
export function validateProse(input: PositionedData, imageHosts: ImageHosts = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  eachString(input.data, ({ path, value, kind }) => {
    if (kind !== 'prose' && kind !== 'text') return;
    const segments = path.map(String);
    const at = (point: UnistPoint | undefined) =>
      placeInScalar(input.yaml, input.lineCounter, input.text, segments, point) ?? placeOfPath(input.yaml, input.lineCounter, segments);
    const { rawHtml, unsafe, images } = findingsOf(value);
    if (rawHtml !== null) {
      out.push(
        diagnostic(input.path, at(rawHtml), 'prose-raw-html', 'prose', `Raw HTML in \`${formatPath(path)}\` is not published`, {
          severity: 'warning',
          hint: 'Write it in Markdown instead: `**bold**`, `_emphasis_`, `[text](https://...)`, lists with `- `.',
        }),
      );
    }
    for (const { url, point } of unsafe) {
      out.push(
        diagnostic(
          input.path,
          at(point),
          'prose-unsafe-link',
          'prose',
          `Link to \`${url.slice(0, 60)}\` in \`${formatPath(path)}\` is not published: only http, https, mailto and tel links are`,
          { severity: 'warning', hint: 'Link to an https:// address instead; the link text is kept.' },
        ),
      );
    }
    for (const { url, point } of images) {
      if (imageAllowed(url, imageHosts)) continue;
      const host = remoteImageHost(url);
      out.push(
        diagnostic(
          input.path,
          at(point),
          'prose-remote-image',
          'prose',
          `Image \`${url.slice(0, 60)}\` in \`${formatPath(path)}\` is not published: it would be loaded from ${host ? `\`${host.slice(0, 60)}\`` : 'another host'}, which sees every reader of the page`,
          {
            severity: 'warning',
            hint: host
              ? `Put the image in the project and link it with a relative path, or, if that host may see your readers, list it in \`images.allowHosts\` in \`policyc.config.json\`.`
              : 'Put the image in the project and link it with a relative path.',
          },
        ),
      );
    }
  });
  return out;
}

/** What a prose text may lose on output: where its first raw HTML is, its links with unsafe targets, and its images from other hosts (allowed or not). */
export interface ProseFindings {
  rawHtml: UnistPoint | undefined | null;
  unsafe: { url: string; point: UnistPoint | undefined }[];
  images: { url: string; point: UnistPoint | undefined }[];
}

const none: ProseFindings = { rawHtml: null, unsafe: [], images: [] };
const findings = new Map<string, ProseFindings>();

/** Whether a text can hold raw HTML or a link target of its own, and so must be parsed to know its findings (see `findingsOf`). */
const needsParse = (value: string) => /<|\]\(|\]:/.test(value);

/** The texts of a document's data that its prose checks read and must parse (see `validateProse`). */
export function proseTexts(data: unknown): string[] {
  const texts: string[] = [];
  eachString(data, ({ value, kind }) => {
    if ((kind === 'prose' || kind === 'text') && needsParse(value)) texts.push(value);
  });
  return texts;
}

/**
 * Make the findings of `texts` known before they are checked: from the cache
 * when it holds them (one entry for the set, keyed by the texts), else found
 * with the parser, loaded now, and kept there. Only texts not already known
 * in this process count.
 */
export async function prepareProse(texts: Iterable<string>, cache: Cache | undefined): Promise<void> {
  const wanted = [...new Set([...texts].filter((text) => needsParse(text) && !findings.has(text)))].sort();
  if (!wanted.length) return;
  const key = () => cacheKey('markdown-findings', sha256(JSON.stringify(wanted)));
  const kept = readFindings(cache?.get(key()), wanted.length);
  if (kept) {
    wanted.forEach((text, i) => remember(text, kept[i]!));
    return;
  }
  await loadMarkdownParser();
  const found = wanted.map(findingsOf);
  cache?.set(key(), JSON.stringify(found));
}

/** The findings a cache entry holds, when it holds one per text; a damaged entry is a miss. */
function readFindings(text: string | undefined, count: number): ProseFindings[] | undefined {
  if (text === undefined) return undefined;
  try {
    const list = JSON.parse(text) as unknown;
    return Array.isArray(list) && list.length === count ? (list as ProseFindings[]) : undefined;
  } catch {
    return undefined;
  }
}

function remember(value: string, found: ProseFindings): void {
  // Bounded, for long-running `serve` and `build --watch`.
  if (findings.size >= 20_000) findings.clear();
  findings.set(value, found);
}

/**
 * The findings of one text, parsed once however many versions and documents
 * share it. Text without `<`, `](` or `]:` can hold neither raw HTML nor a
 * link with a target of its own (bare URLs are always http, https or mailto),
 * so it is not parsed at all.
 */
export function findingsOf(value: string): ProseFindings {
  if (!needsParse(value)) return none;
  let found = findings.get(value);
  if (!found) {
    const result: ProseFindings = { rawHtml: null, unsafe: [], images: [] };
    // Loaded when findings are first not known (see `prepareProse`): a validation whose findings all come from the cache loads no parser.
    const tree = markdownParser()(value);
    const definitions = definitionUrls(tree);
    visit(tree, (node) => {
      if (node.type === 'html' && result.rawHtml === null) result.rawHtml = node.position?.start;
      const unsafe = (node.type === 'link' || node.type === 'image' || node.type === 'definition') && !safeUrl.test(node.url.trim());
      if (unsafe) result.unsafe.push({ url: node.url, point: node.position?.start });
      // An image whose target is unsafe is already reported above; `![x][ref]` loads its definition's target.
      const image = node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
      if (!unsafe && image !== undefined && safeUrl.test(image.trim()) && remoteImageHost(image) !== undefined)
        result.images.push({ url: image, point: node.position?.start });
    });
    remember(value, (found = result));
  }
  return found;
}

/**
 * The place in the file of a point inside a string value, for literal block
 * scalars (`|`, where lines map one to one) and single-line plain or quoted
 * scalars; undefined for other styles, whose line breaks the parser folds.
 */
function placeInScalar(
  doc: Document,
  lineCounter: LineCounter,
  text: string,
  segments: string[],
  point: UnistPoint | undefined,
): Place | undefined {
  const node = locate(doc, segments).node;
  if (!point || !isScalar(node) || !node.range) return undefined;
  const start = node.range[0];
  if (node.type === 'BLOCK_LITERAL') {
    const header = lineCounter.linePos(start).line;
    const contentLine = header + point.line;
    const lineOffset = lineCounter.lineStarts[contentLine - 1];
    if (lineOffset === undefined) return undefined;
    const indent = /^ */.exec(text.slice(lineOffset))?.[0].length ?? 0;
    const column = indent + point.column;
    return { start: { line: contentLine, column }, end: { line: contentLine, column: column + 1 } };
  }
  if (point.line === 1 && (node.type === 'PLAIN' || node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
    const offset = start + (node.type === 'PLAIN' ? 0 : 1) + point.column - 1;
    return placeOfRange(lineCounter, offset, offset + 1);
  }
  return undefined;
}
