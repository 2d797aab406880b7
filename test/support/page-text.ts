// The text a reader sees on a built page, for tests that look for facts in it.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text a reader sees on an HTML page (and the link targets they can follow). */
export function htmlText(html: string): string {
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    // Inline elements join the text around them ("<a>x</a>;" reads "x;"); every other tag separates words.
    .replace(/<\/?(a|abbr|b|bdi|cite|code|del|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)(\s[^>]*)?>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) =>
      code.startsWith('#x')
        ? String.fromCodePoint(parseInt(code.slice(2), 16))
        : code.startsWith('#')
          ? String.fromCodePoint(Number(code.slice(1)))
          : (entities[code] ?? whole),
    );
  return `${text} ${hrefs.join(' ')}`.replace(/\s+/g, ' ');
}

/** The text a reader sees in rendered Markdown (and the link targets). */
export function markdownText(markdown: string): string {
  const parts: string[] = [];
  const urls: string[] = [];
  visit(unified().use(remarkParse).use(remarkGfm).parse(markdown), (node) => {
    // Raw HTML (an anchor) is markup, not text.
    if (node.type !== 'html' && 'value' in node && typeof node.value === 'string') parts.push(node.value);
    if (node.type === 'link') urls.push(node.url);
    if (node.type === 'paragraph' || node.type === 'tableCell' || node.type === 'listItem') parts.push(' ');
  });
  return `${parts.join('')} ${urls.join(' ')}`.replace(/\s+/g, ' ');
}
