import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defaultParseSettings, formatBytes } from './parse.js';
import { describeNonRegular, readRegularFile } from './read-safely.js';

/**
 * Template files by their path relative to the templates folder (`page.html.hbs`, `partials/cookies.md.hbs`, `assets/policy.css`, `locales/en.json`), with the folder each came from.
 * Assets may be bytes (they are copied byte for byte); the other files are text.
 */
export interface TemplateSet {
  files: Map<string, TemplateFile>;
  /** Files of the templates folders that were refused unread (links, special files, too large): errors of the renderer. */
  problems?: Diagnostic[];
}

/** One template file, and where it came from. */
export interface TemplateFile {
  content: string | Uint8Array;
  origin: string;
  /** For a locale file (`locales/<locale>.json`): the file of the same name it is laid over, read from an earlier folder (policyc's own). */
  under?: TemplateFile;
}

/** The templates shipped with policyc. */
export const builtinTemplatesDir = fileURLToPath(new URL('../../templates', import.meta.url));

/**
 * Read the built-in templates, then overlay each folder in `overrides`: a
 * file there replaces the built-in file with the same relative path, except
 * a locale file, which keeps the one it overrides as `under` (its messages
 * are laid over those).
 * Assets (`assets/…`) are kept as bytes, copied into the site unchanged;
 * the other files are text. Only regular files and folders are read: a link
 * or special file in a templates folder (which a pull request could plant,
 * pointing at `/etc/passwd` or `/dev/zero`) is reported in `problems`, as is
 * a file over `maxBytes`, and not read.
 */
export async function readTemplates(
  overrides: readonly string[],
  displayRoot = process.cwd(),
  maxBytes = defaultParseSettings.maxBytes,
): Promise<TemplateSet> {
  const files: TemplateSet['files'] = new Map();
  const problems: Diagnostic[] = [];
  for (const dir of [builtinTemplatesDir, ...overrides]) {
    const relative = path.relative(displayRoot, dir);
    const origin = relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative || '.';
    const refuse = (name: string, ruleId: string, message: string, hint: string) =>
      problems.push(diagnostic(`${origin}/${name}`, fileStart, ruleId, 'templates', message, { hint }));
    for (const { name, what } of listFiles(dir)) {
      if (what !== undefined) {
        refuse(
          name,
          'file-not-regular',
          `Template \`${name}\` is ${what}: policyc reads only regular files and folders, never through links`,
          'Replace it with the file itself.',
        );
        continue;
      }
      const read = readRegularFile(path.join(dir, name), maxBytes);
      if (read.kind === 'too-large') {
        refuse(
          name,
          'file-too-large',
          `Template \`${name}\` is ${formatBytes(read.size)}, over the limit of ${formatBytes(maxBytes)}: it was not read`,
          'Templates and assets are small files: check that the right file is in the templates folder.',
        );
      } else if (read.kind === 'not-regular') {
        refuse(
          name,
          'file-not-regular',
          `Template \`${name}\` is ${read.what}: policyc reads only regular files and folders, never through links`,
          'Replace it with the file itself.',
        );
      } else if (read.kind === 'file') {
        const content = name.startsWith('assets/') ? read.bytes : read.bytes.toString('utf8');
        // A locale file rewords labels: it is laid over the one it overrides rather than replacing it.
        const under = name.startsWith('locales/') ? files.get(name) : undefined;
        files.set(name, { content, origin, ...(under ? { under } : {}) });
      }
    }
  }
  return { files, ...(problems.length ? { problems } : {}) };
}

/** Every entry below `dir` that is not a folder, by relative path; `what` says what it is when it is not a regular file. Links to folders are not followed. */
function listFiles(dir: string, prefix = ''): { name: string; what?: string }[] {
  const entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  const out: { name: string; what?: string }[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, name));
    else if (entry.isFile()) out.push({ name });
    else out.push({ name, what: describeNonRegular(entry) });
  }
  return out;
}
