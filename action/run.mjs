#!/usr/bin/env node
// The policyc GitHub Action's logic (action.yml runs it): validate against the pull request's
// base, write the SARIF log for code scanning, and keep ONE pull-request comment with the
// semantic diff, updated on later pushes. Plain Node.js with no dependency, so it runs before
// and without `npm ci`, and is tested without GitHub: its inputs are environment variables,
// and GitHub is reached only through the `gh` CLI (a fake one on PATH in the tests).
//
// Nothing read from the pull request (the diff, file names, messages) is ever put into a
// command line for a shell: commands run without a shell, and the comment's body goes to
// `gh` as a file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The hidden first line that marks the action's own comment. */
export const marker = '<!-- policyc-diff -->';
/** GitHub refuses a comment over 65,536 characters. */
const maxComment = 65_000;

const env = process.env;
const log = (text) => process.stdout.write(`${text}\n`);
/** A workflow command's data, escaped as the runner decodes it. */
const escapeData = (text) => String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const warn = (text) => log(`::warning title=policyc::${escapeData(text)}`);

const inputs = {
  directory: path.resolve(env.INPUT_DIRECTORY || '.'),
  policy: env.INPUT_POLICY || '',
  failOn: env.INPUT_FAIL_ON === 'warning' ? 'warning' : 'error',
  comment: (env.INPUT_COMMENT || 'true') === 'true',
  base: env.INPUT_BASE || env.GITHUB_BASE_REF || '',
  version: (env.INPUT_VERSION || '').trim(),
};
const temp = env.RUNNER_TEMP || path.join(inputs.directory, '.policyc-action');
mkdirSync(temp, { recursive: true });

/** Run a program without a shell; its exit code and output. */
function run(file, args, options = {}) {
  const r = spawnSync(file, args, { cwd: inputs.directory, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (r.error) return { code: 127, stdout: '', stderr: String(r.error.message) };
  return { code: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/**
 * The CLI to run: the project's own policyc (`node_modules/policyc`, the version its lockfile
 * pins, as developers run it), else the `version` input (a version, a range or any npm package
 * spec), else this action's version, installed once into the runner's temporary folder.
 */
function policycBin() {
  const installed = path.join(inputs.directory, 'node_modules/policyc/lib/cli/bin.js');
  if (existsSync(installed)) return installed;
  const actionRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const own = JSON.parse(readFileSync(path.join(actionRoot, 'package.json'), 'utf8')).version;
  const wanted = inputs.version || own;
  // A bare version or range names policyc's; anything else (a tarball, `policyc@next`) is npm's to read.
  const spec = /^[\d^~<>=*x]/.test(wanted) ? `policyc@${wanted}` : wanted;
  const prefix = path.join(temp, `policyc-${createHash('sha256').update(spec).digest('hex').slice(0, 12)}`);
  const bin = path.join(prefix, 'node_modules/policyc/lib/cli/bin.js');
  if (!existsSync(bin)) {
    log(
      `policyc is not installed in ${inputs.directory}: installing ${spec}${inputs.version ? ' (the version input)' : ", this action's version"}.`,
    );
    mkdirSync(prefix, { recursive: true });
    // A package.json of its own, so that npm installs into the prefix and never into a parent project.
    writeFileSync(path.join(prefix, 'package.json'), '{ "private": true }\n');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = run(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, spec]);
    if (r.code !== 0) throw new Error(`npm install ${spec} failed:\n${r.stderr}`);
    if (!existsSync(bin)) throw new Error(`npm install ${spec} did not install policyc (no ${path.relative(prefix, bin)})`);
  }
  return bin;
}

/** Fetch the base branch's commit (its tree, not its history: one commit is enough for --base). */
function fetchBase(branch) {
  const r = run('git', ['fetch', '--no-tags', '--depth=1', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`]);
  if (r.code !== 0) warn(`Could not fetch the base branch ${branch}: ${r.stderr.trim()}`);
  return `origin/${branch}`;
}

/** The documents the base has in the policy folder, so that one the pull request deletes is reported. */
function baseDocumentIds(base, policyDir) {
  const folder = fromRepositoryRoot(policyDir);
  const r = run('git', ['ls-tree', '--name-only', `${base}:${folder}`]);
  if (r.code !== 0) return [];
  return r.stdout
    .split('\n')
    .filter((name) => /^[a-z0-9][a-z0-9-]*\.ya?ml$/.test(name))
    .map((name) => name.replace(/\.ya?ml$/, ''))
    .sort();
}

/** The documents of the policy folder: `<id>.yaml` (translations are `<id>.<locale>.yaml`). */
function documentIds(policyDir) {
  if (!existsSync(policyDir)) return [];
  return readdirSync(policyDir)
    .filter((name) => /^[a-z0-9][a-z0-9-]*\.ya?ml$/.test(name))
    .map((name) => name.replace(/\.ya?ml$/, ''))
    .sort();
}

/** A document's diff, its heading naming the document: a project can have several. */
function namedSection(id, markdown) {
  return markdown.replace(/^## Policy changes: /m, `## Policy changes to \`${id}\`: `);
}

/** A path relative to the repository root, with `/`. */
function fromRepositoryRoot(file) {
  const top = run('git', ['rev-parse', '--show-toplevel']).stdout.trim() || inputs.directory;
  return path.relative(top, path.resolve(inputs.directory, file)).split(path.sep).join('/');
}

function setOutputs(outputs) {
  const lines = Object.entries(outputs).map(([key, value]) => `${key}=${String(value).replace(/[\r\n]/g, ' ')}`);
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${lines.join('\n')}\n`);
  else lines.forEach(log);
}

/** The pull request's number, from the event GitHub describes in a file. */
function pullRequestNumber() {
  if (!env.GITHUB_EVENT_PATH || !existsSync(env.GITHUB_EVENT_PATH)) return undefined;
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  const number = event.pull_request?.number ?? event.number;
  return Number.isInteger(number) ? number : undefined;
}

/**
 * Keep one comment: update the action's earlier comment (found by its marker, among comments by
 * a bot) or create one. Nothing is posted when there is no earlier comment and nothing to say.
 * Returns what it did, for the log and the tests.
 */
export function upsertComment({ repository, number, bodyFile, hasNews }) {
  const list = run('gh', [
    'api',
    '--paginate',
    `repos/${repository}/issues/${number}/comments`,
    '--jq',
    `.[] | select(.user.type == "Bot" and (.body | startswith("${marker}"))) | .id`,
  ]);
  if (list.code !== 0) throw new Error(`gh api could not list the comments: ${list.stderr.trim()}`);
  const existing = list.stdout
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /^\d+$/.test(line));
  if (existing) {
    const r = run('gh', ['api', '--method', 'PATCH', `repos/${repository}/issues/comments/${existing}`, '-F', `body=@${bodyFile}`]);
    if (r.code !== 0) throw new Error(`gh api could not update comment ${existing}: ${r.stderr.trim()}`);
    return `updated ${existing}`;
  }
  if (!hasNews) return 'none';
  const r = run('gh', ['api', '--method', 'POST', `repos/${repository}/issues/${number}/comments`, '-F', `body=@${bodyFile}`]);
  if (r.code !== 0) throw new Error(`gh api could not create the comment: ${r.stderr.trim()}`);
  return 'created';
}

function main() {
  const bin = policycBin();
  const policyc = (args) => run(process.execPath, [bin, ...args, ...(inputs.policy ? ['--policy', inputs.policy] : [])]);
  const base = inputs.base ? fetchBase(inputs.base) : undefined;
  const baseArgs = base ? ['--base', base] : [];

  // 1. Validate: annotations in the log, and a SARIF log for code scanning.
  const annotations = policyc(['validate', '--format', 'github', ...baseArgs]);
  process.stdout.write(annotations.stdout);
  process.stderr.write(annotations.stderr);
  const sarifRun = policyc(['validate', '--format', 'sarif', ...baseArgs]);
  let errors = 0;
  let warnings = 0;
  let sarifFile = '';
  try {
    const sarif = JSON.parse(sarifRun.stdout);
    // Code scanning wants paths from the repository root; policyc gives them from the project.
    for (const result of sarif.runs.flatMap((r) => r.results))
      for (const location of result.locations ?? []) {
        const artifact = location.physicalLocation?.artifactLocation;
        if (artifact?.uri) artifact.uri = fromRepositoryRoot(artifact.uri);
      }
    const results = sarif.runs.flatMap((r) => r.results);
    errors = results.filter((r) => r.level === 'error').length;
    warnings = results.filter((r) => r.level === 'warning').length;
    sarifFile = path.join(temp, 'policyc.sarif');
    writeFileSync(sarifFile, JSON.stringify(sarif, null, 2));
  } catch {
    warn(`policyc validate --format sarif gave no SARIF log (exit ${sarifRun.code}): ${sarifRun.stderr.trim()}`);
    errors = Math.max(1, errors);
  }

  // 2. The semantic diff of each document against the base.
  const policyDir = path.resolve(inputs.directory, inputs.policy || 'policy');
  const sections = [];
  let changes = 0;
  let materialChanges = 0;
  if (base) {
    const present = documentIds(policyDir);
    for (const id of baseDocumentIds(base, policyDir).filter((id) => !present.includes(id))) {
      // Taking a whole document down is material: its readers lose what it told them.
      changes += 1;
      materialChanges += 1;
      sections.push(`### \`${id}\`\n\n**Removed:** this pull request deletes the document \`${id}\`, which \`${inputs.base}\` has.`);
    }
    for (const id of present) {
      const json = policyc(['diff', '--base', base, '--document', id, '--format', 'json']);
      if (json.code !== 0) {
        sections.push(
          `### \`${id}\`\n\npolicyc could not compare it with \`${inputs.base}\`:\n\n\`\`\`text\n${json.stderr.replace(/```/g, "'''").trim()}\n\`\`\``,
        );
        continue;
      }
      const set = JSON.parse(json.stdout);
      changes += set.changes.length;
      materialChanges += set.changes.filter((c) => c.material).length;
      if (set.changes.length || set.weakenedGates?.length || set.newDocument)
        sections.push(namedSection(id, policyc(['diff', '--base', base, '--document', id, '--format', 'md']).stdout.trim()));
    }
  }
  const material = materialChanges > 0;
  const hasNews = sections.length > 0;
  let body = [marker, ...(hasNews ? sections : [`No change to the policy against \`${inputs.base}\`.`])].join('\n\n');
  if (body.length > maxComment)
    body = `${body.slice(0, maxComment)}\n\n… (cut: run \`npx policyc diff --base origin/${inputs.base} --format md\` for all of it)`;
  const bodyFile = path.join(temp, 'policyc-diff.md');
  writeFileSync(bodyFile, `${body}\n`);
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${body}\n`);

  // 3. The one comment.
  const number = pullRequestNumber();
  let comment = 'none';
  if (inputs.comment && number !== undefined && env.GITHUB_REPOSITORY && base) {
    try {
      comment = upsertComment({ repository: env.GITHUB_REPOSITORY, number, bodyFile, hasNews });
    } catch (error) {
      // A pull request from a fork gets a read-only token: the comment cannot be posted there.
      warn(`${error.message} (a pull request from a fork has a read-only token)`);
      comment = 'failed';
    }
  }
  log(`policyc: ${errors} errors, ${warnings} warnings; ${changes} changes, ${materialChanges} material; comment: ${comment}`);

  const failed = errors > 0 || (inputs.failOn === 'warning' && warnings > 0);
  setOutputs({
    material,
    changes,
    'material-changes': materialChanges,
    errors,
    warnings,
    sarif: sarifFile,
    'diff-file': bodyFile,
    comment,
    failed,
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    log(`::error title=policyc::${escapeData(error instanceof Error ? error.message : error)}`);
    process.exit(1);
  }
}
