// The plain-text body of an e-mail: normalised and wrapped.

/** Trim trailing spaces, collapse runs of blank lines, end with one newline. */
export function normaliseText(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '')}\n`;
}

const columns = (s: string): number => [...s].length;

// White space a line may break at: not the no-break spaces French puts inside « » and before : ; ? !
export const breakingSpace = /[^\S\u00a0\u202f]+/g;

/**
 * Wrap every line at `width` columns at word boundaries. A list item (`- `,
 * `* `, `1. ` after any indentation) continues under its text (a hanging
 * indent); other lines continue at their own indentation. A word longer than
 * the line (a URL) is never broken: it gets a line of its own, and nor is a
 * no-break space.
 */
export function wrapText(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (columns(line) <= width) {
      out.push(line);
      continue;
    }
    const lead = /^(\s*)((?:[-*•]|\d+[.)])\s+)?/.exec(line)!;
    const first = lead[0];
    const hanging = ' '.repeat(columns(first));
    const words = line.slice(first.length).split(breakingSpace).filter(Boolean);
    let current = first;
    let empty = true;
    for (const word of words) {
      const candidate = empty ? current + word : `${current} ${word}`;
      if (empty || columns(candidate) <= width) {
        current = candidate;
        empty = false;
      } else {
        out.push(current);
        current = hanging + word;
      }
    }
    out.push(current);
  }
  return out.join('\n');
}
