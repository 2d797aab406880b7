/**
 * policyc: privacy policies as validated YAML, compiled to HTML and Markdown.
 * This module is the public API; the CLI is a thin shell over it.
 */
export { build, loadProject, validate } from './api.js';
export type { BuildOptions, BuildResult, Project, ProjectOptions, ValidateResult } from './api.js';
export { compareText, hasErrors, sortDiagnostics } from './diagnostic.js';
export type { Diagnostic, Place, Point, Severity } from './diagnostic.js';
export { writeSite } from './emit/write-site.js';
export { parse, defaultParseSettings } from './load/parse.js';
export type { ParsedFile, ParseSettings, SourceFile } from './load/parse.js';
export { readTemplates, builtinTemplatesDir } from './load/read-templates.js';
export type * from './model/policy.generated.js';
export { policySchema, schemaVersion } from './model/schema.js';
export { compileSite } from './render/site.js';
export type { SiteFiles } from './render/site.js';
export { createRenderer } from './render/templates.js';
export type { Renderer, TemplateSet } from './render/templates.js';
export { resolve } from './resolve/resolve.js';
export type { PolicyModel, SectionSlot } from './resolve/resolve.js';
export { validateFile, validateFiles } from './validate/validate.js';
export { formatDiagnostics, formatJson, formatPretty, diagnosticFormats } from './report.js';
export type { DiagnosticFormat, PrettyOptions } from './report.js';
