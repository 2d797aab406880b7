export function standaloneModule(): Promise<string>;
export function writeStandaloneCodeCache(file: string): Promise<void>;
