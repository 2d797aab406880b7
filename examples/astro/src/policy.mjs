// What policyc built, read at build time: run `policyc build --out _policy` before `astro build`
// (see README.md).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where `policyc build --out` wrote the policy, relative to the folder Astro runs in. */
export const policyOut = process.env.POLICYC_OUT ?? '_policy';
/** The policy document's id: its file is `policy/privacy.yaml`, its pages `privacy/…`. */
export const documentId = 'privacy';
/** What the site's own pages replace: the full page, and the fragments they include. */
const replaced = new Set(['index.html', 'index.md', 'fragment.html', 'cookies.html', 'summary.html']);

const documentDir = () => {
  const dir = path.join(policyOut, documentId);
  if (!existsSync(path.join(dir, 'fragment.html'))) {
    throw new Error(`No policy in ${dir}/: run \`policyc build --out ${policyOut}\` first.`);
  }
  return dir;
};
const read = (file) => readFileSync(path.join(documentDir(), file), 'utf8');

/** The JSON-LD as a script's text: parsed, so that a broken file fails the build; `<` escaped, so that no text in it can end the script. */
const jsonLdScript = (text) => JSON.stringify(JSON.parse(text)).replace(/</g, '\\u003c');

/** The current version's fragment, the cookie table, the JSON-LD for the page's head, and the title. */
export function policy() {
  return {
    fragment: read('fragment.html'),
    cookies: read('cookies.html'),
    jsonLd: jsonLdScript(read('policy.jsonld')),
    title: JSON.parse(read('policy.json')).title,
  };
}

/**
 * The rest of what policyc built, published as it is beside the site's pages, so that the links
 * between them keep working: `[from, to]` pairs of paths, `to` relative to the site's root. Not the
 * replaced files, nor the e-mails (`notify/`, in each language), which are for the mailing service.
 */
export function publishedFiles() {
  const dir = documentDir();
  const files = readdirSync(dir, { recursive: true })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => !replaced.has(file) && !file.split('/').includes('notify') && statSync(path.join(dir, file)).isFile());
  return [[path.join(policyOut, 'assets'), 'assets'], ...files.map((file) => [path.join(dir, file), `${documentId}/${file}`])];
}
