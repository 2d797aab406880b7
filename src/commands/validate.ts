import { hasErrors } from '../diagnostics/diagnostic.js';
import { checkProject, type ValidateOptions, type ValidateResult } from '../project/check.js';
import { openProject } from '../project/open.js';
import { defined, type CommandContext } from './context.js';

export type { ValidateOptions, ValidateResult };

/**
 * Load and validate a project's working documents, verify their histories,
 * and judge every version with the compliance rules over the period it is in force.
 */
export async function validate(options: ValidateOptions = {}): Promise<ValidateResult> {
  return checkProject(await openProject(options), options);
}

export { definition } from './definitions/validate.js';

/** `policyc validate`: diagnostics on stdout, and a summary line when there is no error. */
export async function run({ io, options, positionals, format, cache, report }: CommandContext): Promise<number> {
  const result = await validate(
    defined({
      cwd: io.cwd,
      cache,
      policy: options.policy,
      files: positionals,
      date: options.date,
      strict: options.strict === 'true',
      history: options.history === 'true',
      base: options.base,
    }),
  );
  report(result.diagnostics, result.sources, io.stdout);
  if (format === 'pretty' && !hasErrors(result.diagnostics)) {
    const versions = result.documents.reduce((n, d) => n + d.releases.length, 0);
    io.stdout.write(
      `✔ ${result.models.length} ${result.models.length === 1 ? 'document' : 'documents'} valid${versions ? `, ${versions} released ${versions === 1 ? 'version' : 'versions'} intact` : ''}\n`,
    );
  }
  return hasErrors(result.diagnostics) ? 1 : 0;
}
