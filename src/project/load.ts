import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { HistoryFiles } from '../history/verify.js';
import { leavesProject } from '../load/inside-project.js';
import { parse, type ParsedFile } from '../load/parse.js';
import { listPolicyFiles, listTranslationFiles, readSourceFile } from '../load/read.js';
import { readHistories } from '../load/read-history.js';
import { lstatOrUndefined } from '../load/read-safely.js';
import { projectPaths, type ProjectOptions, type ProjectPaths } from './options.js';

/** A loaded project: its parsed working documents, their histories, and problems finding them. */
export interface Project {
  files: ParsedFile[];
  histories: HistoryFiles[];
  /** Translation files (`policy/<id>.<locale>.yaml`), parsed. */
  translations: ParsedFile[];
  diagnostics: Diagnostic[];
}

/** Read and parse a project's policy documents and their release histories. Never throws for bad input. */
export async function loadProject(options: ProjectOptions = {}): Promise<Project> {
  return readProject(projectPaths(options), options.files);
}

/**
 * Read and parse the documents of a project (only `files` when some are
 * named), and with the whole policy folder its histories and translations.
 */
export async function readProject(paths: ProjectPaths, only: readonly string[] | undefined): Promise<Project> {
  const { cwd, policyDir, display, maxBytes, parseSettings } = paths;
  const diagnostics: Diagnostic[] = [];
  let files: string[];
  if (only?.length) {
    files = only.map((f) => path.resolve(cwd, f));
  } else {
    const problem = policyFolderProblem(paths);
    if (problem) return { files: [], histories: [], translations: [], diagnostics: [problem] };
    files = await listPolicyFiles(policyDir);
    if (files.length === 0) {
      diagnostics.push(
        diagnostic(
          display(policyDir),
          fileStart,
          'policy-folder-empty',
          'load',
          `Policy folder \`${display(policyDir)}\` has no \`.yaml\` documents`,
          {
            hint: 'Add a policy document such as `policy/privacy.yaml`.',
          },
        ),
      );
    }
  }
  const parsed: ParsedFile[] = [];
  for (const file of files) {
    // lstat: a link to nothing is there (and reported by the reader as a link), not missing.
    if (!lstatOrUndefined(file)) {
      diagnostics.push(
        diagnostic(display(file), fileStart, 'file-missing', 'load', `File \`${display(file)}\` does not exist`, {
          hint: 'Check the path.',
        }),
      );
      continue;
    }
    parsed.push(parse(await readSourceFile(file, maxBytes, display(file)), parseSettings));
  }
  const history = only?.length ? { histories: [], diagnostics: [] } : await readHistories(policyDir, display, parseSettings);
  diagnostics.push(...history.diagnostics);
  const translations: ParsedFile[] = [];
  if (!only?.length && existsSync(policyDir)) {
    for (const file of await listTranslationFiles(policyDir))
      translations.push(parse(await readSourceFile(file, maxBytes, display(file)), parseSettings));
  }
  return { files: parsed, histories: history.histories, translations, diagnostics };
}

/** Why the policy folder cannot be read: a link out of the project, or no folder there. */
function policyFolderProblem({ cwd, policyDir, display }: ProjectPaths): Diagnostic | undefined {
  if (leavesProject(policyDir, cwd)) {
    return diagnostic(
      display(policyDir),
      fileStart,
      'policy-folder-outside',
      'load',
      `Policy folder \`${display(policyDir)}\` is a symbolic link that leads out of the project: it was not read`,
      {
        hint: 'Replace the link with the folder itself, or name a folder outside the project explicitly with `--policy DIR`.',
      },
    );
  }
  if (existsSync(policyDir) && statSync(policyDir).isDirectory()) return undefined;
  // A link to nothing is named as such: "does not exist" would send the reader looking for a folder that is there.
  const dangling = lstatOrUndefined(policyDir)?.isSymbolicLink();
  return diagnostic(
    display(policyDir),
    fileStart,
    'policy-folder-missing',
    'load',
    dangling
      ? `Policy folder \`${display(policyDir)}\` is a symbolic link to a folder that does not exist`
      : `Policy folder \`${display(policyDir)}\` does not exist`,
    {
      hint: dangling
        ? 'Point the link at the policy folder, or replace it with the folder itself.'
        : 'Run policyc from your project folder, or name the folder with `--policy DIR`.',
    },
  );
}
