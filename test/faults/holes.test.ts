// Smaller holes: an e-mail address that smuggles mailto: headers, images that let another host follow every
// reader, and URL fields long enough to blow a build up. (SMTP credentials: test/notify.test.ts; the preview's
// Host check: test/serve.test.ts.)
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import { build, release, validate } from '../../src/index.js';
import { definitionUrls, remoteImageHost } from '../../src/markdown/sanitise.js';
import { parseMarkdown } from '../../src/markdown/prose.js';
import { plainEmail } from '../../src/validate/schema-rules.js';
import { copySample, editFile } from '../support/project.js';

/** The 1-based line of the first line of `file` that contains `text`. */
function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`not in the file: ${text}`);
  return index + 1;
}

describe('e-mail addresses', () => {
  // `mailto:dpo?bcc=x@evil.test` writes to `dpo` and copies every reader's message to x@evil.test.
  it.each(['dpo?bcc=x@evil.test', 'dpo@example.com?bcc=x@evil.test', 'dpo&cc=x@evil.test', 'dpo%3Fbcc=x@evil.test'])(
    'refuses %s (mailto: headers) at its line and column',
    async (address) => {
      const dir = copySample();
      const file = path.join(dir, 'policy/privacy.yaml');
      editFile(file, 'email: dpo@smartfocus.com', `email: ${address}`);
      const result = await validate({ cwd: dir, noRules: true, cache: false });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => [d.ruleId, `${d.file}:${d.line}:${d.column}`, d.message])).toEqual([
        [
          'schema-format',
          `policy/privacy.yaml:${lineOf(file, address)}:14`,
          `\`${address}\` is not an e-mail address (\`contacts.items[3].email\`)`,
        ],
      ]);
    },
  );

  it('accepts plain addresses only', () => {
    for (const good of ['privacy@example.com', 'first.last+tag@sub.example.co.uk', "o'brien@example.ie", 'dpo_2@xn--bcher-kva.example'])
      expect(plainEmail.test(good), good).toBe(true);
    const bad = [
      'dpo@example.com?bcc=x@evil.test',
      'dpo@example.com&cc=x@evil.test',
      'dpo=x@example.com',
      'dpo%40evil.test@example.com',
      'mailto:dpo@example.com',
      'dpo#@example.com',
      'd po@example.com',
      'dpo@example.com ',
      '.dpo@example.com',
      'dpo..x@example.com',
      'dpo@localhost',
      'dpo@-example.com',
      'dpo@exa_mple.com',
      `${'a'.repeat(65)}@example.com`,
    ];
    for (const address of bad) expect(plainEmail.test(address), address).toBe(false);
  });
});

describe('images from other hosts', () => {
  const tracker = 'https://tracker.example/p.gif';
  const cdn = 'https://cdn.example.com/logo.png';
  const intro = `  ![pixel](${tracker}) ![logo](${cdn}) ![local](./assets/seal.png) ![by reference][pixel] ![slashes](/\\tracker.example/s.gif)\n\n  [pixel]: https://tracker.example/r.gif\n`;

  /** The sample with remote images in the introduction (block prose) and a cookie's purpose (one-line text), released as 2.1.0. */
  async function project(): Promise<{ dir: string; file: string }> {
    const dir = copySample();
    const file = path.join(dir, 'policy/privacy.yaml');
    editFile(file, 'version: 2.0.0', 'version: 2.1.0');
    editFile(file, 'effective: 2027-01-01', 'effective: 2027-06-01');
    editFile(
      file,
      '  SmartFocus is committed to protecting and respecting your privacy.\n',
      `  SmartFocus is committed to protecting and respecting your privacy.\n\n${intro}`,
    );
    editFile(
      file,
      'purpose: Enables us to store a unique identifier for your session',
      `purpose: Enables us to store a unique identifier for your session ![t](${tracker}?c=1)`,
    );
    return { dir, file };
  }

  /** The images a built file would load from another host: `<img src>` in HTML (and in the feed's escaped HTML), images in Markdown. */
  function remoteImagesIn(file: string, content: string): string[] {
    const found: string[] = [];
    if (/\.(html|xml|eml)$/.test(file)) {
      const html = content
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '=')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      for (const [, src] of html.matchAll(/<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi))
        if (remoteImageHost(src!) !== undefined) found.push(src!);
    }
    if (file.endsWith('.md')) {
      const tree = parseMarkdown(content);
      const definitions = definitionUrls(tree);
      visit(tree, (node) => {
        const url = node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
        if (url !== undefined && remoteImageHost(url) !== undefined) found.push(url);
      });
    }
    return found.map((src) => `${file}: ${src}`);
  }

  const config = (dir: string, allowHosts?: string[]) =>
    allowHosts
      ? writeFileSync(path.join(dir, 'policyc.config.json'), JSON.stringify({ images: { allowHosts } }))
      : rmSync(path.join(dir, 'policyc.config.json'), { force: true });

  it('warns at each one, unless its host is allowed', async () => {
    const { dir, file } = await project();
    const warnings = async () =>
      (await validate({ cwd: dir, noRules: true, cache: false })).diagnostics
        .filter((d) => d.ruleId === 'prose-remote-image')
        .map((d) => `${d.line}:${d.column} ${d.message}`);
    // line:column of each image, as written in the file.
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = (image: string) => {
      const line = lines.findIndex((l) => l.includes(image));
      return `${line + 1}:${lines[line]!.indexOf(image) + 1}`;
    };
    const seen = (image: string, url: string, field: string, host: string) =>
      `${at(image)} Image \`${url}\` in \`${field}\` is not published: it would be loaded from \`${host}\`, which sees every reader of the page`;
    const pixel = seen('![pixel]', tracker, 'introduction', 'tracker.example');
    const logo = seen('![logo]', cdn, 'introduction', 'cdn.example.com');
    const byReference = seen('![by reference]', 'https://tracker.example/r.gif', 'introduction', 'tracker.example');
    const slashes = seen('![slashes]', '/\\tracker.example/s.gif', 'introduction', 'tracker.example');
    const inText = seen('![t]', `${tracker}?c=1`, 'cookies.items[0].purpose', 'tracker.example');
    expect(await warnings()).toEqual([pixel, logo, byReference, slashes, inText]);
    config(dir, ['cdn.example.com']);
    expect(await warnings()).toEqual([pixel, byReference, slashes, inText]);
    config(dir, ['https://cdn.example.com/']);
    const refused = (await validate({ cwd: dir, noRules: true, cache: false })).diagnostics.filter((d) => d.ruleId === 'config-invalid');
    expect(refused.map((d) => d.message)).toEqual([
      '`images.allowHosts` lists `https://cdn.example.com/`, which is not a lower-case host name such as `cdn.example.com` (no scheme, port or path)',
    ]);
  });

  it('are left out of every page, Markdown file and e-mail built, whatever the cache holds', async () => {
    const { dir } = await project();
    const released = await release({ cwd: dir, today: '2026-12-01', allowUntranslated: true, cache: false });
    expect(released.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const site = async (out: string) => {
      const built = await build({ cwd: dir, out, date: '2027-07-01', drafts: true, cache: '.policyc-cache' });
      expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const files = new Map(built.written.map((f) => [f, readFileSync(path.join(dir, out, f), 'latin1')]));
      const remote = [...files].flatMap(([f, content]) => remoteImagesIn(f, content));
      return { files, remote };
    };

    const plain = await site('dist');
    expect([...plain.files.keys()].some((f) => f.includes('/notify/') && f.endsWith('email.html'))).toBe(true);
    expect(plain.remote).toEqual([]);
    expect(plain.files.get('privacy/v/2.1.0/index.html')).toContain('<img src="./assets/seal.png" alt="local">');
    expect(plain.files.get('privacy/v/2.1.0/index.md')).toContain('![local](./assets/seal.png)');

    // Allowed by the config: the page of the same released version now shows it, though the cache holds it without.
    config(dir, ['cdn.example.com']);
    const allowed = await site('dist-allowed');
    expect(allowed.remote.filter((image) => !image.includes(cdn))).toEqual([]);
    expect(allowed.files.get('privacy/v/2.1.0/index.html')).toContain(`<img src="${cdn}" alt="logo">`);
    expect(allowed.files.get('privacy/v/2.1.0/index.md')).toContain(`![logo](${cdn})`);

    // And out again when the host is no longer listed.
    config(dir);
    expect((await site('dist-again')).remote).toEqual([]);
  }, 120_000);
});

describe('URL and e-mail fields', () => {
  it('refuse a URL longer than 2,048 characters, at its line', async () => {
    const dir = copySample();
    const file = path.join(dir, 'policy/privacy.yaml');
    editFile(file, 'url: https://ico.org.uk/', `url: https://ico.org.uk/${'a'.repeat(3000)}`);
    editFile(file, 'email: dpo@smartfocus.com', `email: ${'d'.repeat(64)}@${'e'.repeat(63)}.${'f'.repeat(63)}.${'g'.repeat(63)}.example`);
    const result = await validate({ cwd: dir, noRules: true, cache: false });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['schema-max-length', lineOf(file, 'email: ddd'), '`contacts.items[3].email` is too long (at most 254 characters)'],
      ['schema-max-length', lineOf(file, 'url: https://ico.org.uk/aaa'), '`contacts.items[4].url` is too long (at most 2048 characters)'],
    ]);
  });
});
