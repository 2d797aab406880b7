export function standaloneModule(): Promise<string>;
