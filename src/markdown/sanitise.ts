import type { Root as MdastRoot, PhrasingContent } from 'mdast';
import { visit } from 'unist-util-visit';

/** Link targets that may be published; anything else (`javascript:`, `data:`, `vbscript:`) is dropped. */
export const safeUrl = /^(https?:|mailto:|tel:|#|\/(?!\/)|\.{1,2}\/)/i;

/** Host names images may be loaded from besides the site itself (`images.allowHosts` in the config), lower-case. */
export type ImageHosts = readonly string[];

// Stands for the site when resolving an image's URL: `.invalid` never resolves, so no real image can claim it.
const siteBase = new URL('https://policy.invalid/');

/**
 * The host an image is loaded from when it is not the site's own: an image on
 * another host lets that host follow every reader (a tracking pixel). The
 * URL is resolved as a browser does (`//host`, `/\\host` and `https:` count as
 * remote); undefined for a relative image, '' for one with no host at all
 * (`mailto:`), which is never allowed.
 */
export function remoteImageHost(url: string): string | undefined {
  let resolved: URL;
  try {
    resolved = new URL(url.trim(), siteBase);
  } catch {
    return '';
  }
  return resolved.origin === siteBase.origin ? undefined : resolved.hostname;
}

/** Whether an image may be published: one of the site's own, or on an allowed host over http(s). */
export function imageAllowed(url: string, allowHosts: ImageHosts): boolean {
  const host = remoteImageHost(url);
  return host === undefined || (host !== '' && /^https?:/i.test(url.trim()) && allowHosts.includes(host));
}

/**
 * Make a parsed tree safe for every output: raw HTML is dropped, links with
 * unsafe targets keep only their text, and unsafe images (and images from
 * hosts not allowed) go.
 */
export function makeSafe(tree: MdastRoot, imageHosts: ImageHosts): void {
  const definitions = definitionUrls(tree);
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'html') {
      parent.children.splice(index, 1);
      return index;
    }
    if ((node.type === 'image' || node.type === 'definition') && !safeUrl.test(node.url.trim())) {
      parent.children.splice(index, 1);
      return index;
    }
    // Images from other hosts go (`![x][ref]` through its definition too); the definition stays for links.
    const imageUrl = node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
    if (imageUrl !== undefined && !imageAllowed(imageUrl, imageHosts)) {
      parent.children.splice(index, 1);
      return index;
    }
    if (node.type === 'link' && !safeUrl.test(node.url.trim())) {
      (parent.children as PhrasingContent[]).splice(index, 1, ...node.children);
      return index;
    }
    return undefined;
  });
  // A paragraph that held only raw HTML is now empty: drop it rather than print `<p></p>`.
  visit(tree, 'paragraph', (node, index, parent) => {
    if (parent && index !== undefined && node.children.length === 0) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
}

/** The targets of a tree's link definitions, by identifier (mdast's, already normalised; the first definition of a label wins, as in CommonMark). */
export function definitionUrls(tree: MdastRoot): Map<string, string> {
  const urls = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    if (!urls.has(node.identifier)) urls.set(node.identifier, node.url);
  });
  return urls;
}

/** Shift headings so the shallowest becomes `base` (at most h6). */
export function shiftHeadings(tree: MdastRoot, base: number): void {
  let shallowest = 7;
  visit(tree, 'heading', (node) => {
    shallowest = Math.min(shallowest, node.depth);
  });
  if (shallowest === 7) return;
  visit(tree, 'heading', (node) => {
    node.depth = Math.min(6, node.depth - shallowest + base) as typeof node.depth;
  });
}

/** Keep headings at the level written, but none above `base` (the page's title and sections own the levels above). */
export function keepHeadings(tree: MdastRoot, base: number): void {
  visit(tree, 'heading', (node) => {
    node.depth = Math.max(node.depth, base) as typeof node.depth;
  });
}
