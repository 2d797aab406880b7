import path from 'node:path';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import { leavesProject } from './inside-project.js';
import { parse, type ParsedFile, type ParseSettings } from './parse.js';
import { readSourceFile } from './read.js';
import { lstatOrUndefined } from './read-safely.js';

/** The folder of the review decisions, inside the policy folder (the document loader reads no sub-folder). */
export const reviewFolderName = 'review';

/** Largest decisions file read: a real one is a few kilobytes. */
export const maxReviewBytes = 1024 * 1024;

/** Where a document's review decisions are: `<policy>/review/<id>.yaml`. */
export function reviewFilePath(policyDir: string, id: string): string {
  return path.join(policyDir, reviewFolderName, `${id}.yaml`);
}

/** Where to read from, and how to name and parse what is read. */
export interface ReviewReadContext {
  cwd: string;
  policyDir: string;
  display(file: string): string;
  parseSettings: ParseSettings;
}

/**
 * Read and parse a document's decisions file as documents are read (a
 * regular file, never through a link, within a size limit, UTF-8, one YAML
 * mapping). Undefined when there is none; a diagnostic when the review
 * folder is a link out of the project. An empty file, or one of comments
 * only, holds no decisions.
 */
export async function readReviewFile(context: ReviewReadContext, id: string): Promise<ParsedFile | Diagnostic | undefined> {
  const folder = path.join(context.policyDir, reviewFolderName);
  if (leavesProject(folder, context.cwd)) {
    const shown = context.display(folder);
    return diagnostic(
      shown,
      fileStart,
      'review-folder-outside',
      'load',
      `The review folder \`${shown}\` is a symbolic link that leads out of the project: it was not read`,
      { hint: 'Replace the link with the folder itself.' },
    );
  }
  const file = reviewFilePath(context.policyDir, id);
  if (!lstatOrUndefined(file)) return undefined;
  const maxBytes = Math.min(maxReviewBytes, context.parseSettings.maxBytes);
  const parsed = parse(await readSourceFile(file, maxBytes, context.display(file)), { ...context.parseSettings, maxBytes });
  // The parser's hints speak of policy documents: these say what a decisions file holds.
  const diagnostics = parsed.diagnostics.flatMap((d) => {
    if (d.ruleId === 'file-empty') return [];
    if (d.ruleId === 'yaml-root-not-mapping')
      return [{ ...d, message: 'The decisions file must be a mapping with the key `decisions`', hint: hintOfRoot }];
    if (d.ruleId === 'file-too-large') return [{ ...d, hint: 'A decisions file is a few kilobytes: check that the right file is there.' }];
    return [d];
  });
  return { ...parsed, diagnostics };
}

const hintOfRoot =
  'Start the file with `decisions:` at the left margin, then one `- change: ...` entry per decision (`policyc review --decide` writes them).';
