import type { Root as MdastRoot } from 'mdast';

// The Markdown parser (./parser.ts: remark-parse, remark-gfm, micromark) is the
// largest part of what prose needs, and a validation whose cache knows every
// answer parses nothing: it is loaded on first need (`loadMarkdownParser`), or
// given at once by an entry point that loads it anyway (`useMarkdownParser`).

type Parse = (text: string) => MdastRoot;

let parse: Parse | undefined;

/** Thrown when prose is parsed before the parser was loaded: a caller that forgot `await loadMarkdownParser()`. */
export class MarkdownParserNotLoaded extends Error {
  constructor() {
    super('internal error: Markdown parsed before its parser was loaded (await loadMarkdownParser() first)');
    this.name = 'MarkdownParserNotLoaded';
  }
}

/** Load the Markdown parser (once), before anything may parse prose. */
export async function loadMarkdownParser(): Promise<void> {
  parse ??= (await import('./parser.js')).parseMarkdown;
}

/** Give the parser, already loaded (the library's entry and the renderer import it anyway). */
export function useMarkdownParser(given: Parse): void {
  parse ??= given;
}

/** The loaded parser; throws MarkdownParserNotLoaded when it is not. */
export function markdownParser(): Parse {
  if (!parse) throw new MarkdownParserNotLoaded();
  return parse;
}
