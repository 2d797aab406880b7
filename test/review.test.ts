// Review decisions: a person decides the changes the rules cannot judge (the class `review`), in
// policy/review/<id>.yaml; the decisions apply only to the change as decided, a release refuses while
// one is undecided, freezes those it applies into its manifest entry, and the changelog follows them.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyDecisions,
  build,
  changeFingerprint,
  changeKeys,
  diff,
  parseConfig,
  release,
  review,
  validate,
  weakenedGates,
} from '../src/index.js';
import type { Change, ChangeSet, Diagnostic, Manifest, ReviewDecision } from '../src/index.js';
import { copySample, editFile } from './support/project.js';
import { formatChanges } from '../src/render/change-formats.js';

const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');
const at = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`;
const working = (dir: string) => path.join(dir, 'policy/privacy.yaml');
const decisionsFile = (dir: string) => path.join(dir, 'policy/review/privacy.yaml');
const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'policy/history/privacy/manifest.json'), 'utf8')) as Manifest;

/** A change to review, a material one and an editorial one, as the diff gives them. */
function changeSet(): ChangeSet {
  const reworded: Change = {
    type: 'changed',
    entity: 'purpose',
    id: 'analytics',
    material: false,
    class: 'review',
    rule: 'purpose-reworded',
    summary: 'Rewords what it is for.',
    fields: [{ field: 'description', before: 'measure visits', after: 'measure how the site is visited' }],
  };
  const added: Change = {
    type: 'added',
    entity: 'recipient',
    id: 'ads',
    material: true,
    class: 'material',
    rule: 'new-recipient',
    summary: 'Adds.',
  };
  const wording: Change = {
    type: 'changed',
    entity: 'cookie',
    id: 'ga',
    material: false,
    class: 'editorial',
    rule: 'wording',
    summary: 'Rewords.',
  };
  return { from: '1.0.0', to: 'working copy', material: true, bump: 'minor', changes: [reworded, added, wording] };
}

const decision = (change: Change, extra: Partial<ReviewDecision> = {}): ReviewDecision => ({
  change: `${change.entity}:${change.id}`,
  fingerprint: changeFingerprint(change),
  class: 'editorial',
  by: 'Jane Doe (DPO)',
  date: '2026-12-03',
  ...extra,
});

describe('applying decisions', () => {
  it('sets the class of a change to review with the same key and fingerprint, records the decision, and recomputes the bump', () => {
    const set = changeSet();
    const editorial = { ...set, material: false, changes: [set.changes[0]!, set.changes[2]!] };
    const applied = applyDecisions(editorial, [decision(set.changes[0]!, { reason: 'Same use.' })]);
    expect(applied.problems).toEqual([]);
    expect(applied.changes.changes[0]).toMatchObject({
      class: 'editorial',
      material: false,
      rule: 'purpose-reworded',
      decision: { class: 'editorial', by: 'Jane Doe (DPO)', date: '2026-12-03', reason: 'Same use.' },
    });
    // Decided editorial, nothing calls for more than a patch.
    expect([applied.changes.material, applied.changes.bump]).toEqual([false, 'patch']);
    expect(editorial.bump).toBe('minor');
    expect(applied.applied).toEqual([decision(set.changes[0]!, { reason: 'Same use.' })]);

    const material = applyDecisions(editorial, [decision(set.changes[0]!, { class: 'material' })]).changes;
    expect([material.material, material.bump, material.changes[0]!.class, material.changes[0]!.material]).toEqual([
      true,
      'minor',
      'material',
      true,
    ]);
  });

  it('ignores, and reports, a stale fingerprint, a change that is not to review, an unknown key and a second decision', () => {
    const set = changeSet();
    const [reworded, added] = set.changes as [Change, Change];
    const decisions = [
      decision(reworded, { fingerprint: '000000000000' }),
      decision(added),
      decision(reworded, { change: 'purpose:gone' }),
      decision(reworded),
      decision(reworded, { class: 'material' }),
    ];
    const applied = applyDecisions(set, decisions);
    expect(applied.problems.map((p) => [p.index, p.kind])).toEqual([
      [0, 'stale'],
      [1, 'not-review'],
      [2, 'unmatched'],
      [4, 'repeated'],
    ]);
    // A material change stays material: a person never makes it editorial.
    expect(applied.changes.changes[1]).toEqual(added);
    expect(applied.changes.changes[0]!.decision?.class).toBe('editorial');
  });

  it('leaves a change set without matching decisions as it is, and skips decisions of another shape', () => {
    const set = changeSet();
    expect(applyDecisions(set, [{ change: 'purpose:analytics' }, 'x', null]).changes).toBe(set);
    expect(applyDecisions(set, undefined).changes).toBe(set);
  });

  it('keys each change `<entity>:<id>`, a repeated key made unique in the order of the set', () => {
    const section = (type: Change['type']): Change => ({
      type,
      entity: 'section',
      id: 'children',
      material: false,
      class: 'editorial',
      rule: 'content-added',
      summary: '.',
    });
    expect(changeKeys([...changeSet().changes, section('added'), section('removed'), section('changed')])).toEqual([
      'purpose:analytics',
      'recipient:ads',
      'cookie:ga',
      'section:children',
      'section:children~2',
      'section:children~3',
    ]);
  });

  it('fingerprints a change by its type, entity, id and values, whatever their order', () => {
    const change = changeSet().changes[0]!;
    const fingerprint = changeFingerprint(change);
    expect(fingerprint).toMatch(/^[0-9a-f]{12}$/);
    const reordered: Change = {
      ...change,
      summary: 'Worded otherwise.',
      rule: 'wording-review',
      fields: [
        { field: 'zz', before: { b: 1, a: 2 } },
        { field: 'description', after: 'measure how the site is visited', before: 'measure visits' },
      ],
    };
    const sorted: Change = { ...reordered, fields: [reordered.fields![1]!, { field: 'zz', before: { a: 2, b: 1 } }] };
    expect(changeFingerprint(sorted)).toBe(changeFingerprint(reordered));
    expect(changeFingerprint({ ...change, summary: 'Other words.', rule: 'wording-review' })).toBe(fingerprint);
    expect(changeFingerprint({ ...change, fields: [{ field: 'description', before: 'measure visits', after: 'other' }] })).not.toBe(
      fingerprint,
    );
  });
});

describe('the decisions file', () => {
  const bad = async (text: string) => {
    const dir = copySample();
    mkdirSync(path.dirname(decisionsFile(dir)), { recursive: true });
    writeFileSync(decisionsFile(dir), text);
    return errors((await validate({ cwd: dir })).diagnostics).map(at);
  };
  const entry = (lines: string) => `decisions:\n  - change: purpose:notify-changes\n${lines}`;
  const rest = '    class: editorial\n    by: Jane Doe\n    date: 2026-12-03\n';

  it('is checked against its schema, each problem at its line and column', async () => {
    expect(await bad(entry(rest))).toEqual(['policy/review/privacy.yaml:2:5 schema-required']);
    expect(await bad(entry(`    fingerprint: 9605505d837\n${rest}`))).toEqual(['policy/review/privacy.yaml:3:18 schema-pattern']);
    expect(await bad(entry(`    fingerprint: 9605505d8371\n${rest.replace('editorial', 'minor')}`))).toEqual([
      'policy/review/privacy.yaml:4:12 schema-enum',
    ]);
    expect(await bad(entry(`    fingerprint: 9605505d8371\n${rest}    when: today\n`))).toEqual([
      'policy/review/privacy.yaml:7:5 schema-additional-property',
    ]);
    expect(await bad(entry(`    fingerprint: 9605505d8371\n${rest.replace('2026-12-03', '2026-13-03')}`))).toEqual([
      'policy/review/privacy.yaml:6:11 schema-format',
    ]);
    expect(await bad('- change: purpose:x\n')).toEqual(['policy/review/privacy.yaml:1:1 yaml-root-not-mapping']);
    expect(await bad('decisions:\n  - change: [\n')).toEqual(['policy/review/privacy.yaml:3:1 yaml-syntax']);
  });

  it('refuses control characters, and is read only as a regular file', async () => {
    expect(await bad(entry(`    fingerprint: 9605505d8371\n${rest.replace('Jane Doe', 'Jane \u001b[2JDoe')}`))).toEqual([
      'policy/review/privacy.yaml:5:14 text-control-character',
    ]);
    const dir = copySample();
    mkdirSync(path.dirname(decisionsFile(dir)));
    symlinkSync('/etc/passwd', decisionsFile(dir));
    expect(errors((await validate({ cwd: dir })).diagnostics).map(at)).toEqual(['policy/review/privacy.yaml:1:1 file-not-regular']);
  });

  it('holds no decisions when empty or comments only', async () => {
    expect(await bad('')).toEqual([]);
    expect(await bad('# nothing decided yet\n')).toEqual([]);
  });
});

describe('deciding and releasing', () => {
  /** The sample with a purpose reworded for the next release: one change to review. */
  function reworded(): string {
    const dir = copySample();
    editFile(working(dir), 'effective: 2027-01-01', 'effective: 2027-06-01');
    editFile(working(dir), 'tell you important changes to the Website', 'tell you about important changes to the Website');
    return dir;
  }
  const options = { today: '2026-12-02', allowUntranslated: true } as const;

  it('refuses a release while a change is undecided, then releases it as decided, recording who released and approved it', async () => {
    const dir = reworded();
    const refused = await release({ cwd: dir, ...options });
    expect(errors(refused.diagnostics).map((d) => [at(d), d.message])).toEqual([
      [
        'policy/privacy.yaml:1:1 release-review-undecided',
        'A change to review is undecided: `purpose:notify-changes`; a person must decide whether it is material before the release',
      ],
    ]);
    expect(errors(refused.diagnostics)[0]!.hint).toContain(
      'policyc review privacy --decide purpose:notify-changes --as material|editorial',
    );
    expect(refused.written).toEqual([]);

    const listed = await review({ cwd: dir });
    expect(listed.items?.map((i) => [i.key, i.change.rule, i.decision])).toEqual([
      ['purpose:notify-changes', 'purpose-reworded', undefined],
    ]);
    const fingerprint = listed.items![0]!.fingerprint;

    const decided = await review({
      cwd: dir,
      decide: 'purpose:notify-changes',
      as: 'editorial',
      by: 'Jane Doe (DPO)',
      reason: 'Same use.',
      today: '2026-12-01',
    });
    expect(errors(decided.diagnostics)).toEqual([]);
    expect(decided.written).toEqual(['policy/review/privacy.yaml']);
    const frozen = {
      change: 'purpose:notify-changes',
      fingerprint,
      class: 'editorial',
      by: 'Jane Doe (DPO)',
      date: '2026-12-01',
      reason: 'Same use.',
    };
    expect(decided.decided).toEqual(frozen);
    const compared = (await diff({ cwd: dir })).changes!;
    expect(compared.changes.map((c) => [c.class, c.decision?.by])).toEqual([['editorial', 'Jane Doe (DPO)']]);
    // Reviewers see who decided, in every format.
    for (const format of ['text', 'md', 'html'] as const)
      expect(formatChanges(compared, format).replaceAll('\\', ''), format).toContain(
        'decided editorial by Jane Doe (DPO) on 2026-12-01: Same use.',
      );
    expect(formatChanges(compared, 'md')).toMatch(/### Changes people decided are editorial\n\n- Rewords what it is for/);

    const released = await release({ cwd: dir, ...options, releasedBy: 'Sam Lee', approvedBy: 'Ann Boss' });
    expect(errors(released.diagnostics)).toEqual([]);
    // Decided editorial: a patch is enough.
    expect(released.plan?.version).toBe('2.0.1');
    const entry = manifestOf(dir).releases.at(-1)!;
    expect([entry.releasedBy, entry.approvedBy, entry.decisions]).toEqual(['Sam Lee', 'Ann Boss', [frozen]]);
    // The file keeps its comment; the frozen decision is history now.
    expect(readFileSync(decisionsFile(dir), 'utf8')).toBe(
      '# Decisions on the changes policyc cannot judge; `policyc review` lists them.\ndecisions: []\n',
    );
    expect(released.written).toContain('policy/review/privacy.yaml');

    const out = path.join(dir, 'dist');
    expect(errors((await build({ cwd: dir, out, date: '2027-07-01' })).diagnostics)).toEqual([]);
    const changes = JSON.parse(readFileSync(path.join(out, 'privacy/changes.json'), 'utf8')) as {
      version: string;
      releasedBy?: string;
      approvedBy?: string;
      changes: ChangeSet;
    }[];
    expect(changes[0]).toMatchObject({ version: '2.0.1', releasedBy: 'Sam Lee', approvedBy: 'Ann Boss' });
    expect(changes[0]!.changes.changes.map((c) => [c.class, c.decision?.class])).toEqual([['editorial', 'editorial']]);
    expect(changes[1]).not.toHaveProperty('releasedBy');
    expect(readFileSync(path.join(out, 'privacy/CHANGELOG.md'), 'utf8')).toMatch(
      /## \[Version 2\.0\.1\][^#]*#### Editorial changes\n\n- Rewords what it is for/,
    );
    expect(readFileSync(path.join(out, 'privacy/versions/index.html'), 'utf8')).toContain(
      '<span class="release-people">Released by Sam Lee, approved by Ann Boss.</span>',
    );
  });

  it('decided material, the release needs a minor version and the changelog lists the change as material', async () => {
    const dir = reworded();
    await review({ cwd: dir, decide: 'purpose:notify-changes', as: 'material', by: 'Jane Doe', today: '2026-12-01' });
    const released = await release({ cwd: dir, ...options, effective: '2027-06-01' });
    expect(errors(released.diagnostics)).toEqual([]);
    expect([released.plan?.version, released.plan?.changes?.material]).toEqual(['2.1.0', true]);
    const out = path.join(dir, 'dist');
    await build({ cwd: dir, out, date: '2027-07-01' });
    expect(readFileSync(path.join(out, 'privacy/CHANGELOG.md'), 'utf8')).toMatch(
      /## \[Version 2\.1\.0\][^#]*#### Material changes\n\n- Rewords/,
    );
  });

  it('warns of a decision on a change edited since, and no longer applies it', async () => {
    const dir = reworded();
    await review({ cwd: dir, decide: 'purpose:notify-changes', as: 'editorial', by: 'Jane Doe', today: '2026-12-01' });
    editFile(working(dir), 'tell you about important changes', 'tell you about all important changes');
    const compared = await diff({ cwd: dir });
    expect(compared.diagnostics.map((d) => [at(d), d.severity])).toEqual([
      ['policy/review/privacy.yaml:3:5 review-decision-stale', 'warning'],
    ]);
    expect(compared.changes?.changes.map((c) => c.class)).toEqual(['review']);
    const listed = await review({ cwd: dir });
    expect(listed.items?.map((i) => [i.decision, i.stale.map((s) => s.by)])).toEqual([[undefined, ['Jane Doe']]]);
    expect(errors((await release({ cwd: dir, ...options })).diagnostics).map((d) => d.ruleId)).toEqual(['release-review-undecided']);
  });

  it('refuses to decide a change that is not to review, and a decision without its class or name', async () => {
    const dir = reworded();
    editFile(working(dir), 'duration: 90 days', 'duration: 180 days');
    const material = await review({ cwd: dir, decide: 'cookie:fbp', as: 'editorial', by: 'Jane Doe' });
    expect(errors(material.diagnostics).map((d) => [d.ruleId, d.hint])).toEqual([
      [
        'review-unknown-change',
        'Changes to review: `purpose:notify-changes` (`policyc review privacy` lists them). A material or editorial change is decided by the rules, or by `materiality` in policyc.config.json.',
      ],
    ]);
    expect(errors((await review({ cwd: dir, decide: 'purpose:notify-changes', by: 'Jane Doe' })).diagnostics).map((d) => d.ruleId)).toEqual(
      ['review-decision-incomplete'],
    );
    expect(
      errors((await review({ cwd: dir, decide: 'purpose:notify-changes', as: 'editorial', by: 'Jane\nDoe' })).diagnostics).map(
        (d) => d.ruleId,
      ),
    ).toEqual(['review-decision-incomplete']);
    expect(existsSync(decisionsFile(dir))).toBe(false);
  });

  it('keeps the comments and other entries of a decisions file it updates', async () => {
    const dir = reworded();
    mkdirSync(path.dirname(decisionsFile(dir)));
    const other =
      '  # an old one\n  - change: purpose:research\n    fingerprint: aaaaaaaaaaaa\n    class: material\n    by: Sam\n    date: 2026-01-01\n';
    writeFileSync(decisionsFile(dir), `# Ours.\ndecisions:\n${other}`);
    await review({ cwd: dir, decide: 'purpose:notify-changes', as: 'editorial', by: 'Jane Doe', today: '2026-12-01' });
    const text = readFileSync(decisionsFile(dir), 'utf8');
    expect(text.startsWith(`# Ours.\ndecisions:\n${other}  - change: purpose:notify-changes\n`)).toBe(true);
    // The old decision names no change: a warning at it, and the release goes ahead without it.
    const released = await release({ cwd: dir, ...options });
    expect(released.diagnostics.filter((d) => d.ruleId.startsWith('review-')).map(at)).toEqual([
      'policy/review/privacy.yaml:4:5 review-decision-unmatched',
    ]);
    expect(readFileSync(decisionsFile(dir), 'utf8')).toBe(`# Ours.\ndecisions:\n${other}`);
  });

  it('with release.requireApproval, refuses a release without --approved-by; turning it off is a weakened gate', async () => {
    const dir = reworded();
    writeFileSync(path.join(dir, 'policyc.config.json'), '{ "release": { "requireApproval": true } }\n');
    await review({ cwd: dir, decide: 'purpose:notify-changes', as: 'editorial', by: 'Jane Doe', today: '2026-12-01' });
    const refused = await release({ cwd: dir, ...options, releasedBy: 'Sam Lee' });
    expect(errors(refused.diagnostics).map(at)).toEqual(['policy/privacy.yaml:1:1 release-approval-required']);
    expect(refused.written).toEqual([]);
    const approved = await release({ cwd: dir, ...options, approvedBy: 'Ann Boss' });
    expect(errors(approved.diagnostics)).toEqual([]);
    expect(manifestOf(dir).releases.at(-1)!.approvedBy).toBe('Ann Boss');

    expect(weakenedGates({ release: { requireApproval: true } }, {}).map((g) => [g.setting, g.before, g.after])).toEqual([
      ['release.requireApproval', 'true', 'false'],
    ]);
    expect(weakenedGates({}, { release: { requireApproval: true } })).toEqual([]);
    expect(parseConfig('{ "release": { "requireApproval": "yes" } }').diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['config-invalid', '`release` may hold only `requireApproval`, `true` or `false`'],
    ]);
  });

  it('reports the decisions of a release edited after a later release chained to it', async () => {
    const dir = reworded();
    await review({ cwd: dir, decide: 'purpose:notify-changes', as: 'editorial', by: 'Jane Doe', today: '2026-12-01' });
    expect(errors((await release({ cwd: dir, ...options })).diagnostics)).toEqual([]);
    editFile(working(dir), 'effective: 2027-06-01', 'effective: 2027-09-01');
    editFile(working(dir), 'duration: 90 days', 'duration: 180 days');
    expect(errors((await release({ cwd: dir, ...options })).diagnostics)).toEqual([]);
    const file = path.join(dir, 'policy/history/privacy/manifest.json');
    editFile(file, '"class": "editorial"', '"class": "material"');
    expect(errors((await validate({ cwd: dir })).diagnostics).map((d) => [d.ruleId, d.message])).toEqual([
      ['history-chain-broken', 'The entry for 2.1.0 does not chain to the entry before it: the manifest was edited'],
    ]);
  });
});
