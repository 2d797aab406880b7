// Prose fields go through unified: Markdown in, sanitized HTML and normalised Markdown out.
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, normaliseMarkdown, proseToHtml, proseToMarkdown, proseToPlainText } from '../src/render/prose.js';

describe('prose to HTML', () => {
  it('renders Markdown blocks and inline text', () => {
    expect(proseToHtml('Hello **world**.\n\n- one\n- two', 'prose')).toBe('<p>Hello <strong>world</strong>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(proseToHtml('see [our terms](https://example.com/terms)', 'text')).toBe('see <a href="https://example.com/terms">our terms</a>');
  });

  it('autolinks e-mail addresses and URLs (GFM)', () => {
    expect(proseToHtml('write to info@example.com', 'text')).toBe('write to <a href="mailto:info@example.com">info@example.com</a>');
  });

  it('leaves scripts, raw HTML, event handlers and javascript: links inert', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '<svg onload=alert(1)>',
      '![x](javascript:alert(1))',
      '<iframe src="https://evil.example"></iframe>',
    ].join('\n\n');
    const html = proseToHtml(hostile, 'prose');
    expect(html).not.toMatch(/<script|<img[^>]*onerror|<svg|<iframe|javascript:|onload=/i);
    expect(html).toBe('<p>click</p>\n<p>x</p>');
  });

  it('takes a one-line text literally when it is not a paragraph', () => {
    expect(proseToHtml('1. first', 'text')).toBe('1. first');
    expect(proseToHtml('# not a heading', 'text')).toBe('# not a heading');
  });

  it('shifts prose headings below the section headings (h3 and deeper)', () => {
    expect(proseToHtml('# Title\n\n## Sub', 'prose')).toBe('<h3>Title</h3>\n<h4>Sub</h4>');
  });
});

describe('prose to Markdown', () => {
  it('normalises the Markdown', () => {
    expect(proseToMarkdown('Hello  *world*\n\n* one\n* two', 'prose')).toBe('Hello  _world_\n\n- one\n- two');
  });

  it('escapes plain strings so Markdown shows them literally', () => {
    expect(normaliseMarkdown(`${escapeMarkdown('__ar_v4 | *x* [y](z)')}\n`)).toBe('\\_\\_ar_v4 | \\*x\\* \\[y]\\(z)\n');
  });

  it('gives the plain text of a field', () => {
    expect(proseToPlainText('**Bold** and [link](https://x.example)', 'text')).toBe('Bold and link');
  });
});
