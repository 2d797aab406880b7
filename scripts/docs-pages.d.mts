// Types of docs-pages.mjs, for the TypeScript tests.
import type { Command, Flag } from '../src/cli/flags.js';
import type { DiagnosticGroup } from '../src/diagnostics/catalog.js';
import type { Rule } from '../src/rules/types.js';

export interface DocsInputs {
  commands: readonly Command[];
  globalFlags: readonly Flag[];
  rules: readonly Rule[];
  rulesMarkdown: (rules: readonly Rule[]) => string;
  catalog: readonly DiagnosticGroup[];
}

export function generatedBanner(source: string): string;
export function cliPage(inputs: Pick<DocsInputs, 'commands' | 'globalFlags'>): string;
export function rulesPage(inputs: Pick<DocsInputs, 'rules' | 'rulesMarkdown'>): string;
export function diagnosticsPage(inputs: Pick<DocsInputs, 'catalog'>): string;
export function docsPages(inputs: DocsInputs): Record<string, string>;
