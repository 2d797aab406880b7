import type { Rule } from '../types.js';

export const gdprRules: readonly Rule[] = [];
