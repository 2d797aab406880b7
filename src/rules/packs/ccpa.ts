import type { Rule } from '../types.js';

export const ccpaRules: readonly Rule[] = [];
