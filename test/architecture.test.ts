import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The layers of src/, from the commands down to the model. A folder may import
 * only the folders below it; two folders never import each other, directly or
 * around a loop. A subfolder belongs to its folder (`rules/packs` is `rules`).
 * `src/index.ts` and `src/api.ts` are the facade: the library's public entry,
 * which no folder imports.
 *
 *   cli          the command line: parses argv, runs a command from the table
 *   commands     one module per command: its options, its run function, how its result is printed
 *   serve        `serve` and `build --watch`: rebuild on change, the preview server
 *   project      a project opened once per run: options, loading, the cache, the renderer, building
 *   report       diagnostics formatted for people and machines (pretty, JSON, SARIF, ...)
 *   init         the starter project
 *   emit         writing the built site into the output folder
 *   config       policyc.config.json and its gates
 *   scan         `policyc scan`: a site observed (browser or HAR) against the cookies a document declares
 *   rules        the compliance rules engine and its packs
 *   publish      the published site: versions, translations, changelog and feed, notifications, drafts
 *   notify       the notification e-mail and its sending
 *   render       templates, pages, change lists, redlines
 *   history      release history: manifests, verification, planning a release
 *   validate     checks of documents and translations (schema, text, prose, references)
 *   translate    translations as data: their schema, their fields, a translated policy
 *   diff         the semantic diff and its materiality
 *   resolve      the resolved model of a document
 *   load         reading files: documents, histories, templates, git
 *   cache        the content-addressed cache
 *   markdown     the Markdown layer: parsing, sanitising, normalising, memoising prose, escaping
 *   text         control characters in text
 *   model        the document model: its schema, fields, sections, labels and messages
 *   util         small helpers with no policy knowledge (hashing)
 *   diagnostics  diagnostics as values
 */
const layers = [
  'cli',
  'commands',
  'serve',
  'project',
  'report',
  'init',
  'emit',
  'config',
  'scan',
  'rules',
  'publish',
  'notify',
  'render',
  'history',
  'validate',
  'translate',
  'diff',
  'resolve',
  'load',
  'cache',
  'markdown',
  'text',
  'model',
  'util',
  'diagnostics',
];
const facade = new Set(['api.ts', 'index.ts']);

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** Every .ts file under src/, as a path relative to it (posix). */
function sourceFiles(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path.relative(src, file).split(path.sep).join('/')] : [];
  });
}

/**
 * The relative module specifiers a file names: static imports and re-exports
 * (`import ... from`, `export ... from`, `import '...'`), dynamic imports
 * (`import('...')`, `typeof import('...')`), and modules loaded by URL
 * (`import(new URL('...', import.meta.url).href)`). Comments are ignored.
 */
export function specifiers(code: string): string[] {
  const text = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\s*\(\s*new\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]!)).filter((s) => s.startsWith('.'));
}

/** The folder (layer) of a file under src/: its first path segment, or the file itself at the root. */
function layerOf(file: string): string {
  return file.split('/')[0]!;
}

interface Edge {
  from: string;
  to: string;
  /** `file -> imported file`, every import making this edge. */
  imports: string[];
}

/** The folder graph: an edge per pair of folders, with the imports that make it. */
function folderGraph(): { edges: Map<string, Edge>; facadeImports: string[]; unresolved: string[] } {
  const edges = new Map<string, Edge>();
  const facadeImports: string[] = [];
  const unresolved: string[] = [];
  for (const file of sourceFiles()) {
    for (const spec of specifiers(readFileSync(path.join(src, file), 'utf8'))) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts');
      if (target.startsWith('..')) continue; // outside src/ (schema/, templates/, package.json)
      // Generated modules (the standalone validators) exist only in lib/: still an edge by their folder.
      if (!existsSync(path.join(src, target)) && !/\.standalone\.ts$/.test(target)) unresolved.push(`${file} -> ${spec}`);
      const from = layerOf(file);
      const to = layerOf(target);
      if (facade.has(to) && !facade.has(from)) facadeImports.push(`src/${file} -> src/${target}`);
      if (from === to || facade.has(from) || facade.has(to)) continue;
      const key = `${from} -> ${to}`;
      if (!edges.has(key)) edges.set(key, { from, to, imports: [] });
      edges.get(key)!.imports.push(`src/${file} -> src/${target}`);
    }
  }
  return { edges, facadeImports, unresolved };
}

/** Strongly connected components of more than one folder (Tarjan): each is a cycle between folders. */
function cycles(edges: Iterable<Edge>): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, []);
    if (!next.has(to)) next.set(to, []);
    next.get(from)!.push(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node)!) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

describe('the architecture of src/', () => {
  const { edges, facadeImports, unresolved } = folderGraph();

  it('reads the imports of every module (static, dynamic and by URL)', () => {
    expect(
      specifiers(
        `import a from './a.js';\nimport type { B } from "../b/b.js";\nexport { c } from './c.js';\nimport './d.js';\nconst e = await import('./e.js');\ntype F = typeof import('../f/f.js');\nawait import(new URL('../g/g.js', import.meta.url).href);\n// import z from './z.js';\nimport x from 'node:fs';`,
      ),
    ).toEqual(['./a.js', '../b/b.js', './c.js', './d.js', './e.js', '../f/f.js', '../g/g.js']);
    expect(edges.size).toBeGreaterThan(20);
    expect(unresolved, 'imports of modules that do not exist').toEqual([]);
  });

  it('has no cycle between folders', () => {
    const edge = (from: string, to: string): Edge => ({ from, to, imports: [] });
    expect(cycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([['a', 'b', 'c']]);
    const found = cycles(edges.values()).map((component) => {
      const inside = [...edges.values()].filter((e) => component.includes(e.from) && component.includes(e.to));
      return `${component.join(', ')}:\n${inside.map((e) => `  ${e.from} -> ${e.to}: ${e.imports.join('; ')}`).join('\n')}`;
    });
    expect(found, 'folders that import each other (around a loop), with the imports that make each edge').toEqual([]);
  });

  it('places every folder in the declared layers', () => {
    const folders = [...new Set(sourceFiles().map(layerOf))].filter((f) => !facade.has(f));
    expect(
      folders.filter((f) => !layers.includes(f)),
      'folders missing from `layers` in test/architecture.test.ts: add each where it belongs',
    ).toEqual([]);
  });

  it('imports only downwards, from the commands to the model', () => {
    const upwards = [...edges.values()]
      .filter((e) => layers.includes(e.from) && layers.includes(e.to) && layers.indexOf(e.from) > layers.indexOf(e.to))
      .map((e) => `${e.from} -> ${e.to} goes up the layers: ${e.imports.join('; ')}`);
    expect(upwards).toEqual([]);
  });

  it('keeps the facade (src/index.ts, src/api.ts) out of every folder', () => {
    expect(facadeImports, 'modules importing the public facade: import the module that defines what they need').toEqual([]);
  });
});
