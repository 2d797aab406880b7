import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, fileStart, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostic.js';
import { writeSite } from './emit/write-site.js';
import { defaultParseSettings, parse, type ParsedFile } from './load/parse.js';
import { listPolicyFiles, readSourceFile } from './load/read.js';
import { readTemplates } from './load/read-templates.js';
import { compileSite } from './render/site.js';
import { createRenderer } from './render/templates.js';
import type { PolicyModel } from './resolve/resolve.js';
import { validateFiles } from './validate/validate.js';

/** Where a project's files are. Relative paths are resolved against `cwd`. */
export interface ProjectOptions {
  /** Folder of policy documents (default: `policy`). */
  policy?: string;
  /** Check only these files instead of every document in the policy folder. */
  files?: readonly string[];
  /** Working directory; paths in diagnostics are relative to it (default: `process.cwd()`). */
  cwd?: string;
  /** Largest policy file accepted, in bytes (default: 5 MiB). */
  maxBytes?: number;
}

/** Options of `build`. */
export interface BuildOptions extends ProjectOptions {
  /** Output folder (default: `dist`). */
  out?: string;
  /** Folder whose files override the built-in templates by name (default: `templates`, when it exists). */
  templates?: string;
}

/** A loaded project: its parsed files, and problems finding them. */
export interface Project {
  files: ParsedFile[];
  diagnostics: Diagnostic[];
}

/** Read and parse a project's policy documents. Never throws for bad input: problems are diagnostics. */
export async function loadProject(options: ProjectOptions = {}): Promise<Project> {
  const cwd = options.cwd ?? process.cwd();
  const policyDir = path.resolve(cwd, options.policy ?? 'policy');
  const display = (file: string) => path.relative(cwd, file) || file;
  const maxBytes = options.maxBytes ?? defaultParseSettings.maxBytes;
  const diagnostics: Diagnostic[] = [];
  let paths: string[];
  if (options.files?.length) {
    paths = options.files.map((f) => path.resolve(cwd, f));
  } else if (!existsSync(policyDir) || !statSync(policyDir).isDirectory()) {
    diagnostics.push(
      diagnostic(display(policyDir), fileStart, 'policy-folder-missing', 'load', `Policy folder \`${display(policyDir)}\` does not exist`, {
        hint: 'Run policyc from your project folder, or name the folder with `--policy DIR`.',
      }),
    );
    return { files: [], diagnostics };
  } else {
    paths = await listPolicyFiles(policyDir);
    if (paths.length === 0) {
      diagnostics.push(
        diagnostic(display(policyDir), fileStart, 'policy-folder-empty', 'load', `Policy folder \`${display(policyDir)}\` has no \`.yaml\` documents`, {
          hint: 'Add a policy document such as `policy/privacy.yaml`.',
        }),
      );
    }
  }
  const files: ParsedFile[] = [];
  for (const file of paths) {
    if (!existsSync(file)) {
      diagnostics.push(diagnostic(display(file), fileStart, 'file-missing', 'load', `File \`${display(file)}\` does not exist`, { hint: 'Check the path.' }));
      continue;
    }
    files.push(parse(await readSourceFile(file, maxBytes, display(file)), { ...defaultParseSettings, maxBytes }));
  }
  return { files, diagnostics };
}

/** The outcome of `validate`: resolved models of the valid documents, and every diagnostic in source order. */
export interface ValidateResult {
  models: PolicyModel[];
  diagnostics: Diagnostic[];
  /** The text of each file read, by its display path (for code frames). */
  sources: Map<string, string>;
}

/** Load and validate a project's documents. */
export async function validate(options: ProjectOptions = {}): Promise<ValidateResult> {
  const project = await loadProject(options);
  const checked = validateFiles(project.files);
  return {
    models: checked.models,
    diagnostics: sortDiagnostics([...project.diagnostics, ...checked.diagnostics]),
    sources: new Map(project.files.map((f) => [f.path, f.text])),
  };
}

/** The outcome of `build`: every diagnostic, and the files written (none when there was an error). */
export interface BuildResult {
  diagnostics: Diagnostic[];
  /** The text of each policy file read, by its display path (for code frames). */
  sources: Map<string, string>;
  /** Paths written, relative to the output folder, sorted; empty when nothing was written. */
  written: string[];
  /** The output folder, absolute. */
  out: string;
}

/**
 * Validate the project and compile it into the output folder. Writes
 * nothing when any document or template has an error; otherwise replaces the
 * output folder atomically.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const out = path.resolve(cwd, options.out ?? 'dist');
  const checked = await validate(options);
  if (hasErrors(checked.diagnostics)) return { diagnostics: checked.diagnostics, sources: checked.sources, written: [], out };
  const overrideDir = path.resolve(cwd, options.templates ?? 'templates');
  const overrides = existsSync(overrideDir) ? [overrideDir] : [];
  if (options.templates !== undefined && overrides.length === 0) {
    const shown = path.relative(cwd, overrideDir) || overrideDir;
    const missing = diagnostic(shown, fileStart, 'templates-folder-missing', 'templates', `Templates folder \`${shown}\` does not exist`, {
      hint: 'Name an existing folder with `--templates DIR`, or leave the option out to use the built-in templates.',
    });
    return { diagnostics: sortDiagnostics([...checked.diagnostics, missing]), sources: checked.sources, written: [], out };
  }
  const renderer = createRenderer(await readTemplates(overrides, cwd));
  const site = compileSite(checked.models, renderer);
  const diagnostics = sortDiagnostics([...checked.diagnostics, ...site.diagnostics]);
  if (hasErrors(diagnostics)) return { diagnostics, sources: checked.sources, written: [], out };
  await writeSite(out, site.files);
  return { diagnostics, sources: checked.sources, written: [...site.files.keys()].sort(), out };
}
