// The policyc GitHub Action (action.yml, its logic in action/run.mjs) and the workflow `policyc init`
// writes, run as CI runs them: real git with a base branch on an "origin", the built CLI installed
// in the project's node_modules, and a fake `gh` on PATH that records every call. Three pull
// requests: the first one, which adds the policy; a later one with a material change, pushed
// twice; one that changes no policy file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { bin } from './support/cli.js';
import { root } from './support/fixtures.js';
import { git } from './support/git.js';
import { tempDir } from './support/project.js';

interface Comment {
  id: number;
  issue: number;
  user: { type: string };
  body: string;
}
interface GhState {
  comments: Comment[];
  calls: string[][];
}

/** A repository with an "origin" holding main, and everything a run of the Action needs around it. */
function scratch(subfolder = '', { installed = true } = {}) {
  const dir = tempDir('policyc-action-');
  const origin = path.join(dir, 'origin.git');
  const work = path.join(dir, 'work');
  git(dir, 'init', '-q', '--bare', '-b', 'main', origin);
  mkdirSync(work);
  git(work, 'init', '-q', '-b', 'main');
  git(work, 'remote', 'add', 'origin', `file://${origin}`);
  writeFileSync(path.join(work, 'README.md'), '# Our website\n');
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'start');
  git(work, 'push', '-q', 'origin', 'main');
  // policyc installed in the project, as `npm ci` leaves it (this checkout, built).
  const project = path.join(work, subfolder);
  mkdirSync(project, { recursive: true });
  if (installed) {
    mkdirSync(path.join(project, 'node_modules'));
    symlinkSync(root, path.join(project, 'node_modules/policyc'), 'dir');
  }
  // A fake gh on PATH.
  const fakeBin = path.join(dir, 'bin');
  mkdirSync(fakeBin);
  writeFileSync(path.join(fakeBin, 'gh'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(root, 'test/support/fake-gh.mjs')}" "$@"\n`, {
    mode: 0o755,
  });
  const ghState = path.join(dir, 'gh.json');
  writeFileSync(ghState, JSON.stringify({ comments: [], calls: [] }));
  const gh = (): GhState => JSON.parse(readFileSync(ghState, 'utf8'));
  let runs = 0;
  /** Run the Action's script for pull request `number` against main: its outputs and log. */
  const action = (number: number, inputs: Record<string, string> = {}) => {
    const runDir = path.join(dir, `run-${++runs}`);
    mkdirSync(runDir);
    const event = path.join(runDir, 'event.json');
    writeFileSync(event, JSON.stringify({ number, pull_request: { number } }));
    const output = path.join(runDir, 'output');
    writeFileSync(output, '');
    const r = spawnSync(process.execPath, [path.join(root, 'action/run.mjs')], {
      cwd: work,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${fakeBin}${path.delimiter}${process.env.PATH}`,
        FAKE_GH_STATE: ghState,
        POLICYC_CACHE_KEY_FILE: path.join(dir, 'cache-key'),
        GITHUB_BASE_REF: 'main',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'example/website',
        GITHUB_OUTPUT: output,
        RUNNER_TEMP: runDir,
        INPUT_DIRECTORY: project,
        ...inputs,
      },
    });
    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    return { code: r.status, log: `${r.stdout}${r.stderr}`, outputs };
  };
  const commit = (message: string) => {
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', message);
  };
  /** Merge a branch into main and push main, as merging the pull request does. */
  const merge = (branch: string) => {
    git(work, 'checkout', '-q', 'main');
    git(work, 'merge', '-q', '--ff-only', branch);
    git(work, 'push', '-q', 'origin', 'main');
  };
  const setGh = (next: GhState) => writeFileSync(ghState, JSON.stringify(next));
  return { work, project, action, gh, setGh, commit, merge };
}

/** Whether a changed file matches one of the workflow's `paths:` patterns (`dir/**`, or a file name). */
const matchesPaths = (file: string, patterns: readonly string[]) =>
  patterns.some((p) => (p.endsWith('/**') ? file.startsWith(p.slice(0, -2)) : file === p));

const policyc = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
const marker = '<!-- policyc-diff -->';

describe('the policyc Action with real git', () => {
  const repo = scratch();
  const { work, action, gh, setGh, commit, merge } = repo;
  const purpose = [
    '    - id: research',
    '      description: study how our services are used, to plan new ones',
    '      categories: [device-data]',
    '      legalBasis: legitimate-interests',
    '      legitimateInterest: planning our services',
    '    - id: legal-obligations',
  ].join('\n');

  it('passes the first pull request, which adds the policy, and comments that all of it is new', () => {
    git(work, 'checkout', '-q', '-b', 'add-policy');
    expect(policyc(work, 'init', '.').status).toBe(0);
    commit('Add the privacy policy');
    // What failed before: the base has no policy/ ("does not exist at git revision main").
    const r = action(1);
    expect(r.code, r.log).toBe(0);
    expect(r.outputs).toMatchObject({ failed: 'false', errors: '0', material: 'true', comment: 'created' });
    const comments = gh().comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.issue).toBe(1);
    expect(comments[0]!.body.startsWith(`${marker}\n`)).toBe(true);
    expect(comments[0]!.body).toContain('**A new document:** it does not exist at `origin/main`, so all of it is new.');
    expect(comments[0]!.body).toContain('Adds the purpose');
    // The SARIF log for code scanning: valid JSON, paths from the repository root.
    const sarif = JSON.parse(readFileSync(r.outputs.sarif!, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    merge('add-policy');
  }, 120_000);

  it('comments a later material change once, and updates that comment on the next push', () => {
    git(work, 'checkout', '-q', '-b', 'research');
    const file = path.join(work, 'policy/privacy.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    - id: legal-obligations', purpose));
    commit('Add a research purpose');
    // A person's comment that happens to start with the marker is never the Action's to edit.
    const before = gh();
    before.comments.push({ id: 7, issue: 2, user: { type: 'User' }, body: `${marker}\nmine` });
    setGh(before);
    const first = action(2);
    expect(first.code, first.log).toBe(0);
    expect(first.outputs).toMatchObject({ failed: 'false', material: 'true', 'material-changes': '1', changes: '1', comment: 'created' });
    const created = gh().comments.filter((c) => c.issue === 2 && c.user.type === 'Bot');
    expect(created).toHaveLength(1);
    expect(created[0]!.body).toContain('Adds the purpose “study how our services are used, to plan new ones”');
    // The second push changes the wording: the same comment is updated, none added.
    writeFileSync(file, readFileSync(file, 'utf8').replace('to plan new ones', 'to plan and improve them'));
    commit('Reword');
    const second = action(2);
    expect(second.code, second.log).toBe(0);
    expect(second.outputs).toMatchObject({ material: 'true', comment: `updated ${created[0]!.id}` });
    const after = gh();
    expect(after.comments.filter((c) => c.issue === 2)).toHaveLength(2); // the person's and the Action's
    expect(after.comments.find((c) => c.id === 7)!.body).toBe(`${marker}\nmine`);
    const updated = after.comments.find((c) => c.id === created[0]!.id)!;
    expect(updated.body).toContain('to plan and improve them');
    expect(updated.body).not.toContain('to plan new ones');
    const writes = after.calls.filter((c) => c.includes('--method')).map((c) => [c[c.indexOf('--method') + 1], c[3]]);
    expect(writes).toEqual([
      ['POST', 'repos/example/website/issues/1/comments'],
      ['POST', 'repos/example/website/issues/2/comments'],
      ['PATCH', `repos/example/website/issues/comments/${created[0]!.id}`],
    ]);
  }, 120_000);

  it('is skipped by paths: for a pull request without policy changes, and run anyway comments nothing', () => {
    git(work, 'checkout', '-q', 'main');
    git(work, 'checkout', '-q', '-b', 'readme');
    writeFileSync(path.join(work, 'README.md'), '# Our website\n\nNow with a README.\n');
    commit('README');
    const workflow = parseYaml(readFileSync(path.join(work, '.github/workflows/policy.yml'), 'utf8'));
    const changed = git(work, 'diff', '--name-only', 'origin/main...HEAD').split('\n').filter(Boolean);
    expect(changed).toEqual(['README.md']);
    expect(changed.filter((f) => matchesPaths(f, workflow.on.pull_request.paths))).toEqual([]);
    // The policy's own files are in the filter.
    expect(matchesPaths('policy/privacy.yaml', workflow.on.pull_request.paths)).toBe(true);
    const callsBefore = gh().calls.length;
    const r = action(3);
    expect(r.code, r.log).toBe(0);
    expect(r.outputs).toMatchObject({ failed: 'false', material: 'false', changes: '0', comment: 'none' });
    expect(gh().comments.filter((c) => c.issue === 3)).toEqual([]);
    // It looked for an earlier comment (to update it to "no change") and wrote nothing.
    expect(
      gh()
        .calls.slice(callsBefore)
        .filter((c) => c.includes('--method')),
    ).toEqual([]);
    expect(readFileSync(r.outputs['diff-file']!, 'utf8')).toContain('No change to the policy');
  }, 120_000);

  it('fails the check on an error, with the SARIF log still written, and on a warning with fail-on: warning', () => {
    git(work, 'checkout', '-q', '-b', 'broken');
    const file = path.join(work, 'policy/privacy.yaml');
    // A warning only (raw HTML in prose): it passes, unless fail-on is warning.
    writeFileSync(file, readFileSync(file, 'utf8').replace('respects your privacy.', 'respects your <b>privacy</b>.'));
    commit('Raw HTML');
    const warned = action(4, { INPUT_COMMENT: 'false' });
    expect(warned.outputs).toMatchObject({ failed: 'false', errors: '0', warnings: '1' });
    expect(action(4, { INPUT_COMMENT: 'false', INPUT_FAIL_ON: 'warning' }).outputs).toMatchObject({ failed: 'true', warnings: '1' });
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: /m, 'titel: x\ntitle: '));
    commit('Break it');
    const r = action(4, { INPUT_COMMENT: 'false' });
    expect(r.code, r.log).toBe(0);
    // A document with a schema error is not judged by the rules further: the error alone.
    expect(r.outputs).toMatchObject({ failed: 'true', errors: '1', warnings: '0', comment: 'none' });
    expect(r.log).toContain('::error file=policy/privacy.yaml');
    const sarif = JSON.parse(readFileSync(r.outputs.sarif!, 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId).sort()).toEqual(['schema-additional-property']);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('policy/privacy.yaml');
    expect(sarif.runs[0].tool.driver.rules[0].helpUri).toMatch(/^https:\/\/github\.com\/policyc\/policyc\/blob\/v/);
  }, 120_000);
});

describe('action.yml', () => {
  const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8'), { uniqueKeys: true });
  type Step = { id?: string; if?: string; run?: string; uses?: string; with?: Record<string, string>; env?: Record<string, string> };
  const steps: Step[] = action.runs.steps;

  it('is a composite action running action/run.mjs, with the inputs and outputs the issue asks for', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['directory', 'policy', 'fail-on', 'comment', 'sarif', 'base', 'token']),
    );
    expect(action.inputs['fail-on'].default).toBe('error');
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(['material', 'changes', 'material-changes', 'errors', 'warnings']));
    const main = steps.find((s) => s.id === 'policyc')!;
    expect(main.run).toBe('node "$GITHUB_ACTION_PATH/action/run.mjs"');
    expect(existsSync(path.join(root, 'action/run.mjs'))).toBe(true);
    // Inputs reach the scripts through the environment, never pasted into them (script injection).
    for (const step of steps) expect(step.run ?? '').not.toContain('${{');
    expect(main.env).toMatchObject({ INPUT_BASE: '${{ inputs.base || github.base_ref }}', GH_TOKEN: '${{ inputs.token }}' });
  });

  it('uploads the SARIF log to code scanning with upload-sarif at a pinned major, even when the check fails', () => {
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.uses).toMatch(/@v\d+$/);
    expect(upload.if).toContain('always()');
    expect(upload.with?.sarif_file).toBe('${{ steps.policyc.outputs.sarif }}');
    // The step that fails the check comes after the upload.
    expect(steps.findIndex((s) => s.if?.includes("outputs.failed == 'true'"))).toBeGreaterThan(steps.indexOf(upload));
  });
});

describe('the policyc Action on a project in a subfolder of the repository', () => {
  it('gives code scanning paths from the repository root', () => {
    const { work, project, action, commit } = scratch('legal');
    git(work, 'checkout', '-q', '-b', 'add-policy');
    expect(policyc(project, 'init', '.').status).toBe(0);
    const file = path.join(project, 'policy/privacy.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: /m, 'titel: x\ntitle: '));
    commit('Add a broken policy');
    const r = action(1, { INPUT_COMMENT: 'false' });
    expect(r.outputs).toMatchObject({ failed: 'true', errors: '1' });
    const sarif = JSON.parse(readFileSync(r.outputs.sarif!, 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('legal/policy/privacy.yaml');
  }, 120_000);
});

describe('the policyc Action on a project with several documents', () => {
  it('gives each document its section, sums their changes, and reports a deleted document as material', () => {
    const { work, action, gh, commit, merge } = scratch();
    git(work, 'checkout', '-q', '-b', 'add-policies');
    expect(policyc(work, 'init', '.').status).toBe(0);
    const privacy = path.join(work, 'policy/privacy.yaml');
    const app = path.join(work, 'policy/app-privacy.yaml');
    writeFileSync(
      app,
      readFileSync(privacy, 'utf8').replace('id: privacy', 'id: app-privacy').replace('title: Privacy Policy', 'title: App Privacy Policy'),
    );
    commit('Add the website and app policies');
    const first = action(1);
    expect(first.code, first.log).toBe(0);
    expect(first.outputs).toMatchObject({ failed: 'false', errors: '0', material: 'true', comment: 'created' });
    const added = gh().comments[0]!.body;
    expect(added.match(/\*\*A new document:\*\*/g)).toHaveLength(2);
    expect(added).toContain('## Policy changes to `app-privacy`: git:origin/main → working copy');
    expect(added.indexOf('`app-privacy`')).toBeLessThan(added.indexOf('## Policy changes to `privacy`: git:origin/main → working copy'));
    merge('add-policies');

    git(work, 'checkout', '-q', '-b', 'drop-app');
    writeFileSync(privacy, readFileSync(privacy, 'utf8').replace('duration: 13 months', 'duration: 25 months'));
    rmSync(app);
    commit('One policy for the website and the app');
    const second = action(2);
    expect(second.code, second.log).toBe(0);
    expect(second.outputs).toMatchObject({ material: 'true', changes: '2', 'material-changes': '2' });
    const body = gh().comments.find((c) => c.issue === 2)!.body;
    expect(body).toContain('### `app-privacy`\n\n**Removed:** this pull request deletes the document `app-privacy`, which `main` has.');
    expect(body).toContain('## Policy changes to `privacy`: git:origin/main → working copy');
    expect(body).toContain('13 months to 25 months');
  }, 180_000);
});

describe('the policyc Action in a project that has not installed policyc', () => {
  it('installs the version input (here a packed tarball) into the runner’s temporary folder, and runs it', () => {
    const { work, project, action, commit } = scratch('', { installed: false });
    const packs = path.join(project, '..', 'packs');
    mkdirSync(packs);
    // lib/ is built by `npm test` before the tests: packing must not build it again.
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packs], { cwd: root, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = path.join(packs, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);
    git(work, 'checkout', '-q', '-b', 'add-policy');
    expect(policyc(work, 'init', '.').status).toBe(0);
    commit('Add the privacy policy');
    const inputs = { INPUT_VERSION: tarball, INPUT_COMMENT: 'false', npm_config_prefer_offline: 'true' };
    const first = action(1, inputs);
    expect(first.code, first.log).toBe(0);
    expect(first.log).toContain(`policyc is not installed in ${project}: installing ${tarball} (the version input).`);
    expect(first.outputs).toMatchObject({ failed: 'false', errors: '0', material: 'true' });
    // Installed beside the project, never into it (its node_modules holds only policyc's cache).
    expect(existsSync(path.join(project, 'node_modules/policyc'))).toBe(false);
  }, 300_000);
});
