// Types of generate.mjs, for the TypeScript tests.
export const generatorVersion: number;
export const repoRoot: string;

export interface Size {
  cookies: number;
  categories: number;
  purposes: number;
  sections: number;
  versions: number;
  locales: number;
}

export const sizes: Record<string, Size>;

export interface ProjectMeta extends Size {
  generatorVersion: number;
  seed: number;
  size: string;
  id: string;
  /** Released versions, oldest first (the generated `versions` count is `Size.versions`). */
  versions: string[];
  /** The newest version's effective date: the date the benchmark validates and builds for. */
  buildDate: string;
  next: { version: string; effective: string; file: string; translations: Record<string, string> };
  generationMs?: number;
  validation?: { warnings: number; byRule: Record<string, number> };
}

export interface GeneratedProject {
  dir: string;
  project: string;
  meta: ProjectMeta;
}

export function generateProject(dir: string, options: { seed: number; size: string }): ProjectMeta;
export function checkProject(projectDir: string, date: string): Promise<{ warnings: number; byRule: Record<string, number> }>;
export function projectKey(size: string, seed: number): string;
export function ensureProject(options: {
  size: string;
  seed?: number;
  work?: string;
  log?: (message: string) => void;
}): Promise<GeneratedProject>;
export function ensureSample(options?: {
  work?: string;
}): Promise<{ dir: string; project: string; meta: { size: string; versions: string[]; buildDate: string } }>;
