// The YAML-and-I/O floor of a build: in one process, read every input file of
// a project, parse each YAML file with the `yaml` package (JSON with
// JSON.parse), and write the same bytes into another folder. No tool that
// reads these inputs and writes as much could do less.
//
//   node bench/yaml-floor.mjs PROJECT_DIR OUT_DIR
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';

const [project, out] = process.argv.slice(2);

/** Every file below `dir`, as paths relative to it. */
async function filesBelow(dir, sub = '') {
  const found = [];
  for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
    const rel = path.join(sub, entry.name);
    if (entry.isDirectory()) found.push(...(await filesBelow(dir, rel)));
    else found.push(rel);
  }
  return found.sort();
}

await rm(out, { recursive: true, force: true });
let bytes = 0;
for (const rel of await filesBelow(project)) {
  const content = await readFile(path.join(project, rel));
  const text = content.toString('utf8');
  if (/\.ya?ml$/.test(rel)) YAML.parse(text);
  else if (rel.endsWith('.json')) JSON.parse(text);
  bytes += content.length;
  await mkdir(path.dirname(path.join(out, rel)), { recursive: true });
  await writeFile(path.join(out, rel), content);
}
process.stdout.write(`${JSON.stringify({ bytes })}\n`);
