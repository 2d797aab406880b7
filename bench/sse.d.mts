import type { IncomingMessage } from 'node:http';

export function buildEvents(response: IncomingMessage): {
  next(timeoutMs?: number): Promise<string>;
  drain(): string[];
};
