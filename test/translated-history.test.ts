// The sample's French versions list, changelog and notification e-mail: in
// French, named after the French translation, linking within the French pages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { build } from '../src/index.js';
import { root } from './support/fixtures.js';
import { tempDir } from './support/project.js';

const nbsp = '\u00a0';
// The French name of the purpose 2.0.0 adds, as the translation gives it.
const translation = parse(readFileSync(path.join(root, 'policy/privacy.fr.yaml'), 'utf8')) as {
  title: string;
  purposes: { items: Record<string, { description: string }> };
};
const securityFr = translation.purposes.items.security!.description;

let out = '';
const read = (file: string) => readFileSync(path.join(out, 'privacy', file), 'utf8');

beforeAll(async () => {
  out = path.join(tempDir(), 'dist');
  const result = await build({ cwd: root, out, date: '2026-11-29' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
});

describe('the French changelog', () => {
  it('tells the new purpose of 2.0.0 in French, by its French name', () => {
    const html = read('fr/changelog/index.html');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h3>Modifications substantielles</h3>');
    expect(html).toContain(`<li>Ajoute la finalité «${nbsp}${securityFr}${nbsp}». <span class="rule" lang="en">(new-purpose)</span></li>`);
    expect(html).toContain(
      '<p class="legend">L’identifiant entre parenthèses après chaque modification désigne, en anglais, la règle de policyc',
    );
    expect(html).not.toContain('Adds the purpose');
    expect(read('fr/CHANGELOG.md')).toContain(`- Ajoute la finalité «${nbsp}${securityFr}${nbsp}». (\`new-purpose\`)`);
  });

  it('links 2.0.0 to its French page, 1.0.0 to the English one marked as such, and the redline to the original', () => {
    const html = read('fr/changelog/index.html');
    expect(html).toContain('<a href="../v/2.0.0/index.html">Version 2.0.0</a>');
    expect(html).toContain('<a href="../../v/1.0.0/index.html" hreflang="en-GB">Version 1.0.0</a> <span class="language">(anglais)</span>');
    expect(html).toContain(
      '<a href="../../compare/1.0.0...2.0.0/index.html" hreflang="en-GB">Voir les modifications signalées dans l’ensemble de la politique</a> <span class="language">(anglais)</span>',
    );
    expect(read('fr/CHANGELOG.md')).toContain('## [Version 1.0.0](../v/1.0.0/index.md) (anglais)');
  });

  it('and the English one are alternates of each other, with a language switcher', () => {
    const fr = read('fr/changelog/index.html');
    const en = read('changelog/index.html');
    // Absolute, as search engines require; the source's language is also the default for every other.
    expect(fr).toContain('<link rel="alternate" hreflang="en-GB" href="https://smartfocus.com/policies/privacy/changelog/index.html">');
    expect(fr).toContain('<link rel="alternate" hreflang="x-default" href="https://smartfocus.com/policies/privacy/changelog/index.html">');
    expect(en).toContain('<link rel="alternate" hreflang="fr" href="https://smartfocus.com/policies/privacy/fr/changelog/index.html">');
    expect(en.match(/hreflang="x-default"/g)).toHaveLength(1);
    expect(fr).toContain('<nav class="language-switcher" aria-label="Langue">');
    expect(en).toContain('<a href="../fr/changelog/index.html" hreflang="fr" lang="fr">Français</a>');
  });
});

describe('the French versions list', () => {
  it('counts the changes in French and marks the English-only version', () => {
    const html = read('fr/versions/index.html');
    expect(html).toContain('<a href="../changelog/index.html#v-2-0-0">48 modifications, dont 4 substantielles</a>');
    expect(html).toContain('<a href="../../v/1.0.0/index.html" hreflang="en-GB">1.0.0</a> <span class="language">(anglais)</span>');
    expect(html).toContain('<time datetime="2013-10-01">1er octobre 2013</time>');
    expect(read('versions/index.html')).toContain(
      '<link rel="alternate" hreflang="fr" href="https://smartfocus.com/policies/privacy/fr/versions/index.html">',
    );
  });

  it('is where the French pages’ version bar leads', () => {
    const page = read('fr/v/2.0.0/index.html');
    expect(page).toContain('<li><a href="../../versions/index.html">Toutes les versions</a></li>');
    expect(page).toContain('<li><a href="../../changelog/index.html">Ce qui a changé</a></li>');
    expect(read('fr/v/2.0.0/index.md')).toContain('[Ce qui a changé](../../CHANGELOG.md)');
  });
});

describe('the French notification e-mail', () => {
  const dir = 'fr/notify/1.0.0...2.0.0';
  it('has a French subject', () => {
    expect(read(`${dir}/subject.txt`)).toBe(
      `Modifications de notre ${translation.title}${nbsp}: version 2.0.0, en vigueur le 1er janvier 2027\n`,
    );
  });

  it('tells the changes in French and links to the French pages', () => {
    const text = read(`${dir}/email.txt`);
    expect(text).toContain('Ce qui change pour vous');
    const words = (s: string) => s.replace(/\s+/g, ' ');
    expect(words(text)).toContain(words(`Ajoute la finalité «${nbsp}${securityFr}${nbsp}».`));
    expect(text).toContain('https://smartfocus.com/policies/privacy/fr/v/2.0.0/index.html');
    expect(text).toContain('https://smartfocus.com/policies/privacy/fr/changelog/index.html');
    // The redline exists in English only, and the e-mail says so, with French punctuation.
    expect(words(text)).toContain(
      'Voir toutes les modifications signalées (anglais) : https://smartfocus.com/policies/privacy/compare/1.0.0...2.0.0/index.html',
    );
    expect(words(text)).toContain('Lire la nouvelle politique : https://');
    expect(read(`${dir}/email.html`)).toContain(
      'hreflang="en-GB" style="color:#0b5cad;">Voir toutes les modifications signalées</a> (anglais)',
    );
    expect(read(`${dir}/email.html`)).toContain('<html lang="fr">');
    expect(read(`${dir}/email.eml`)).toContain('Subject: =?UTF-8?Q?Modifications_de_notre');
  });

  it('never breaks a line at a no-break space', () => {
    for (const line of read(`${dir}/email.txt`).split('\n')) expect(line, line).not.toMatch(/^\s*»|«$/);
  });
});
