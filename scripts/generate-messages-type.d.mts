export const localePath: string;
export const messagesTypePath: string;
export function generateMessagesType(): Promise<string>;
