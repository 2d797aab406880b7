export const schemaPath: string;
export const typesPath: string;
export function generateTypes(): Promise<string>;
