import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSet } from '../render/templates.js';

/** The templates shipped with policyc. */
export const builtinTemplatesDir = fileURLToPath(new URL('../../templates', import.meta.url));

/**
 * Read the built-in templates, then overlay each folder in `overrides`: a
 * file there replaces the built-in file with the same relative path.
 */
export async function readTemplates(overrides: readonly string[], displayRoot = process.cwd()): Promise<TemplateSet> {
  const files: TemplateSet['files'] = new Map();
  for (const dir of [builtinTemplatesDir, ...overrides]) {
    const relative = path.relative(displayRoot, dir);
    const origin = relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative || '.';
    for (const name of await listFiles(dir)) {
      files.set(name, { content: await readFile(path.join(dir, name), 'utf8'), origin });
    }
  }
  return { files };
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, name)));
    else if (entry.isFile()) out.push(name);
  }
  return out;
}
