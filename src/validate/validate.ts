import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParsedFile } from '../load/parse.js';
import { placeOfPath } from '../load/positions.js';
import type { Policy } from '../model/policy.generated.js';
import { resolve, type PolicyModel } from '../resolve/resolve.js';
import { validateProse } from './prose-rules.js';
import { validateReferences } from './reference-rules.js';
import { validateSchema } from './schema-rules.js';
import { validateText } from './text-rules.js';

/** The result of validating parsed files: the resolved models of valid documents and every diagnostic. */
export interface Validation {
  models: PolicyModel[];
  diagnostics: Diagnostic[];
}

/** How files are checked: a snapshot (`snapshot: true`) is named after its version, not its id; `imageHosts` lists the other hosts prose may show images from. */
export interface ValidateFileOptions {
  snapshot?: boolean;
  imageHosts?: readonly string[];
  /** `false` skips the prose checks, for a caller that keeps only errors (they give warnings alone): no Markdown parser is needed. */
  prose?: false;
}

/** Check one parsed file: schema, references and prose. Parse diagnostics are included. */
export function validateFile(file: ParsedFile, options: ValidateFileOptions = {}): Diagnostic[] {
  if (!file.yaml || !file.data) return file.diagnostics;
  const input = { path: file.path, text: file.text, data: file.data, yaml: file.yaml, lineCounter: file.lineCounter };
  const schema = validateSchema(input);
  // Prose is only inspected once the shape is right; its warnings would be noise next to schema errors.
  const prose = schema.length === 0 && options.prose !== false ? validateProse(input, options.imageHosts ?? []) : [];
  return [
    ...file.diagnostics,
    ...schema,
    ...validateText(input),
    ...validateReferences(input, { checkFileName: !options.snapshot }),
    ...prose,
  ];
}

/**
 * Validate every file of a project and resolve the valid ones. A document
 * with an error yields no model; document ids must be unique across files.
 */
export function validateFiles(
  files: readonly ParsedFile[],
  options: Pick<ValidateFileOptions, 'imageHosts'> & { allDocuments?: boolean } = {},
): Validation {
  const diagnostics: Diagnostic[] = [];
  const models: PolicyModel[] = [];
  const fileOfId = new Map<string, string>();
  for (const file of files) {
    const found = validateFile(file, options);
    diagnostics.push(...found);
    const id = file.data?.id;
    if (typeof id === 'string' && file.yaml) {
      const other = fileOfId.get(id);
      if (other !== undefined) {
        diagnostics.push(
          diagnostic(
            file.path,
            placeOfPath(file.yaml, file.lineCounter, ['id']),
            'duplicate-document-id',
            'references',
            `Document id \`${id}\` is already used by \`${other}\``,
            {
              hint: 'Each document needs its own id: rename one of them (and its file).',
            },
          ),
        );
        continue;
      }
      fileOfId.set(id, file.path);
    }
    if (!hasErrors(found) && file.data) models.push(resolve(file.data as unknown as Policy, file.path));
  }
  // `allDocuments: false`: only some files were read, so a parent that is not among them may still exist.
  if (options.allDocuments !== false) diagnostics.push(...checkParents(files, fileOfId));
  return { models, diagnostics: sortDiagnostics(diagnostics) };
}

/** A parent named by id must be a document of this project: its rules read it for what the child defers. */
function checkParents(files: readonly ParsedFile[], fileOfId: ReadonlyMap<string, string>): Diagnostic[] {
  return files.flatMap((file) => {
    const parent = (file.data as { parent?: { document?: unknown } } | undefined)?.parent?.document;
    if (typeof parent !== 'string' || fileOfId.has(parent) || !file.yaml) return [];
    const known = [...fileOfId.keys()].filter((id) => id !== file.data?.id);
    return [
      diagnostic(
        file.path,
        placeOfPath(file.yaml, file.lineCounter, ['parent', 'document']),
        'parent-unknown',
        'references',
        `The parent \`${parent}\` is not a document of this project`,
        {
          hint: known.length
            ? `Name one of ${known.map((id) => `\`${id}\``).join(', ')}, or give the parent's \`url\` instead of \`document\`.`
            : 'Add the parent policy to this project, or give its `url` instead of `document`.',
        },
      ),
    ];
  });
}
