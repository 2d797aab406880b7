// Types of plan.mjs, for the TypeScript tests.
export interface Figure {
  key: string;
  label: string;
  /** Set on figures others are compared with: their short name in the table. */
  baseline?: string;
}

export interface Check {
  figure: string;
  baseline?: string;
  maxRatio?: number;
  faster?: boolean;
  maxMs?: number;
  /** `maxMs` is met by a median equal to it too (else only by one below it). */
  atMost?: boolean;
  maxPeakMB?: number;
  target?: string;
}

export const figures: Figure[];
export const figureKeys: string[];
export const checks: Check[];
export function judge(
  check: Check,
  measured: Record<string, { medianMs?: number; medianCpuMs?: number | null; peakRssBytes?: number | null; skipped?: boolean }>,
): Check & { ratio: number | null; cpuRatio: number | null; met: boolean | null };
