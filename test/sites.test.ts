// The website recipes of docs/websites.md, run for real: policyc builds the sample into a
// copy of each example site (examples/eleventy, examples/astro), then the site's own
// generator builds it from node_modules, as its README says, with no network. The built
// site holds the current version's fragment inside its layout, the cookie table on its
// cookie page and the JSON-LD in the head; every link between its pages resolves. The
// GitHub Pages workflow of docs/websites.md is parsed and its steps checked.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { root } from './support/fixtures.js';
import { spawnCli } from './support/cli.js';
import { tempDir } from './support/project.js';

const baseUrl = 'https://www.example.com/';
// After 2.0.0 took effect: the site shows 2.0.0, and 1.0.0 is an earlier version.
const date = '2027-02-01';

interface Site {
  name: string;
  /** The generator's command line, run in the site's folder with this Node. */
  command: string[];
  /** The folder it builds into, relative to the site's folder. */
  out: string;
}

const sites: Site[] = [
  { name: 'eleventy', command: ['node_modules/@11ty/eleventy/cmd.cjs', '--quiet'], out: '_site' },
  { name: 'astro', command: ['node_modules/astro/astro.js', 'build', '--silent'], out: 'dist' },
];

/**
 * A copy of an example site in a fresh folder, beside a copy of the policy project: a
 * `node_modules` of its own (so the generator's caches are written there) whose entries
 * link to the repository's packages.
 */
function siteCopy(name: string): string {
  const dir = path.join(tempDir('policyc-site-'), name);
  cpSync(path.join(root, 'examples', name), dir, {
    recursive: true,
    filter: (file) => !['_policy', '_site', 'dist', '.astro', 'node_modules'].includes(path.basename(file)),
  });
  mkdirSync(path.join(dir, 'node_modules'));
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (!entry.startsWith('.')) symlinkSync(path.join(root, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  }
  return dir;
}

/** Build the policy with policyc into `<site>/_policy`, then the site with its generator; throws with their output on failure. */
function buildSite(site: Site, dir: string, policyDir: string): void {
  const policy = spawnCli(['build', '--policy', policyDir, '--out', '_policy', '--base-url', baseUrl, '--date', date, '--no-cache'], {
    cwd: dir,
  });
  if (policy.code !== 0) throw new Error(`policyc build failed:\n${policy.stdout}${policy.stderr}`);
  const r = spawnSync(process.execPath, site.command, {
    cwd: dir,
    encoding: 'utf8',
    // No telemetry (no network); no CI variable from the outer run changing the generators' behaviour.
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CI: '' },
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`${site.name} build failed (${r.status}):\n${r.stdout}${r.stderr}`);
}

/** What a test needs to know of an HTML page. */
interface Page {
  html: string;
  ids: Set<string>;
  /** Every `href` and `src`, as written. */
  links: string[];
  /** Every `<script type="application/ld+json">`: its text and whether it is in the `<head>`. */
  jsonLd: { text: string; inHead: boolean }[];
  /** The text of `<main>`'s content, as written (between its tags). */
  main: string;
}

function scan(html: string): Page {
  const page: Page = { html, ids: new Set(), links: [], jsonLd: [], main: '' };
  let inHead = false;
  let script: { text: string; inHead: boolean } | undefined;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (attrs.id !== undefined) page.ids.add(attrs.id);
      for (const attr of ['href', 'src']) if (attrs[attr] !== undefined) page.links.push(attrs[attr]);
      if (name === 'head') inHead = true;
      if (name === 'script' && attrs.type === 'application/ld+json') script = { text: '', inHead };
    },
    ontext(text) {
      if (script) script.text += text;
    },
    onclosetag(name) {
      if (name === 'head') inHead = false;
      if (name === 'script' && script) {
        page.jsonLd.push(script);
        script = undefined;
      }
    },
  });
  parser.end(html);
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html);
  page.main = main?.[1] ?? '';
  return page;
}

/** Every file below a folder, relative, with `/`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((file) => String(file).split(path.sep).join('/'))
    .filter((file) => statSync(path.join(dir, file)).isFile())
    .sort();
}

/** The links of every page of a built site that do not resolve to a file (and, with a `#`, to an id in it). */
function brokenLinks(out: string): string[] {
  const pages = new Map(
    filesUnder(out)
      .filter((file) => file.endsWith('.html'))
      .map((file) => [file, scan(readFileSync(path.join(out, file), 'utf8'))]),
  );
  const broken: string[] = [];
  for (const [file, page] of pages) {
    for (const link of page.links) {
      let url = link.startsWith(baseUrl) ? `/${link.slice(baseUrl.length)}` : link;
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) continue; // another site, mailto:, tel:
      url = url.replace(/\?[^#]*/, '');
      const [pathPart = '', fragment] = url.split('#');
      let target =
        pathPart === '' ? file : pathPart.startsWith('/') ? pathPart.slice(1) : path.posix.join(path.posix.dirname(file), pathPart);
      const full = path.join(out, target);
      if (pathPart.endsWith('/') || (existsSync(full) && statSync(full).isDirectory())) target = path.posix.join(target, 'index.html');
      if (!existsSync(path.join(out, target))) broken.push(`${file}: ${link} (no ${target})`);
      else if (fragment && target.endsWith('.html') && !pages.get(target)?.ids.has(decodeURIComponent(fragment))) {
        broken.push(`${file}: ${link} (no #${fragment} in ${target})`);
      }
    }
  }
  return broken;
}

describe.each(sites)('examples/$name', (site) => {
  let dir: string;
  let out: string;
  const policyFile = (file: string) => readFileSync(path.join(dir, '_policy/privacy', file), 'utf8');
  const page = (file: string) => scan(readFileSync(path.join(out, file), 'utf8'));

  beforeAll(() => {
    dir = siteCopy(site.name);
    out = path.join(dir, site.out);
    buildSite(site, dir, path.join(root, 'policy'));
  }, 180_000);

  it("puts the current version's fragment inside the site's layout", () => {
    const privacy = page('privacy/index.html');
    const fragment = policyFile('fragment.html').trim();
    expect(privacy.main).toContain(fragment);
    expect(privacy.html.indexOf('<header class="site-header">')).toBeLessThan(privacy.html.indexOf(fragment));
    expect(privacy.html).toContain('<footer class="site-footer">');
    // The version in effect on the build date, with the site's own title.
    expect(fragment).toContain('<dd>2.0.0</dd>');
    expect(privacy.html).toMatch(/<title>Privacy &amp; Cookies Policy – Example Site<\/title>/);
    expect(privacy.ids).toContain('policyc-policy-title');
  });

  it('puts the cookie table on the cookie page', () => {
    const cookies = page('cookies/index.html');
    expect(cookies.main).toContain(policyFile('cookies.html').trim());
    const names = (JSON.parse(policyFile('cookies.json')) as { cookies: { name: string }[] }).cookies.map((c) => c.name);
    expect(names.length).toBeGreaterThan(0);
    expect(cookies.main.match(/<tr id="policyc-cookie-/g)).toHaveLength(names.length);
    for (const name of names) expect(cookies.main).toContain(`<code>${name.replace(/&/g, '&amp;')}</code>`);
  });

  it("puts the policy's JSON-LD in the privacy page's head, where it parses", () => {
    const { jsonLd } = page('privacy/index.html');
    expect(jsonLd).toHaveLength(1);
    expect(jsonLd[0]!.inHead).toBe(true);
    const data = JSON.parse(jsonLd[0]!.text) as { '@graph': { '@id': string }[] };
    expect(data).toEqual(JSON.parse(policyFile('policy.jsonld')));
    // It describes the page it is in: the base URL's privacy/ page.
    expect(data['@graph'][0]!['@id']).toBe(`${baseUrl}privacy/index.html`);
    expect(page('cookies/index.html').jsonLd).toEqual([]);
  });

  it("publishes the policy's other pages beside it, and every link between the pages resolves", () => {
    const files = filesUnder(out);
    for (const file of [
      'assets/fragment.css',
      'assets/policy.css',
      'privacy/versions/index.html',
      'privacy/changelog/index.html',
      'privacy/v/1.0.0/index.html',
      'privacy/v/2.0.0/index.html',
      'privacy/compare/1.0.0...2.0.0/index.html',
      'privacy/fr/index.html',
      'privacy/feed.xml',
      'privacy/policy.jsonld',
    ]) {
      expect(files).toContain(file);
    }
    // Not the fragments (the site's pages hold them), nor the e-mails, nor policyc's marker file.
    expect(files.filter((file) => /fragment\.html$|cookies\.html$|summary\.html$|(^|\/)notify\/|\.policyc-output/.test(file))).toEqual([]);
    // The versions list links back to the site's page, which links on to the versions list.
    expect(page('privacy/versions/index.html').links).toContain('../index.html');
    expect(page('privacy/index.html').links).toContain('/privacy/versions/');
    expect(brokenLinks(out)).toEqual([]);
  });
});

// A title that would end the JSON-LD script if written into it as it is (`</script` then a
// space ends a script; as Markdown it is text, not HTML): each site escapes what it puts there.
describe.each(sites)('examples/$name, with a title that would end a script', (site) => {
  const title = 'Privacy </script <!-- & Policy';
  let dir: string;
  let out: string;

  beforeAll(() => {
    dir = siteCopy(site.name);
    out = path.join(dir, site.out);
    const policy = path.join(path.dirname(dir), 'policy');
    mkdirSync(policy);
    // The working document alone, as a document never released: published as it is.
    const text = readFileSync(path.join(root, 'policy/privacy.yaml'), 'utf8')
      .replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`)
      .replace(/^version: .*$/m, 'version: 1.0.0');
    expect(text).toContain(JSON.stringify(title));
    writeFileSync(path.join(policy, 'privacy.yaml'), text);
    buildSite(site, dir, policy);
  }, 180_000);

  it('keeps the JSON-LD one script, holding the title as text', () => {
    const privacy = scan(readFileSync(path.join(out, 'privacy/index.html'), 'utf8'));
    expect(privacy.html.match(/<script\b/g)).toHaveLength(1);
    expect(privacy.jsonLd).toHaveLength(1);
    expect(privacy.jsonLd[0]!.text).not.toMatch(/<\/script/i);
    const data = JSON.parse(privacy.jsonLd[0]!.text) as { '@graph': { 'schema:name'?: { '@value': string } }[] };
    expect(data).toEqual(JSON.parse(readFileSync(path.join(dir, '_policy/privacy/policy.jsonld'), 'utf8')));
    expect(data['@graph'][0]!['schema:name']?.['@value']).toBe(title);
  });
});

/** The YAML block of docs/websites.md that holds the GitHub Pages workflow. */
function pagesWorkflow(): Record<string, unknown> {
  const docs = readFileSync(path.join(root, 'docs/websites.md'), 'utf8');
  const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => b.includes('actions/deploy-pages'));
  expect(blocks).toHaveLength(1);
  return parseYaml(blocks[0]!) as Record<string, unknown>;
}

describe('the GitHub Pages workflow of docs/websites.md', () => {
  interface Step {
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
    id?: string;
  }
  interface Job {
    needs?: string | string[];
    permissions?: Record<string, string>;
    steps: Step[];
    environment?: { name: string };
  }
  const workflow = pagesWorkflow() as { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> };
  const jobs = Object.entries(workflow.jobs);
  const jobUsing = (action: string) => jobs.find(([, job]) => job.steps.some((s) => s.uses?.startsWith(`${action}@`)));
  const step = (job: Job, action: string) => job.steps.find((s) => s.uses?.startsWith(`${action}@`))!;

  it('builds with policyc on a maintained Node.js and uploads dist/ as the Pages artifact', () => {
    const [, build] = jobUsing('actions/upload-pages-artifact')!;
    const uses = build.steps.map((s) => s.uses?.split('@')[0] ?? s.run);
    expect(uses.indexOf('actions/checkout')).toBe(0);
    expect(uses).toContain('actions/configure-pages');
    const policyc = build.steps.findIndex((s) => /\bnpx policyc build\b/.test(s.run ?? ''));
    expect(policyc).toBeGreaterThan(uses.indexOf('npm ci'));
    expect(uses.indexOf('npm ci')).toBeGreaterThan(uses.indexOf('actions/setup-node'));
    expect(policyc).toBeLessThan(uses.indexOf('actions/upload-pages-artifact'));
    expect(step(build, 'actions/upload-pages-artifact').with).toEqual({ path: 'dist' });
    // Node.js 24 is the active LTS line (20 reached its end of life in April 2026).
    expect(Number(step(build, 'actions/setup-node').with?.['node-version'])).toBeGreaterThanOrEqual(22);
  });

  it('deploys in a job of its own, after the build, with the permissions Pages needs', () => {
    const [name, deploy] = jobUsing('actions/deploy-pages')!;
    const [buildName] = jobUsing('actions/upload-pages-artifact')!;
    expect(name).not.toBe(buildName);
    expect([deploy.needs].flat()).toContain(buildName);
    expect(deploy.environment?.name).toBe('github-pages');
    const permissions = { ...workflow.permissions, ...deploy.permissions };
    expect(permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('uses the current major versions of the actions', () => {
    const versions = Object.fromEntries(jobs.flatMap(([, job]) => job.steps.flatMap((s) => (s.uses ? [s.uses.split('@')] : []))));
    expect(versions).toEqual({
      'actions/checkout': 'v6',
      'actions/setup-node': 'v6',
      'actions/configure-pages': 'v6',
      'actions/upload-pages-artifact': 'v5',
      'actions/deploy-pages': 'v5',
    });
  });

  it('runs on a push to the main branch and every day, so that a version takes effect on its date', () => {
    expect(workflow.on).toMatchObject({ push: { branches: ['main'] } });
    expect(workflow.on.schedule).toEqual([{ cron: expect.any(String) }]);
  });
});
