// The build cache is input a pull request can reach: a committed link where the cache folder should be, files planted
// in the folder, a cache copied from another machine. None may make a build delete or write a file outside the folder,
// or publish anything a fresh build would not; and a warm build must equal a fresh one whatever setting changed.
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, defaultCacheDir, validate, type BuildOptions } from '../../src/api.js';
import { cacheKey, diskCache, memoryCache } from '../../src/cache/cache.js';
import { main } from '../../src/cli/main.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { root } from '../support/fixtures.js';
import { copySample, editFile, snapshotTree, tempDir } from '../support/project.js';

const date = '2027-01-01';
const day = 24 * 60 * 60 * 1000;
/** This machine's key for the whole file; tests that need another key name their own. */
const ownKey = path.join(tempDir('policyc-cache-key-'), 'key');
const savedKeyFile = process.env.POLICYC_CACHE_KEY_FILE;
beforeAll(() => {
  process.env.POLICYC_CACHE_KEY_FILE = ownKey;
});
afterAll(() => {
  if (savedKeyFile === undefined) delete process.env.POLICYC_CACHE_KEY_FILE;
  else process.env.POLICYC_CACHE_KEY_FILE = savedKeyFile;
});

/** The sample project with its config. */
function project(): string {
  const cwd = copySample();
  cpSync(path.join(root, 'policyc.config.json'), path.join(cwd, 'policyc.config.json'));
  return cwd;
}

/**
 * A folder outside the project, as a link would find it: an old file where a cache entry could be (what the old
 * pruning deleted) and an unrelated old file. Returns a fingerprint of it: every name, its bytes and its mtime.
 */
function victim(): { dir: string; file: string; fingerprint: () => string[] } {
  const dir = tempDir('policyc-victim-');
  const key = 'ab'.padEnd(64, '0');
  mkdirSync(path.join(dir, 'ab'));
  const file = path.join(dir, 'ab', key);
  writeFileSync(file, 'policyc-cache/1 9\nnot yours');
  writeFileSync(path.join(dir, 'precious.txt'), 'keep me');
  const old = new Date(Date.now() - 30 * day);
  for (const f of [file, path.join(dir, 'precious.txt')]) utimesSync(f, old, old);
  const fingerprint = () =>
    readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => {
      const f = path.join(e.parentPath, e.name);
      return `${path.relative(dir, f)} ${e.isFile() ? `${readFileSync(f, 'latin1')} ${statSync(f).mtimeMs}` : ''}`;
    });
  return { dir, file, fingerprint };
}

const unsafe = (d: Diagnostic[]) => d.filter((x) => x.ruleId.startsWith('cache-')).map((x) => [x.ruleId, x.severity, x.file, x.message]);

/** Every file of a built site, joined: for "appears nowhere in dist/". */
function siteText(dir: string): string {
  return [...snapshotTree(dir).values()].join('\n');
}

async function freshTree(cwd: string, options: BuildOptions = {}): Promise<Map<string, string>> {
  return snapshotTree((await build({ date, ...options, cwd, out: 'fresh', cache: false })).out);
}

describe('the cache never follows a link', () => {
  const layouts = [
    {
      name: 'a committed .policyc-cache link, named with --cache',
      cache: '.policyc-cache',
      link: '.policyc-cache',
      message: 'The cache folder `.policyc-cache` is a symbolic link; the cache was not used',
    },
    {
      name: 'the default folder is a link',
      cache: defaultCacheDir,
      link: 'node_modules/.cache/policyc',
      message: 'The cache folder `node_modules/.cache/policyc` is a symbolic link; the cache was not used',
    },
    {
      name: 'a folder above it in the project is a link',
      cache: defaultCacheDir,
      link: 'node_modules/.cache',
      message: 'The cache folder `node_modules/.cache/policyc` lies in a symbolic link (`node_modules/.cache`); the cache was not used',
    },
  ];

  it.each(layouts)('$name: build neither deletes nor writes anything where it points, and warns once', async ({ cache, link, message }) => {
    const cwd = project();
    const target = victim();
    const before = target.fingerprint();
    mkdirSync(path.dirname(path.join(cwd, link)), { recursive: true });
    symlinkSync(target.dir, path.join(cwd, link), 'dir');

    const result = await build({ cwd, date, cache });
    expect(target.fingerprint()).toEqual(before);
    expect(unsafe(result.diagnostics)).toEqual([['cache-unsafe', 'warning', cache, message]]);
    expect(result.diagnostics.find((d) => d.ruleId === 'cache-unsafe')?.hint).toContain('never reads or writes through a link');
    expect(snapshotTree(result.out)).toEqual(await freshTree(cwd));
    // validate says so too.
    expect(unsafe((await validate({ cwd, date, cache })).diagnostics)).toEqual([['cache-unsafe', 'warning', cache, message]]);
  });

  it('the CLI prints the warning: validate in full, build as a count', async () => {
    const cwd = project();
    const target = victim();
    const before = target.fingerprint();
    mkdirSync(path.join(cwd, 'node_modules/.cache'), { recursive: true });
    symlinkSync(target.dir, path.join(cwd, 'node_modules/.cache/policyc'), 'dir');
    const io = () => {
      const out = { stdout: '', stderr: '' };
      return {
        out,
        io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, env: {}, cwd },
      };
    };
    const checked = io();
    expect(await main(['validate', '--date', date], checked.io)).toBe(0);
    expect(checked.out.stdout).toContain('cache-unsafe');
    expect(checked.out.stdout).toContain('node_modules/.cache/policyc');
    const built = io();
    const warnings = (await validate({ cwd, date })).diagnostics.length + 1;
    expect(await main(['build', '--date', date], built.io)).toBe(0);
    expect(built.out.stderr).toContain(`⚠ ${warnings} warnings`);
    expect(target.fingerprint()).toEqual(before);
  });

  it('a bucket that is a link makes the whole cache unused', async () => {
    const cwd = project();
    await build({ cwd, date, out: 'one', cache: 'cache' });
    const bucket = readdirSync(path.join(cwd, 'cache'))[0]!;
    const target = victim();
    rmSync(path.join(cwd, 'cache', bucket), { recursive: true });
    symlinkSync(target.dir, path.join(cwd, 'cache', bucket), 'dir');
    const before = target.fingerprint();

    const warm = diskCache(path.join(cwd, 'cache'), { display: 'cache' });
    const result = await build({ cwd, date, out: 'two', cache: warm });
    expect(target.fingerprint()).toEqual(before);
    expect(unsafe(result.diagnostics)).toEqual([
      ['cache-unsafe', 'warning', 'cache', `The cache folder \`cache\` holds a symbolic link (\`${bucket}\`); the cache was not used`],
    ]);
    expect(warm.stats).toMatchObject({ hits: 0, writes: 0 });
    expect(snapshotTree(result.out)).toEqual(snapshotTree(path.join(cwd, 'one')));
  });

  it('an entry that is a link is never read, touched or written through, even when it appears after the cache was opened', () => {
    const dir = tempDir('policyc-cache-entry-');
    const target = victim();
    const key = `${'cd'.padEnd(64, '1')}`;
    const cache = diskCache(dir, { display: 'cache' });
    cache.set(key, 'genuine');
    expect(cache.get(key)).toBe('genuine');
    rmSync(path.join(dir, 'cd', key));
    symlinkSync(target.file, path.join(dir, 'cd', key));
    const before = target.fingerprint();

    expect(cache.get(key)).toBeUndefined();
    cache.set(key, 'overwrite?');
    cache.prune(Date.now() + 100 * day);
    expect(target.fingerprint()).toEqual(before);
    expect(unsafe([...(cache.diagnostics ?? [])])).toEqual([
      ['cache-unsafe', 'warning', 'cache', `The cache folder \`cache\` holds a symbolic link (\`cd/${key}\`); the cache was not used`],
    ]);
    expect(lstatSync(path.join(dir, 'cd', key)).isSymbolicLink()).toBe(true);
    // Opened afresh, the folder is refused from the start.
    expect(unsafe([...diskCache(dir, { display: 'cache' }).diagnostics])).toHaveLength(1);
  });
});

describe('every entry is authenticated', () => {
  const marker = 'PLANTED-BY-A-PULL-REQUEST';
  /** Ways to plant a value under a key: as the old format wrote it, with a made-up MAC, and with a valid MAC under another machine's key. */
  const plantings: [string, (dir: string, key: string, value: string) => void][] = [
    ['in the old unauthenticated format', (dir, key, value) => writeEntry(dir, key, `policyc-cache/1 ${value.length}\n${value}`)],
    ['with a made-up MAC', (dir, key, value) => writeEntry(dir, key, `policyc-cache/2 ${'0f'.repeat(32)}\n${value}`)],
    ['with a valid MAC under another key', (dir, key, value) => diskCache(dir, { secretFile: otherKey() }).set(key, value)],
  ];
  function writeEntry(dir: string, key: string, text: string): void {
    mkdirSync(path.join(dir, key.slice(0, 2)), { recursive: true });
    writeFileSync(path.join(dir, key.slice(0, 2), key), text);
  }
  const otherKey = () => path.join(tempDir('policyc-other-key-'), 'key');

  it.each(plantings)('a snapshot entry planted %s changes nothing on the site', async (_, plant) => {
    const cwd = project();
    const manifest = JSON.parse(readFileSync(path.join(cwd, 'policy/history/privacy/manifest.json'), 'utf8'));
    const entry = manifest.releases[1];
    const key = cacheKey('snapshot', entry.sha256, entry.schemaVersion, entry.version);
    // What the cache would hold for 2.0.0, with its introduction replaced.
    const genuine = memoryCache();
    await validate({ cwd, date, cache: genuine });
    const data = JSON.parse(genuine.entries.get(key)!);
    data.introduction = `${marker} [Read more](javascript:alert(document.cookie))`;
    plant(path.join(cwd, 'cache'), key, JSON.stringify(data));

    const checked = await validate({ cwd, date, cache: 'cache' });
    expect(checked.documents[0]!.releases[1]!.model.policy.introduction).not.toContain(marker);
    expect(unsafe(checked.diagnostics)).toEqual([]);
    const result = await build({ cwd, date, cache: 'cache' });
    expect(siteText(result.out)).not.toContain(marker);
    expect(snapshotTree(result.out)).toEqual(await freshTree(cwd));
  });

  it.each(plantings)('page entries planted %s (a javascript: link) appear nowhere in dist/', async (_, plant) => {
    const cwd = project();
    await build({ cwd, date, out: 'one', cache: 'cache' });
    // Every page entry (its value is the HTML's length, a newline, the HTML and the Markdown) replaced by the attacker's page.
    const html = `<!doctype html><p><a href="javascript:alert(document.cookie)">${marker}</a></p>`;
    const page = `${html.length}\n${html}[${marker}](javascript:alert(1))\n`;
    let planted = 0;
    for (const bucket of readdirSync(path.join(cwd, 'cache'))) {
      for (const key of readdirSync(path.join(cwd, 'cache', bucket))) {
        const text = readFileSync(path.join(cwd, 'cache', bucket, key), 'utf8');
        if (!/^\d+\n<!doctype html>/i.test(text.slice(text.indexOf('\n') + 1))) continue;
        plant(path.join(cwd, 'cache'), key, page);
        planted++;
      }
    }
    expect(planted).toBeGreaterThan(3);
    const result = await build({ cwd, date, out: 'two', cache: 'cache' });
    expect(siteText(result.out)).not.toContain(marker);
    expect(siteText(result.out)).not.toContain('javascript:');
    expect(snapshotTree(result.out)).toEqual(snapshotTree(path.join(cwd, 'one')));
  });

  it('a valid cache copied from a machine with another key is ignored, then overwritten', async () => {
    const cwd = project();
    const elsewhere = diskCache(path.join(cwd, 'theirs'), { secretFile: otherKey() });
    await build({ cwd, date, out: 'theirs-out', cache: elsewhere });
    expect(elsewhere.stats.writes).toBeGreaterThan(5);
    cpSync(path.join(cwd, 'theirs'), path.join(cwd, 'copied'), { recursive: true });

    const mine = diskCache(path.join(cwd, 'copied'));
    const result = await build({ cwd, date, out: 'mine', cache: mine });
    expect(mine.stats).toMatchObject({ hits: 0, writes: elsewhere.stats.writes });
    expect(snapshotTree(result.out)).toEqual(await freshTree(cwd));
    const again = diskCache(path.join(cwd, 'copied'));
    await build({ cwd, date, out: 'again', cache: again });
    // Every entry read is found, none written again (a release's cached findings spare reading what judging it read).
    expect(again.stats).toMatchObject({ misses: 0, writes: 0 });
    expect(again.stats.hits).toBeGreaterThan(5);
  });
});

describe('the key', () => {
  it('is made on first use in the user cache folder: 32 random bytes, mode 0600, outside the project', () => {
    const home = tempDir('policyc-xdg-');
    const saved = { file: process.env.POLICYC_CACHE_KEY_FILE, xdg: process.env.XDG_CACHE_HOME };
    try {
      delete process.env.POLICYC_CACHE_KEY_FILE;
      process.env.XDG_CACHE_HOME = home;
      const dir = tempDir('policyc-cache-');
      const key = 'ef'.padEnd(64, '2');
      diskCache(dir).set(key, 'value');
      const file = path.join(home, 'policyc/key');
      expect(statSync(file).size).toBe(32);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readdirSync(path.join(home, 'policyc'))).toEqual(['key']);
      expect(diskCache(dir).get(key)).toBe('value');
    } finally {
      process.env.POLICYC_CACHE_KEY_FILE = saved.file;
      if (saved.xdg === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved.xdg;
    }
  });

  const unusable: [string, (file: string) => void, string][] = [
    [
      'a link',
      (file) => {
        const real = path.join(tempDir('policyc-real-key-'), 'key');
        writeFileSync(real, Buffer.alloc(32, 7), { mode: 0o600 });
        symlinkSync(real, file);
      },
      'it is a symbolic link',
    ],
    [
      'readable by others',
      (file) => {
        writeFileSync(file, Buffer.alloc(32, 7));
        chmodSync(file, 0o644);
      },
      'other users can read or write it (run `chmod 600` on it)',
    ],
    ['not 32 bytes', (file) => writeFileSync(file, 'short', { mode: 0o600 }), 'it is not 32 bytes long'],
  ];
  it.each(unusable)('a key that is %s is not used, nor is the cache', async (_, make, reason) => {
    const file = path.join(tempDir('policyc-bad-key-'), 'key');
    make(file);
    const cwd = project();
    const cache = diskCache(path.join(cwd, 'cache'), { display: 'cache', secretFile: file });
    const result = await build({ cwd, date, cache });
    expect(unsafe(result.diagnostics)).toEqual([
      [
        'cache-key-unavailable',
        'warning',
        'cache',
        `The cache's key \`${file}\` cannot be read or created (${reason}); the cache \`cache\` was not used`,
      ],
    ]);
    expect(existsSync(path.join(cwd, 'cache'))).toBe(false);
    expect(snapshotTree(result.out)).toEqual(await freshTree(cwd));
  });

  it('a key that cannot be created leaves the cache unused, with a warning', async () => {
    const blocked = path.join(tempDir('policyc-no-key-'), 'file');
    writeFileSync(blocked, 'a file where the key folder would be');
    const cwd = project();
    const saved = process.env.POLICYC_CACHE_KEY_FILE;
    process.env.POLICYC_CACHE_KEY_FILE = path.join(blocked, 'key');
    try {
      const result = await build({ cwd, date, cache: 'cache' });
      expect(unsafe(result.diagnostics)).toEqual([
        [
          'cache-key-unavailable',
          'warning',
          'cache',
          `The cache's key \`${path.join(blocked, 'key')}\` cannot be read or created (a file stands where a folder should be); the cache \`cache\` was not used`,
        ],
      ]);
      expect(existsSync(path.join(cwd, 'cache'))).toBe(false);
    } finally {
      process.env.POLICYC_CACHE_KEY_FILE = saved;
    }
  });
});

describe('pruning', () => {
  it('deletes only its own verified entries and temporary files, and nothing else in the folder', async () => {
    const cwd = project();
    const dir = path.join(cwd, 'cache');
    const cache = diskCache(dir);
    const key = (n: number) => `aa${String(n).padStart(62, '0')}`;
    cache.set(key(1), 'a verified entry');
    const files = {
      verified: `aa/${key(1)}`,
      forged: `aa/${key(2)}`,
      oldFormat: `aa/${key(3)}`,
      notAKey: 'aa/notes.txt',
      notABucket: `zz/${key(4)}`,
      wrongBucket: `ab/${key(5)}`,
      ownTemporary: `aa/${key(6)}.tmp-123-0badc0de`,
      foreignTemporary: `aa/${key(7)}.tmp-123-0badc0de`,
    };
    const write = (name: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    };
    write(files.forged, `policyc-cache/2 ${'0f'.repeat(32)}\nforged`);
    write(files.oldFormat, 'policyc-cache/1 3\nold');
    write(files.notAKey, 'my notes');
    write(files.notABucket, 'policyc-cache/1 3\nold');
    write(files.wrongBucket, 'policyc-cache/1 3\nold');
    write(files.ownTemporary, 'policyc-cache/2 half-writ');
    write(files.foreignTemporary, 'something else');
    const old = new Date(Date.now() - 20 * day);
    for (const name of Object.values(files)) utimesSync(path.join(dir, name), old, old);

    await build({ cwd, date, cache: 'cache' });
    const left = Object.entries(files)
      .filter(([, name]) => existsSync(path.join(dir, name)))
      .map(([what]) => what);
    expect(left).toEqual(['forged', 'oldFormat', 'notAKey', 'notABucket', 'wrongBucket', 'foreignTemporary']);
  });
});

describe('a cache hit is exactly what a fresh build gives', () => {
  const config = (cwd: string, change: Record<string, unknown>) => {
    const file = path.join(cwd, 'policyc.config.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ...change }));
  };
  const override = (cwd: string, name: string, edit: (text: string) => string) => {
    const file = path.join(cwd, 'templates', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, edit(readFileSync(path.join(root, 'templates', name), 'utf8')));
  };
  /** Release 2.0.0's French translation is frozen; without it, the working translation is what the site shows. */
  const unfreezeTranslation = (cwd: string) => {
    const manifest = path.join(cwd, 'policy/history/privacy/manifest.json');
    const data = JSON.parse(readFileSync(manifest, 'utf8'));
    delete data.translations;
    writeFileSync(manifest, `${JSON.stringify(data, null, 2)}\n`);
    rmSync(path.join(cwd, 'policy/history/privacy/2.0.0.fr.yaml'));
  };
  const editWorking = (cwd: string) =>
    editFile(path.join(cwd, 'policy/privacy.yaml'), 'SmartFocus is committed', 'SmartFocus is wholly committed');

  // Each changes one input or setting between a build that fills the cache and one that reads it.
  const settings: {
    name: string;
    shows: 'site' | 'diagnostics';
    prepare?: (cwd: string) => void;
    options?: BuildOptions;
    change: (cwd: string) => BuildOptions | void;
  }[] = [
    { name: 'materiality overrides', shows: 'site', change: (cwd) => config(cwd, { materiality: { wording: 'material' } }) },
    { name: 'noticeDays', shows: 'diagnostics', change: (cwd) => config(cwd, { noticeDays: 60 }) },
    { name: 'rule severities', shows: 'diagnostics', change: (cwd) => config(cwd, { rules: { 'cookies-duration': 'off' } }) },
    {
      name: 'strict',
      shows: 'diagnostics',
      prepare: (cwd) => editFile(path.join(cwd, 'policy/privacy.yaml'), '      duration: 1 year\n', ''),
      change: () => ({ strict: true }),
    },
    { name: 'baseUrl in the config', shows: 'site', change: (cwd) => config(cwd, { baseUrl: 'https://example.org/legal/' }) },
    { name: 'the --base-url option', shows: 'site', change: () => ({ baseUrl: 'https://example.net/p/' }) },
    { name: 'the date (which version is in effect)', shows: 'site', change: () => ({ date: '2026-12-15' }) },
    { name: 'the date (past every version)', shows: 'site', options: { date: '2026-12-15' }, change: () => ({ date: '2031-01-01' }) },
    { name: 'drafts', shows: 'site', prepare: editWorking, change: () => ({ drafts: true }) },
    {
      name: 'the working document, with drafts',
      shows: 'site',
      prepare: editWorking,
      options: { drafts: true },
      change: (cwd) => editFile(path.join(cwd, 'policy/privacy.yaml'), 'wholly', 'entirely'),
    },
    {
      name: 'a locale file',
      shows: 'site',
      change: (cwd) => override(cwd, 'locales/en.json', (t) => t.replace(/"previous": "[^"]*"/, '"previous": "The version before"')),
    },
    {
      name: 'a page template',
      shows: 'site',
      change: (cwd) =>
        override(cwd, 'page.html.hbs', (t) => t.replace('<footer class="site-footer">', '<footer class="site-footer"><!-- changed -->')),
    },
    { name: 'a partial', shows: 'site', change: (cwd) => override(cwd, 'partials/cookies.html.hbs', (t) => `${t}<!-- changed -->`) },
    { name: 'the compare template', shows: 'site', change: (cwd) => override(cwd, 'compare.html.hbs', (t) => `${t}<!-- changed -->`) },
    { name: 'an asset', shows: 'site', change: (cwd) => override(cwd, 'assets/policy.css', (t) => `${t}\n/* changed */\n`) },
    {
      name: 'the --templates folder',
      shows: 'site',
      change: (cwd) => {
        const file = path.join(cwd, 'mine/page.html.hbs');
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, readFileSync(path.join(root, 'templates/page.html.hbs'), 'utf8').replace('</body>', '<!-- mine --></body>'));
        return { templates: 'mine' };
      },
    },
    {
      name: 'a working translation',
      shows: 'site',
      prepare: unfreezeTranslation,
      change: (cwd) => editFile(path.join(cwd, 'policy/privacy.fr.yaml'), 's’engage à protéger', 's’engage pleinement à protéger'),
    },
  ];

  it.each(settings)('after changing $name', async ({ shows, prepare, options = {}, change }) => {
    const cwd = project();
    prepare?.(cwd);
    const dir = path.join(cwd, 'cache');
    const before = await build({ date, ...options, cwd, out: 'before', cache: diskCache(dir) });
    const changed: BuildOptions = { date, ...options, ...(change(cwd) ?? {}), cwd };
    const warmCache = diskCache(dir);
    const warm = await build({ ...changed, out: 'warm', cache: warmCache });
    const fresh = await build({ ...changed, out: 'fresh', cache: false });
    // Not vacuous: the warm build did read the cache.
    expect(warmCache.stats.hits).toBeGreaterThan(0);
    const tree = (result: { out: string; written: string[] }) => (result.written.length ? snapshotTree(result.out) : new Map());
    const findings = (result: { diagnostics: Diagnostic[] }) =>
      result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`);
    expect(tree(warm)).toEqual(tree(fresh));
    expect(findings(warm)).toEqual(findings(fresh));
    // And the change matters, so a key that left it out would be caught.
    if (shows === 'site') expect(tree(fresh)).not.toEqual(tree(before));
    else expect(findings(fresh)).not.toEqual(findings(before));
  });
});
