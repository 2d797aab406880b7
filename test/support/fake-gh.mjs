#!/usr/bin/env node
// A stand-in for the `gh` CLI in the Action's tests: it answers the three `gh api` calls
// action/run.mjs makes (list an issue's comments, create one, update one) from a JSON file
// ($FAKE_GH_STATE: { "comments": [{ id, issue, user: { type }, body }] }) and records every
// call's arguments in it.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.FAKE_GH_STATE;
const state = JSON.parse(readFileSync(file, 'utf8'));
const args = process.argv.slice(2);
state.calls.push(args);
const save = () => writeFileSync(file, JSON.stringify(state, null, 2));
const option = (name) => args[args.indexOf(name) + 1];
const endpoint = args.find((a) => a.startsWith('repos/'));
const body = () => readFileSync(option('-F').replace(/^body=@/, ''), 'utf8');
const method = args.includes('--method') ? option('--method') : 'GET';
let m;
if (args[0] !== 'api' || !endpoint) {
  process.stderr.write(`fake gh: unexpected call ${JSON.stringify(args)}\n`);
  save();
  process.exit(2);
} else if (method === 'GET' && (m = /^repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(endpoint))) {
  // What the --jq filter selects: comments by a bot whose body starts with the marker it names.
  const marker = /startswith\("([^"]+)"\)/.exec(option('--jq'))[1];
  const ids = state.comments.filter((c) => c.issue === Number(m[1]) && c.user.type === 'Bot' && c.body.startsWith(marker)).map((c) => c.id);
  process.stdout.write(ids.map((id) => `${id}\n`).join(''));
} else if (method === 'POST' && (m = /^repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(endpoint))) {
  const id = 1000 + state.comments.length;
  state.comments.push({ id, issue: Number(m[1]), user: { type: 'Bot' }, body: body() });
  process.stdout.write(JSON.stringify({ id }));
} else if (method === 'PATCH' && (m = /^repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(endpoint))) {
  const comment = state.comments.find((c) => c.id === Number(m[1]));
  if (!comment) {
    save();
    process.stderr.write('fake gh: HTTP 404\n');
    process.exit(1);
  }
  comment.body = body();
} else {
  save();
  process.stderr.write(`fake gh: unexpected call ${JSON.stringify(args)}\n`);
  process.exit(2);
}
save();
