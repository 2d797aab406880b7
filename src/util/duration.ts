/** The units a document's `Duration` is written in (`"30 minutes"`, `"1 year"`), shortest first. */
export const durationUnits = ['minute', 'hour', 'day', 'week', 'month', 'year'] as const;
export type DurationUnit = (typeof durationUnits)[number];

/** A `Duration` read: how many of which unit. */
export interface Duration {
  amount: number;
  unit: DurationUnit;
}

// The schema's form (`$defs.Duration`): a whole number, one space, a unit, singular or plural.
const durationPattern = new RegExp(`^(\\d+) (${durationUnits.join('|')})s?$`);

// A month is a twelfth of a year and a year 365 days, so "12 months" and "1 year" are the same length.
const unitSeconds: Record<DurationUnit, number> = {
  minute: 60,
  hour: 3600,
  day: 86_400,
  week: 7 * 86_400,
  month: (365 * 86_400) / 12,
  year: 365 * 86_400,
};

/** The amount and unit of a duration as the schema writes it; undefined for anything else ("as long as needed"). */
export function parseDuration(text: string): Duration | undefined {
  const match = durationPattern.exec(text);
  return match ? { amount: Number(match[1]), unit: match[2] as DurationUnit } : undefined;
}

/** A duration's length in seconds (NaN when it is not one), for comparing durations and cookie expiries. */
export function durationSeconds(text: string): number {
  const duration = parseDuration(text);
  return duration ? duration.amount * unitSeconds[duration.unit] : Number.NaN;
}

// The longest each unit can be on a calendar (a 31-day month, a leap year).
const longestUnitSeconds: Record<DurationUnit, number> = { ...unitSeconds, month: 31 * 86_400, year: 366 * 86_400 };

/** The longest a duration can last on a calendar, in seconds (undefined when it is not one): what a check that must never call a declaration short by rounding compares with. */
export function longestDurationSeconds(text: string): number | undefined {
  const duration = parseDuration(text);
  return duration ? duration.amount * longestUnitSeconds[duration.unit] : undefined;
}

/** A duration's length in days, in fractions for minutes and hours (NaN when it is not one). */
export function durationDays(text: string): number {
  return durationSeconds(text) / 86_400;
}

/** The ISO 8601 duration of a period (`P12M`, `PT30M`); undefined for anything that is not a duration. */
export function isoDuration(text: string): string | undefined {
  const duration = parseDuration(text);
  if (!duration) return undefined;
  const designator = { minute: 'TM', hour: 'TH', day: 'D', week: 'W', month: 'M', year: 'Y' }[duration.unit];
  // Minutes and hours are written after the time designator `T` (`PT30M`; `P30M` would be thirty months).
  return designator.startsWith('T') ? `PT${duration.amount}${designator[1]}` : `P${duration.amount}${designator}`;
}
