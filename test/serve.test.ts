// `policyc serve` and `policyc build --watch`: rebuilds on change, keeps the last good build on errors.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../src/project/build.js';
import type { SiteFiles } from '../src/publish/site.js';
import { contentTypeOf, sitePath } from '../src/serve/http.js';
import { RebuildLoop } from '../src/serve/rebuild-loop.js';
import { watchTargets } from '../src/serve/watch-targets.js';
import { withLiveReload } from '../src/serve/live-reload.js';
import { serve } from '../src/serve/serve.js';
import { watch } from '../src/serve/watch.js';
import { buildEvents } from '../bench/sse.mjs';
import { root } from './support/fixtures.js';
import { copySample, snapshotTree, tempDir } from './support/project.js';

/** Fail instead of hanging when a rebuild never comes. */
function within<T>(promise: Promise<T>, label: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${label}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A request sent exactly as written: fetch() would normalise `/../` away. */
function rawGet(url: string, pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { path: pathname, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(5_000, () => req.destroy(new Error('request timed out')));
    req.end();
  });
}

/** An open event stream: its response, and the data of each `build` event in turn. */
function events(base: string): Promise<{ response: IncomingMessage; next(): Promise<string> }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL('/__policyc/events', base), (response) => {
      const { next } = buildEvents(response);
      resolve({ response, next: () => next() });
    });
    req.on('error', reject);
    req.end();
  });
}

async function get(base: string, pathname: string, init?: RequestInit) {
  const response = await within(fetch(new URL(pathname, base), { redirect: 'manual', ...init }), `GET ${pathname}`);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    location: response.headers.get('location'),
    body: await response.text(),
  };
}

const oldPurpose = 'Enables us to measure and improve our advertising on Facebook and Instagram';
const newPurpose = 'Measures how well our adverts on Meta platforms work (edited in the preview)';
/** A duplicate key: the YAML itself is broken. */
const breakYaml = (text: string) => text.replace('title: Privacy & Cookies Policy\n', 'title: Privacy & Cookies Policy\ntitle: Again\n');

/** Write a file of a templates folder, making the folders it needs. */
function writeTemplate(cwd: string, name: string, content: string): void {
  const target = path.join(cwd, 'templates', name);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
}

let open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.map((p) => p.close()));
  open = [];
});

describe('policyc serve', () => {
  it('serves the site, rebuilds on change, and keeps the last good pages with an error panel while the YAML is broken', async () => {
    const cwd = copySample();
    const file = path.join(cwd, 'policy/privacy.yaml');
    const original = readFileSync(file, 'utf8');
    const lines: string[] = [];
    const preview = await serve({ cwd, port: 0, date: '2027-06-01' }, (line) => lines.push(line));
    open.push(preview);
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(lines[0]).toMatch(/^built: \d+ files(, \d+ warnings?)?$/);
    expect(lines[1]).toBe(`serving ${preview.url}`);
    expect(preview.state()).toMatchObject({ ok: true, generation: 1 });

    const page = await get(preview.url, '/privacy/index.html');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('Privacy &amp; Cookies Policy');
    expect(page.body).toContain(oldPurpose);
    expect(page.body).toContain('2.0.0');
    expect(page.body).not.toContain('policyc-diagnostics');

    // An edit to the working document: it now differs from release 2.0.0, so it shows as the draft.
    writeFileSync(file, original.replace(oldPurpose, newPurpose));
    const edited = await within(preview.rebuilt(), 'the rebuild after an edit');
    expect(edited).toMatchObject({ ok: true, generation: 2 });
    expect(edited.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(lines.at(-1)).toMatch(new RegExp(`^rebuilt: ${edited.files.size} files(, \\d+ warnings?)?$`));
    const draft = await get(preview.url, '/privacy/draft/index.html');
    expect(draft.status).toBe(200);
    expect(draft.body).toContain(newPurpose);
    expect(draft.body).not.toContain('policyc-diagnostics');

    // Broken YAML: the last good pages stay, under a panel naming the problem.
    writeFileSync(file, breakYaml(original.replace(oldPurpose, newPurpose)));
    const broken = await within(preview.rebuilt(), 'the rebuild after breaking the YAML');
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics.map((d) => d.ruleId)).toContain('yaml-duplicate-key');
    expect(lines.at(-1)).toMatch(/^errors: \d+ \(showing the last good build\)$/);
    const stale = await get(preview.url, '/privacy/draft/index.html');
    expect(stale.status).toBe(200);
    expect(stale.body).toContain(newPurpose);
    expect(stale.body).toMatch(/<body>\n<div role="alert" class="policyc-diagnostics"/);
    expect(stale.body).toContain('yaml-duplicate-key');
    expect(stale.body).toMatch(/policy\/privacy\.yaml:\d+:\d+/);
    // Non-HTML files are served as they were, without a panel.
    const markdown = await get(preview.url, '/privacy/draft/index.md');
    expect(markdown.type).toBe('text/markdown; charset=utf-8');
    expect(markdown.body).not.toContain('policyc-diagnostics');
    // A page missing from the last good build shows the diagnostics.
    const missing = await get(preview.url, '/privacy/v/9.9.9/index.html');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('yaml-duplicate-key');

    // Fixed: the panel is gone.
    writeFileSync(file, original);
    const fixed = await within(preview.rebuilt(), 'the rebuild after fixing the YAML');
    expect(fixed.ok).toBe(true);
    const clean = await get(preview.url, '/privacy/index.html');
    expect(clean.body).not.toContain('policyc-diagnostics');
    expect(clean.body).toContain(oldPurpose);
    // The working copy equals 2.0.0 again: no draft.
    expect((await get(preview.url, '/privacy/draft/index.html')).status).toBe(404);

    // Nothing outside the site is reachable.
    for (const attempt of [
      '/../package.json',
      '/privacy/../../package.json',
      '/%2e%2e/package.json',
      '/privacy/..%2f..%2fpackage.json',
      '/..\\package.json',
      '/privacy/%00',
    ]) {
      const r = await rawGet(preview.url, attempt);
      expect([400, 404], attempt).toContain(r.status);
      expect(r.body, attempt).not.toContain('"devDependencies"');
    }
    await preview.close();
    await expect(fetch(preview.url)).rejects.toThrow();
  });

  it('serves each file type with its Content-Type, index.html for folders, and a 404 page otherwise', async () => {
    const preview = await serve({ cwd: copySample(), port: 0, date: '2027-06-01' });
    open.push(preview);
    const { files } = preview.state();
    expect(files.has('index.html')).toBe(true);
    const types: [string, string][] = [
      ['/', 'text/html; charset=utf-8'],
      ['/privacy/', 'text/html; charset=utf-8'],
      ['/privacy/index.md', 'text/markdown; charset=utf-8'],
      ['/assets/policy.css', 'text/css; charset=utf-8'],
      ['/privacy/policy.json', 'application/json; charset=utf-8'],
      ['/privacy/feed.xml', 'application/atom+xml; charset=utf-8'],
      ['/privacy/policy.jsonld', 'application/ld+json; charset=utf-8'],
      ['/privacy/CHANGELOG.md', 'text/markdown; charset=utf-8'],
      ['/assets/fragment.css', 'text/css; charset=utf-8'],
      ['/__policyc/live.js', 'text/javascript; charset=utf-8'],
      ['/privacy/notify/1.0.0...2.0.0/subject.txt', 'text/plain; charset=utf-8'],
      ['/privacy/notify/1.0.0...2.0.0/email.eml', 'message/rfc822'],
    ];
    for (const [pathname, type] of types) {
      const r = await get(preview.url, pathname, { method: 'HEAD' });
      expect(r.status, pathname).toBe(200);
      expect(r.type, pathname).toBe(type);
    }
    // Every file the build makes has a type of its own, except the output folder's marker, which is bytes.
    for (const file of files.keys()) {
      const r = await fetch(new URL(file, preview.url), { method: 'HEAD' });
      expect(r.headers.get('x-content-type-options'), file).toBe('nosniff');
      expect(r.headers.get('content-type'), file).toBe(file.endsWith('.policyc-output') ? 'application/octet-stream' : contentTypeOf(file));
      if (!file.endsWith('.policyc-output')) expect(r.headers.get('content-type'), file).not.toBe('application/octet-stream');
    }
    // Pages are the build's, with the live-reload tag added in the preview only.
    const version = /data-build="([\w.-]+)"/.exec((await get(preview.url, '/')).body)?.[1];
    expect(version).toMatch(/^[0-9a-f]{8}\.1$/);
    expect((await get(preview.url, '/')).body).toBe(withLiveReload(files.get('index.html') as string, version!));
    expect((await get(preview.url, '/privacy/')).body).toBe(withLiveReload(files.get('privacy/index.html') as string, version!));
    expect(files.get('privacy/index.html')).not.toContain('__policyc');
    expect((await get(preview.url, '/privacy/index.md')).body).not.toContain('__policyc');
    const redirect = await get(preview.url, '/privacy?x=1');
    expect(redirect.status).toBe(301);
    expect(redirect.location).toBe('/privacy/?x=1');
    const notFound = await get(preview.url, '/nope.html');
    expect(notFound.status).toBe(404);
    expect(notFound.type).toBe('text/html; charset=utf-8');
    expect(notFound.body).toContain('Not found');
    expect((await get(preview.url, '/privacy/index.html', { method: 'POST' })).status).toBe(405);
    const head = await get(preview.url, '/privacy/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('shows the diagnostics alone when nothing has been built yet', async () => {
    const cwd = copySample();
    const file = path.join(cwd, 'policy/privacy.yaml');
    writeFileSync(file, breakYaml(readFileSync(file, 'utf8')));
    const lines: string[] = [];
    const preview = await serve({ cwd, port: 0 }, (line) => lines.push(line));
    open.push(preview);
    expect(lines[0]).toMatch(/^errors: \d+ \(nothing built yet\)$/);
    const r = await get(preview.url, '/privacy/index.html');
    expect(r.status).toBe(500);
    expect(r.body).toContain('class="policyc-diagnostics"');
    expect(r.body).toContain('yaml-duplicate-key');
    expect(r.body).toContain('Nothing has been built yet');
  });

  it('escapes the diagnostics in the panel', async () => {
    const cwd = copySample();
    const file = path.join(cwd, 'policy/privacy.yaml');
    const original = readFileSync(file, 'utf8');
    const preview = await serve({ cwd, port: 0, date: '2027-06-01' });
    open.push(preview);
    // An unknown key named like markup: its name is quoted in the message.
    writeFileSync(file, original.replace('locale: en-GB\n', 'locale: en-GB\n"<img src=x onerror=alert(1)>": 1\n'));
    const broken = await within(preview.rebuilt(), 'the rebuild after adding a bad key');
    expect(broken.ok).toBe(false);
    const page = await get(preview.url, '/privacy/index.html');
    expect(page.body).toContain('policyc-diagnostics');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('rebuilds when a templates folder appears or changes, and when a released snapshot is edited', async () => {
    const cwd = copySample();
    const preview = await serve({ cwd, port: 0, date: '2027-06-01' });
    open.push(preview);
    mkdirSync(path.join(cwd, 'templates/assets'), { recursive: true });
    writeFileSync(path.join(cwd, 'templates/assets/policy.css'), 'body { color: rebeccapurple; }\n');
    // The folder and the file may land in one rebuild or two: wait until the override is served.
    // Assets are served as the bytes read.
    const served = () => new TextDecoder().decode(Buffer.from(preview.state().files.get('assets/policy.css') ?? ''));
    for (let i = 0; i < 3 && !served().includes('rebeccapurple'); i++)
      await within(preview.rebuilt(), 'the rebuild after adding templates');
    expect((await get(preview.url, '/assets/policy.css')).body).toBe('body { color: rebeccapurple; }\n');
    writeFileSync(path.join(cwd, 'templates/assets/policy.css'), 'body { color: teal; }\n');
    await within(preview.rebuilt(), 'the rebuild after editing a template');
    expect((await get(preview.url, '/assets/policy.css')).body).toBe('body { color: teal; }\n');

    const snapshot = path.join(cwd, 'policy/history/privacy/1.0.0.yaml');
    writeFileSync(snapshot, `${readFileSync(snapshot, 'utf8')}# edited\n`);
    const tampered = await within(preview.rebuilt(), 'the rebuild after editing a snapshot');
    expect(tampered.ok).toBe(false);
    expect(tampered.diagnostics.map((d) => d.ruleId)).toContain('history-snapshot-modified');
  });

  it('tells the pages over server-sent events when a rebuild finishes, broken or fixed', async () => {
    const cwd = copySample();
    const file = path.join(cwd, 'policy/privacy.yaml');
    const original = readFileSync(file, 'utf8');
    const preview = await serve({ cwd, port: 0, date: '2027-06-01' });
    open.push(preview);
    const stream = await events(preview.url);
    try {
      expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      const first = await within(stream.next(), 'the first event');
      expect(first).toMatch(/^[0-9a-f]{8}\.1$/);
      const page = await get(preview.url, '/privacy/');
      expect(page.body).toContain(`<script src="/__policyc/live.js" data-build="${first}" defer></script>\n</head>`);

      writeFileSync(file, breakYaml(original));
      const broken = await within(stream.next(), 'the event after breaking the YAML');
      expect(broken).toBe(first.replace(/\.1$/, '.2'));
      const panel = await get(preview.url, '/privacy/');
      expect(panel.body).toContain('policyc-diagnostics');
      expect(panel.body).toContain(`data-build="${broken}"`);

      writeFileSync(file, original);
      expect(await within(stream.next(), 'the event after fixing the YAML')).toBe(first.replace(/\.1$/, '.3'));
      expect((await get(preview.url, '/privacy/')).body).not.toContain('policyc-diagnostics');
    } finally {
      stream.response.destroy();
    }
    // Closing ends the open streams instead of waiting for them.
    const again = await events(preview.url);
    await within(again.next(), 'the first event of a second stream');
    const ended = new Promise<void>((resolve) => again.response.on('close', () => resolve()));
    await within(preview.close(), 'closing with a stream open', 3_000);
    await within(ended, 'the stream to end');
  });

  it('follows saves that rename a temporary file over the document, and folders created after start', async () => {
    const cwd = copySample();
    const file = path.join(cwd, 'policy/privacy.yaml');
    const original = readFileSync(file, 'utf8');
    const preview = await serve({ cwd, port: 0, date: '2027-06-01' });
    open.push(preview);
    // As editors with "atomic save" do: write a temporary file beside it, then rename it over the original. Twice,
    // as the second save replaces a file that is itself the product of a rename.
    for (const [i, text] of [original.replace(oldPurpose, newPurpose), original.replace(oldPurpose, `${newPurpose}, again`)].entries()) {
      const temporary = path.join(cwd, `policy/.privacy.yaml.${i}.tmp`);
      writeFileSync(temporary, text);
      const next = preview.rebuilt();
      renameSync(temporary, file);
      await within(next, `the rebuild after rename ${i + 1}`);
      for (
        let tries = 0;
        tries < 3 && !String(preview.state().files.get('privacy/draft/index.html')).includes(text.includes('again') ? 'again' : newPurpose);
        tries++
      )
        await within(preview.rebuilt(), 'a further rebuild');
      expect(String(preview.state().files.get('privacy/draft/index.html'))).toContain(i === 0 ? newPurpose : `${newPurpose}, again`);
    }
    expect(readdirSync(path.join(cwd, 'policy')).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    // A folder made after start (a new document's history): an edit inside it later is seen.
    const folder = path.join(cwd, 'policy/history/other');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'manifest.json'), '{}\n');
    await within(preview.rebuilt(), 'the rebuild after adding a folder');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const next = preview.rebuilt();
    writeFileSync(path.join(folder, 'manifest.json'), '{"document": 1}\n');
    await within(next, 'the rebuild after editing a file in the new folder');
  });

  it('serves after each edit exactly the files a fresh build of the edited project writes', async () => {
    const cwd = copySample();
    const file = path.join(cwd, 'policy/privacy.yaml');
    const original = readFileSync(file, 'utf8');
    const date = '2027-06-01';
    // A cache folder, as the command line uses: the rebuilds read released versions' pages from memory over it.
    const preview = await serve({ cwd, port: 0, date, cache: path.join(cwd, '.cache') });
    open.push(preview);
    /** The files a `build` of the project as it is now writes (without a cache: everything rendered afresh). */
    const built = async () => {
      const out = path.join(tempDir('policyc-serve-build-'), 'dist');
      const result = await build({ cwd, out, date, drafts: true, cache: false });
      expect(result.written.length).toBeGreaterThan(0);
      const tree = snapshotTree(out);
      tree.delete('.policyc-output');
      return tree;
    };
    const served = (files: SiteFiles) =>
      new Map([...files].map(([name, content]) => [name, Buffer.from(content).toString('latin1')] as const));
    const edits: [string, () => void][] = [
      ['an edit to the working document', () => writeFileSync(file, original.replace(oldPurpose, newPurpose))],
      ['a second edit', () => writeFileSync(file, original.replace(oldPurpose, `${newPurpose}, again`))],
      [
        'the next version, translated',
        () => {
          writeFileSync(file, original.replace(oldPurpose, newPurpose).replace('\nversion: 2.0.0\n', '\nversion: 2.1.0\n'));
          const translation = path.join(cwd, 'policy/privacy.fr.yaml');
          const text = readFileSync(translation, 'utf8').replace('source: 2.0.0', 'source: 2.1.0');
          writeFileSync(translation, text.replace('SmartFocus s’engage', 'SmartFocus s’engage vraiment'));
        },
      ],
      ['a template added', () => writeTemplate(cwd, 'assets/policy.css', 'body { color: teal; }\n')],
      ['a config change', () => writeFileSync(path.join(cwd, 'policyc.config.json'), '{ "baseUrl": "https://example.org/policies/" }\n')],
      [
        'the working document and translation back as released',
        () => {
          writeFileSync(file, original);
          cpSync(path.join(root, 'policy/privacy.fr.yaml'), path.join(cwd, 'policy/privacy.fr.yaml'));
        },
      ],
    ];
    for (const [what, edit] of edits) {
      const next = preview.rebuilt();
      edit();
      let state = await within(next, `the rebuild after ${what}`);
      // One save may land in two rebuilds: wait until the watcher is quiet.
      for (let settled = false; !settled;) {
        const more = preview.rebuilt().then((s) => (state = s));
        settled = await Promise.race([more.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 300))]);
      }
      expect(state.ok, what).toBe(true);
      expect(served(state.files), what).toEqual(await built());
    }
    expect(preview.state().files.has('privacy/draft/index.html')).toBe(false);
  }, 60_000);

  it('rebuilds again when a save goes on after the change the watcher reported', async () => {
    const cwd = copySample();
    const file = path.join(cwd, 'policy/privacy.yaml');
    const seen: string[] = [];
    // A rebuild that only reads the file: it finishes well within chokidar's 50 ms throttle.
    const loop = new RebuildLoop(watchTargets({ cwd }), async () => {
      seen.push(readFileSync(file, 'utf8'));
      return seen.length;
    });
    open.push(loop);
    await loop.start();
    // The first part of a save, a rebuild reading it, then the rest: chokidar reports only the first change.
    const first = loop.next();
    writeFileSync(file, 'title: a first part');
    await within(first, 'the rebuild after the first part');
    const more = loop.next();
    writeFileSync(file, 'title: a first part, and the rest');
    await within(more, 'a rebuild after the rest');
    expect(seen.at(-1)).toBe('title: a first part, and the rest');
  });

  it('refuses a port out of range before building anything', async () => {
    for (const port of [-1, 65536, 1.5, Number.NaN])
      await expect(serve({ cwd: copySample(), port }), String(port)).rejects.toThrow(/port must be a whole number from 0 to 65535/);
  });

  it('listens on loopback only', async () => {
    await expect(serve({ cwd: copySample(), port: 0, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  // DNS rebinding: a page on evil.example points evil.example at 127.0.0.1, then reads the preview as same-origin.
  it('answers only requests addressed to a loopback name', async () => {
    const preview = await serve({ cwd: copySample(), port: 0, date: '2027-06-01' });
    open.push(preview);
    const { port } = new URL(preview.url);
    const withHost = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/privacy/', method: 'GET', headers: { host } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1.evil.example', 'localhost.evil.example', `0.0.0.0:${port}`]) {
      const refused = await withHost(host);
      expect(refused.status, host).toBe(403);
      expect(refused.body, host).toBe('Forbidden: the preview answers only to localhost, 127.0.0.1 and [::1]\n');
    }
    for (const host of [`localhost:${port}`, 'localhost', `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
      const page = await withHost(host);
      expect(page.status, host).toBe(200);
      expect(page.body, host).toContain('<html');
    }
  });

  it('maps request paths into the site, refusing anything that leaves it', () => {
    expect(sitePath('/')).toBe('index.html');
    expect(sitePath('/privacy/')).toBe('privacy/index.html');
    expect(sitePath('/privacy/compare/1.0.0...2.0.0/index.html?x#y')).toBe('privacy/compare/1.0.0...2.0.0/index.html');
    expect(sitePath('/a%20b.html')).toBe('a b.html');
    for (const bad of ['/../x', '/a/../../x', '/%2e%2e/x', '/a/..%2fx', '/a\\..\\x', '/%zz', '/a//b', '/./x', 'x', '/a%00'])
      expect(sitePath(bad), bad).toBeUndefined();
  });
});

describe('policyc build --watch', () => {
  it('writes the site, leaves it untouched while the YAML is broken, and rewrites it when fixed', async () => {
    const cwd = copySample();
    const file = path.join(cwd, 'policy/privacy.yaml');
    const original = readFileSync(file, 'utf8');
    const lines: string[] = [];
    const watcher = await watch({ cwd, out: 'public', date: '2027-06-01', drafts: true }, (line) => lines.push(line));
    open.push(watcher);
    const out = path.join(cwd, 'public');
    expect(watcher.state()).toMatchObject({ ok: true, generation: 1, out });
    expect(lines.at(-1)).toBe(`built: ${watcher.state().written.length} files in public`);
    const page = readFileSync(path.join(out, 'privacy/index.html'), 'utf8');
    expect(page).toContain(oldPurpose);
    expect(existsSync(path.join(out, 'privacy/draft/index.html'))).toBe(false);
    // The live-reload script is the preview's alone: never in files written to disk.
    expect(page).not.toContain('__policyc');

    writeFileSync(file, breakYaml(original));
    const broken = await within(watcher.rebuilt(), 'the rebuild after breaking the YAML');
    expect(broken).toMatchObject({ ok: false, written: [], generation: 2 });
    expect(lines.some((l) => /^policy\/privacy\.yaml:\d+:\d+  error  .*yaml-duplicate-key$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^errors: \d+ \(public left as it was\)$/);
    expect(readFileSync(path.join(out, 'privacy/index.html'), 'utf8')).toBe(page);

    writeFileSync(file, original.replace(oldPurpose, newPurpose));
    const fixed = await within(watcher.rebuilt(), 'the rebuild after fixing the YAML');
    expect(fixed.ok).toBe(true);
    expect(fixed.written).toContain('privacy/draft/index.html');
    expect(lines.at(-1)).toBe(`rebuilt: ${fixed.written.length} files in public`);
    expect(readFileSync(path.join(out, 'privacy/draft/index.html'), 'utf8')).toContain(newPurpose);

    // Its own output never triggers a rebuild.
    const quiet = watcher.rebuilt().then(
      () => 'rebuilt',
      () => 'closed',
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    await watcher.close();
    expect(await quiet).toBe('closed');
    expect(watcher.state().generation).toBe(3);
  });

  it('rebuilds when policyc.config.json changes', async () => {
    const cwd = copySample();
    const watcher = await watch({ cwd, out: 'dist', date: '2027-06-01' });
    open.push(watcher);
    writeFileSync(path.join(cwd, 'policyc.config.json'), '{"baseUrl": "https://policies.example.org/"}\n');
    const next = await within(watcher.rebuilt(), 'the rebuild after adding a config');
    expect(next.ok).toBe(true);
    expect(readFileSync(path.join(cwd, 'dist/privacy/feed.xml'), 'utf8')).toContain('https://policies.example.org/');
    writeFileSync(path.join(cwd, 'policyc.config.json'), '{"baseUrl": 1}\n');
    const bad = await within(watcher.rebuilt(), 'the rebuild after breaking the config');
    expect(bad.diagnostics.map((d) => d.ruleId)).toContain('config-invalid');
  });
});
