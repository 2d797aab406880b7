// The fenced code examples of a Markdown page (see test/docs-examples.test.ts for the convention).

export interface Example {
  file: string;
  line: number;
  lang: string;
  flags: string[];
  code: string;
  /** The `output` block that follows it, if any. */
  output?: string;
}

/** The fenced code blocks of a Markdown file, each with the `output` block right after it. */
export function examplesOf(file: string, text: string): Example[] {
  const blocks: Example[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j]!.startsWith(`${indent}${fence}`); j++) body.push(lines[j]!.slice(indent!.length));
    const [lang = '', ...flags] = info!.trim().split(/\s+/).filter(Boolean);
    blocks.push({ file, line: i + 1, lang, flags, code: `${body.join('\n')}\n` });
    i = j;
  }
  return blocks.flatMap((block, k) => {
    if (block.lang === 'output') return [];
    const next = blocks[k + 1];
    return [next?.lang === 'output' ? { ...block, output: next.code } : block];
  });
}

/** A shell line's words: plain, 'single-quoted' or "double-quoted" (what the docs' commands use). */
export function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2]?.replace(/\\(.)/g, '$1') ?? m[3]!);
}
