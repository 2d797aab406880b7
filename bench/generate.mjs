// Synthetic policy projects for the benchmark: the sample's privacy.yaml with
// N cookies, M data categories and M purposes, P prose sections, released K
// times with realistic edits in between, and translated into L locales.
// Deterministic: the same seed, size and sample give byte-identical files.
// Generated projects are validated with the library (any error fails loudly)
// and cached under the work folder, keyed by generator version, seed and size.
//
//   node bench/generate.mjs --size large [--seed 1] [--work bench/.work]
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { bumpVersion, entryHash, formatPretty, schemaVersion, sha256, validate } from '../lib/index.js';
import { createRandom } from './prng.mjs';
import { entityId, locales, paragraph, phrase, proseMarkdown, sentence, title } from './text.mjs';
import { translationOf } from './translation.mjs';

/** Bump when the generator's output changes in a way its sources do not show (they are hashed into the cache key too). */
export const generatorVersion = 1;

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The generator's own modules: a change to any of them makes a new cache key. */
const generatorSources = ['generate.mjs', 'prng.mjs', 'text.mjs', 'translation.mjs'].map((f) => path.join(repoRoot, 'bench', f));

/** Project sizes. `tiny` is for the smoke test. */
export const sizes = {
  large: { cookies: 1000, categories: 200, purposes: 200, sections: 100, versions: 100, locales: 2 },
  'large-50': { cookies: 1000, categories: 200, purposes: 200, sections: 100, versions: 50, locales: 2 },
  // For quick measurements while working on the build: the large project's shape with 10 versions.
  medium: { cookies: 1000, categories: 200, purposes: 200, sections: 100, versions: 10, locales: 2 },
  tiny: { cookies: 12, categories: 6, purposes: 6, sections: 4, versions: 4, locales: 1 },
};

const schemaLine = '# yaml-language-server: $schema=../schema/policy.schema.json\n';
/** Versions take effect three weeks apart from here; all after the EU-US Data Privacy Framework, which the sample relies on. */
const firstEffective = '2024-01-01';
const daysBetweenVersions = 21;
/** Released five weeks before taking effect: more than the 30 days' notice a material change needs. */
const noticeDays = 35;
/** Share of prose sentences reworded in each version. */
const rewordRate = 0.02;
/** Where custom sections go: after these built-in sections of the sample, in turn. */
const anchors = ['collection', 'purposes', 'sharing', 'marketing', 'cookies', 'transfers', 'rights', 'changes', 'contacts'];

const sampleFiles = () => ({
  policy: readFileSync(path.join(repoRoot, 'policy/privacy.yaml'), 'utf8'),
  config: readFileSync(path.join(repoRoot, 'policyc.config.json'), 'utf8'),
});

function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// ---- Entities -------------------------------------------------------------

/** A duration such as `1 year` or `13 months`. */
function duration(rng, max, unit) {
  const n = rng.int(1, max);
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function newCategory(rng, state) {
  const category = { id: entityId(rng, 'data', ++state.serial), label: title(rng) };
  if (rng.chance(0.5)) category.description = phrase(rng);
  category.source = rng.pick(['data-subject', 'automatic', 'third-party', 'public']);
  category.retention = { period: duration(rng, 10, rng.pick(['month', 'year'])), criteria: phrase(rng) };
  return category;
}

function newPurpose(rng, state, categoryIds) {
  const legalBasis = rng.pick(['consent', 'contract', 'legal-obligation', 'legitimate-interests']);
  const purpose = { id: entityId(rng, 'purpose', ++state.serial), description: phrase(rng), categories: categoryIds, legalBasis };
  if (legalBasis === 'legitimate-interests') purpose.legitimateInterest = phrase(rng);
  return purpose;
}

function newCookie(rng, state) {
  const serial = ++state.serial;
  const party = rng.chance(0.6) ? 'third' : 'first';
  const lifetime = rng.chance(0.25) ? 'session' : 'persistent';
  const cookie = { id: entityId(rng, 'cookie', serial), name: `_${rng.pick(['id', 'ga', 'sess', 'pref', 'ad', 'trk'])}_${serial}`, party };
  if (party === 'third') cookie.provider = title(rng);
  cookie.purpose = `Enables us to ${phrase(rng)}`;
  cookie.lifetime = lifetime;
  if (lifetime === 'persistent') cookie.duration = duration(rng, 24, 'month');
  cookie.category = party === 'first' && rng.chance(0.4) ? 'strictly-necessary' : rng.pick(['functional', 'analytics', 'advertising']);
  return cookie;
}

function newSection(rng, state, index) {
  const paragraphs = Array.from({ length: rng.int(2, 5) }, () => paragraph(rng));
  return { id: entityId(rng, 'section', ++state.serial), title: title(rng), after: anchors[index % anchors.length], paragraphs };
}

/** The first version's entities, at the size's counts. */
function initialState(rng, size) {
  const state = { serial: 0 };
  state.categories = Array.from({ length: size.categories }, () => newCategory(rng, state));
  // Purpose i uses category i (so every category is used) and a few others.
  state.purposes = state.categories.slice(0, size.purposes).map((c) =>
    newPurpose(rng, state, [
      c.id,
      ...rng
        .sample(state.categories, rng.int(0, 2))
        .map((x) => x.id)
        .filter((id) => id !== c.id),
    ]),
  );
  state.cookies = Array.from({ length: size.cookies }, () => newCookie(rng, state));
  state.sections = Array.from({ length: size.sections }, (_, i) => newSection(rng, state, i));
  // The sample's recipient that lists categories gets some of the generated ones.
  state.recipientCategories = state.categories.slice(0, 4).map((c) => c.id);
  return state;
}

// ---- Edits between versions -------------------------------------------------

/** Reword about `rewordRate` of the sentences of the prose sections. */
function reword(rng, state) {
  for (const section of state.sections) {
    for (const p of section.paragraphs) p.sentences = p.sentences.map((s) => (rng.chance(rewordRate) ? sentence(rng) : s));
  }
}

/** Remove `count` random items of a list; returns the removed ones. */
function removeSome(rng, list, count) {
  const gone = new Set(rng.sample(list, Math.min(count, list.length - 1)));
  const kept = list.filter((x) => !gone.has(x));
  list.splice(0, list.length, ...kept);
  return [...gone];
}

/** How many to add to a list that just lost `removed` items: as many, and one more while it is below `target`. */
const refill = (list, removed, target) => removed + (list.length + removed < target ? 1 : 0);

function editCookies(rng, state, size) {
  const removed = removeSome(rng, state.cookies, rng.int(1, 3)).length;
  const adds = refill(state.cookies, removed, size.cookies);
  for (let i = 0; i < adds; i++) state.cookies.splice(rng.int(0, state.cookies.length), 0, newCookie(rng, state));
  // A provider lengthening a cookie's lifetime is a common material edit.
  const persistent = state.cookies.filter((c) => c.lifetime === 'persistent');
  if (persistent.length) rng.pick(persistent).duration = duration(rng, 24, 'month');
}

function editCategories(rng, state, size) {
  const removed = new Set(removeSome(rng, state.categories, rng.int(0, 2)).map((c) => c.id));
  const remaining = () => state.categories.map((c) => c.id);
  for (const purpose of state.purposes) {
    purpose.categories = purpose.categories.filter((id) => !removed.has(id));
    if (!purpose.categories.length) purpose.categories.push(rng.pick(remaining()));
  }
  state.recipientCategories = state.recipientCategories.filter((id) => !removed.has(id));
  if (!state.recipientCategories.length) state.recipientCategories.push(rng.pick(remaining()));
  // New data goes to an existing purpose, so that it is used.
  const adds = refill(state.categories, removed.size, size.categories);
  for (let i = 0; i < adds; i++) {
    const category = newCategory(rng, state);
    state.categories.splice(rng.int(0, state.categories.length), 0, category);
    rng.pick(state.purposes).categories.push(category.id);
  }
}

function editPurposes(rng, state, size) {
  const removed = removeSome(rng, state.purposes, rng.int(0, 2)).length;
  const adds = refill(state.purposes, removed, size.purposes);
  for (let i = 0; i < adds; i++) {
    state.purposes.splice(
      rng.int(0, state.purposes.length),
      0,
      newPurpose(
        rng,
        state,
        rng.sample(state.categories, rng.int(1, 3)).map((c) => c.id),
      ),
    );
  }
  // A category no purpose uses any more is moved to another purpose, as an editor would.
  const used = new Set(state.purposes.flatMap((p) => p.categories));
  for (const category of state.categories) if (!used.has(category.id)) rng.pick(state.purposes).categories.push(category.id);
}

/**
 * The next version's entities: about 2% of the prose reworded, and in most
 * versions (material ones) a few cookies, categories and purposes added and
 * removed; the others (editorial) only reword and drop a cookie now and then.
 */
function evolve(rng, state, size) {
  const next = structuredClone(state);
  reword(rng, next);
  const material = rng.chance(0.65);
  if (material) {
    editCookies(rng, next, size);
    editCategories(rng, next, size);
    editPurposes(rng, next, size);
  } else if (rng.chance(0.5)) {
    removeSome(rng, next.cookies, 1);
  }
  return { state: next, material };
}

// ---- Documents ------------------------------------------------------------

/** The policy document of a state: the sample with the generated entities in place of its own. */
function policyOf(base, state, version, effective) {
  const doc = structuredClone(base);
  Object.assign(doc, { version, effective });
  doc.collection.categories = state.categories;
  doc.purposes.items = state.purposes;
  doc.sharing.recipients = doc.sharing.recipients.map((r) => (r.categories ? { ...r, categories: state.recipientCategories } : r));
  doc.cookies.items = state.cookies;
  doc.sections = state.sections.map(({ paragraphs, ...s }) => ({ ...s, body: proseMarkdown(paragraphs) }));
  return doc;
}

const yamlText = (value) => YAML.stringify(value, { lineWidth: 0 });

/**
 * Every version of a size, with its release dates, and the next edit after
 * the last one (unreleased, its version already raised, as an editor
 * preparing a release with its translations would leave it).
 */
function versionsOf(seed, size, base) {
  const rng = createRandom(seed);
  let state = initialState(rng, size);
  let version = '1.0.0';
  const out = [];
  for (let i = 0; i <= size.versions; i++) {
    if (i > 0) {
      const evolved = evolve(rng, state, size);
      state = evolved.state;
      // The version a release would pick: minor for material changes, patch for editorial ones.
      version = bumpVersion(version, evolved.material ? 'minor' : 'patch');
    }
    const effective = addDays(firstEffective, i * daysBetweenVersions);
    const policy = policyOf(base, state, version, effective);
    out.push({ version, effective, released: addDays(effective, -noticeDays), policy, text: schemaLine + yamlText(policy) });
    // Only the newest version and the next edit need their objects (for translations): let the others go.
    if (out.length > 2) delete out[out.length - 3].policy;
  }
  return { released: out.slice(0, -1), next: out[out.length - 1] };
}

/** The manifest of a list of releases, chained by hash as `policyc release` writes it. */
function manifestOf(id, releases) {
  const entries = [];
  for (const r of releases) {
    const previous = entries.length ? entryHash(entries[entries.length - 1]) : null;
    entries.push({
      version: r.version,
      effective: r.effective,
      released: r.released,
      schemaVersion,
      file: `${r.version}.yaml`,
      sha256: sha256(r.text),
      previous,
    });
  }
  return `${JSON.stringify({ document: id, releases: entries }, null, 2)}\n`;
}

/** A translation file's text: the translation of `policy` into `locale`. */
const translationText = (policy, locale) =>
  `# yaml-language-server: $schema=../schema/translation.schema.json\n${yamlText(translationOf(policy, locale))}`;

/**
 * Write a project into `dir/project`: the working document (the newest
 * version), its history, the translations of the newest version and the
 * config; and beside it the next edit (`next.yaml`, `next.<locale>.yaml`).
 * Returns the project's metadata. Does not validate: see `ensureProject`.
 */
export function generateProject(dir, { seed, size: sizeName, sample = sampleFiles() }) {
  const size = sizeOf(sizeName);
  const base = YAML.parse(sample.policy);
  const { released, next } = versionsOf(seed, size, base);
  const newest = released[released.length - 1];
  const policyDir = path.join(dir, 'project/policy');
  const history = path.join(policyDir, 'history', base.id);
  mkdirSync(history, { recursive: true });
  for (const r of released) writeFileSync(path.join(history, `${r.version}.yaml`), r.text);
  writeFileSync(path.join(history, 'manifest.json'), manifestOf(base.id, released));
  writeFileSync(path.join(policyDir, `${base.id}.yaml`), newest.text);
  writeFileSync(path.join(dir, 'project/policyc.config.json'), sample.config);
  writeFileSync(path.join(dir, 'next.yaml'), next.text);
  const chosen = locales.slice(0, size.locales);
  for (const locale of chosen) {
    writeFileSync(path.join(policyDir, `${base.id}.${locale}.yaml`), translationText(newest.policy, locale));
    writeFileSync(path.join(dir, `next.${locale}.yaml`), translationText(next.policy, locale));
  }
  return {
    generatorVersion,
    seed,
    size: sizeName,
    ...size,
    id: base.id,
    versions: released.map((r) => r.version),
    buildDate: newest.effective,
    next: {
      version: next.version,
      effective: next.effective,
      file: 'next.yaml',
      translations: Object.fromEntries(chosen.map((l) => [l, `next.${l}.yaml`])),
    },
  };
}

/** Validate a project with the library; throws, printing the diagnostics, if it has any error. */
export async function checkProject(projectDir, date) {
  const { diagnostics, sources } = await validate({ cwd: projectDir, date });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    const shown = formatPretty(errors.slice(0, 20), { sources });
    throw new Error(`The generated project ${projectDir} is not valid (${errors.length} errors):\n${shown}`);
  }
  const byRule = {};
  for (const d of diagnostics) byRule[d.ruleId] = (byRule[d.ruleId] ?? 0) + 1;
  return { warnings: diagnostics.length, byRule };
}

function sizeOf(name) {
  if (!sizes[name]) throw new Error(`Unknown size \`${name}\` (known: ${Object.keys(sizes).join(', ')})`);
  return sizes[name];
}

const shortHash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 10);

/** Where a generated project is cached: its key names everything its bytes depend on. */
export function projectKey(sizeName, seed, sample = sampleFiles()) {
  const size = sizeOf(sizeName);
  const code = generatorSources.map((f) => readFileSync(f, 'utf8'));
  return `${sizeName}-s${seed}-g${generatorVersion}-${shortHash(JSON.stringify([size, sample, code, schemaVersion]))}`;
}

/**
 * The generated project of a size and seed, from the cache or generated,
 * validated and cached now. Returns its folder, its metadata and the path of
 * the project inside it (`project/`).
 */
export async function ensureProject({ size: sizeName, seed = 1, work = path.join(repoRoot, 'bench/.work'), log = () => {} }) {
  const sample = sampleFiles();
  const dir = path.join(work, 'projects', projectKey(sizeName, seed, sample));
  const metaFile = path.join(dir, 'generated.json');
  if (existsSync(metaFile)) return { dir, project: path.join(dir, 'project'), meta: JSON.parse(readFileSync(metaFile, 'utf8')) };
  log(`generating the ${sizeName} project (seed ${seed}) into ${path.relative(process.cwd(), dir)}`);
  // Generate beside the cache entry and rename it into place, so an interrupted run leaves no half project.
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const started = performance.now();
  const meta = generateProject(staging, { seed, size: sizeName, sample });
  meta.generationMs = Math.round(performance.now() - started);
  log(`validating it (${meta.versions.length} versions)`);
  meta.validation = await checkProject(path.join(staging, 'project'), meta.buildDate);
  writeFileSync(path.join(staging, 'generated.json'), `${JSON.stringify(meta, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return { dir, project: path.join(dir, 'project'), meta };
}

/** Every file below `dir`, sorted, as [relative path, text] pairs. */
function treeOf(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort()
    .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]);
}

/** The repository's sample project (policy/ and the config) as it is, copied into the work folder. */
export async function ensureSample({ work = path.join(repoRoot, 'bench/.work') } = {}) {
  const sample = sampleFiles();
  const dir = path.join(work, 'projects', `sample-${shortHash(JSON.stringify([sample.config, treeOf(path.join(repoRoot, 'policy'))]))}`);
  if (!existsSync(path.join(dir, 'project/policy'))) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(path.join(repoRoot, 'policy'), path.join(dir, 'project/policy'), { recursive: true });
    writeFileSync(path.join(dir, 'project/policyc.config.json'), sample.config);
  }
  const manifest = JSON.parse(readFileSync(path.join(dir, 'project/policy/history/privacy/manifest.json'), 'utf8'));
  const newest = manifest.releases[manifest.releases.length - 1];
  return {
    dir,
    project: path.join(dir, 'project'),
    meta: { size: 'sample', versions: manifest.releases.map((r) => r.version), buildDate: newest.effective },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { size: { type: 'string', default: 'large' }, seed: { type: 'string', default: '1' }, work: { type: 'string' } },
  });
  const found = await ensureProject({
    size: values.size,
    seed: Number(values.seed),
    ...(values.work ? { work: path.resolve(values.work) } : {}),
    log: (m) => console.error(m),
  });
  console.log(found.project);
}
