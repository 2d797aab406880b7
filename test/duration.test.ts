// One reading of the document's durations (`$defs.Duration`), from minutes to years: in seconds and days for
// comparing, as ISO 8601 for JSON-LD, in each locale's words on the page.
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../src/render/intl-format.js';
import { durationDays, durationSeconds, isoDuration, parseDuration } from '../src/util/duration.js';

describe('parseDuration', () => {
  it('reads every unit, singular or plural', () => {
    expect(parseDuration('30 minutes')).toEqual({ amount: 30, unit: 'minute' });
    expect(parseDuration('1 hour')).toEqual({ amount: 1, unit: 'hour' });
    expect(parseDuration('2 days')).toEqual({ amount: 2, unit: 'day' });
    expect(parseDuration('1 week')).toEqual({ amount: 1, unit: 'week' });
    expect(parseDuration('13 months')).toEqual({ amount: 13, unit: 'month' });
    expect(parseDuration('2 years')).toEqual({ amount: 2, unit: 'year' });
  });

  it('refuses anything that is not one', () => {
    for (const text of ['as long as needed', 'about 3 years', '3 years or so', '3  years', '3 Years', ' 3 years', '3 seconds', '3'])
      expect(parseDuration(text), text).toBeUndefined();
  });
});

describe('lengths', () => {
  it('in seconds and days, a month a twelfth of a year', () => {
    expect(durationSeconds('30 minutes')).toBe(1800);
    expect(durationSeconds('2 hours')).toBe(7200);
    expect(durationSeconds('1 day')).toBe(86_400);
    expect(durationDays('2 weeks')).toBe(14);
    expect(durationDays('12 months')).toBeCloseTo(365, 9);
    expect(durationDays('3 years')).toBe(1095);
    expect(durationDays('12 hours')).toBe(0.5);
    expect(durationDays('60 minutes')).toBeCloseTo(durationDays('1 hour'), 12);
  });

  it('not a number for what is not a duration', () => {
    expect(durationSeconds('about 3 years')).toBeNaN();
    expect(durationDays('3 years or so')).toBeNaN();
  });
});

describe('isoDuration', () => {
  it('dates without, times after the `T` designator', () => {
    expect(isoDuration('12 months')).toBe('P12M');
    expect(isoDuration('1 year')).toBe('P1Y');
    expect(isoDuration('30 days')).toBe('P30D');
    expect(isoDuration('2 weeks')).toBe('P2W');
    expect(isoDuration('30 minutes')).toBe('PT30M');
    expect(isoDuration('1 hour')).toBe('PT1H');
    expect(isoDuration('as long as needed')).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    ['en', '30 minutes', '30 minutes'],
    ['en', '1 hour', '1 hour'],
    ['en-US', '2 hours', '2 hours'],
    ['fr', '1 minute', '1 minute'],
    ['fr', '2 hours', '2\u00a0heures'],
    ['fr', '13 months', '13\u00a0mois'],
  ])('%s: %s is “%s”', (locale, duration, words) => {
    expect(formatDuration(duration, locale)).toBe(words);
  });

  it('leaves what is not a duration as written', () => {
    expect(formatDuration('as long as needed', 'fr')).toBe('as long as needed');
  });
});
