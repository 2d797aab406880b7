// An Eleventy site around the policy that policyc built: run `policyc build --out _policy`
// first (see README.md). The privacy page wraps the current version's fragment in the
// site's layout, the cookie page the cookie table; the rest of what policyc built
// (earlier versions, the changelog, redlines, translations, the feed, the stylesheets)
// is published as it is, beside them, so the links between those pages keep working.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where `policyc build --out` wrote the policy, relative to the folder Eleventy runs in. */
const policyOut = process.env.POLICYC_OUT ?? '_policy';
/** The policy document's id: its file is `policy/privacy.yaml`, its pages `privacy/…`. */
const documentId = 'privacy';
/** What the site's own pages replace: the full page, and the fragments they include. */
const replaced = new Set(['index.html', 'index.md', 'fragment.html', 'cookies.html', 'summary.html']);

/** The files of the document's folder to publish as they are: not those replaced, nor the e-mails (`notify/`, in each language), which are for the mailing service. */
function published(dir) {
  return readdirSync(dir, { recursive: true })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => !replaced.has(file) && !file.split('/').includes('notify') && statSync(path.join(dir, file)).isFile());
}

const read = (file) => readFileSync(path.join(policyOut, documentId, file), 'utf8');

/** The JSON-LD as a script's text: parsed, so that a broken file fails the build; `<` escaped, so that no text in it can end the script. */
const jsonLdScript = (text) => JSON.stringify(JSON.parse(text)).replace(/</g, '\\u003c');

export default function (eleventyConfig) {
  if (!existsSync(path.join(policyOut, documentId, 'fragment.html'))) {
    throw new Error(`No policy in ${policyOut}/${documentId}/: run \`policyc build --out ${policyOut}\` first.`);
  }
  eleventyConfig.addGlobalData('policy', () => ({
    fragment: read('fragment.html'),
    cookies: read('cookies.html'),
    jsonLd: jsonLdScript(read('policy.jsonld')),
    title: JSON.parse(read('policy.json')).title,
  }));
  eleventyConfig.addPassthroughCopy({ [path.join(policyOut, 'assets')]: 'assets' });
  for (const file of published(path.join(policyOut, documentId))) {
    eleventyConfig.addPassthroughCopy({ [path.join(policyOut, documentId, file)]: `${documentId}/${file}` });
  }
  eleventyConfig.addWatchTarget(policyOut);
}

export const config = { dir: { input: 'src', output: '_site' } };
