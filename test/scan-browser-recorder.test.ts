// The parts of the browser scan that need no browser: a cookie's name from
// what set it, and who set a stored cookie from the writes heard.
import { describe, expect, it } from 'vitest';
import { cookieNameOf, setterOf, type CookieWrite } from '../src/scan/browser-recorder.js';

describe('cookieNameOf', () => {
  it('takes the name before the first = of the first part', () => {
    expect(cookieNameOf('_ga=GA1.1.2=3; Max-Age=63072000; Path=/')).toBe('_ga');
    expect(cookieNameOf(' sid = abc ;HttpOnly')).toBe('sid');
    expect(cookieNameOf('=only-a-value')).toBe('');
  });

  it('gives a part without = an empty name (RFC 6265bis)', () => {
    expect(cookieNameOf('nameless; Path=/')).toBe('');
    expect(cookieNameOf('')).toBe('');
  });
});

describe('setterOf', () => {
  const write = (name: string, host: string, target: string, setBy: 'header' | 'script', at: number): CookieWrite => ({
    name,
    host,
    target,
    setBy,
    at,
  });

  it('takes the first write of the name into a host the domain covers, and the time of the last before it was seen', () => {
    const writes = [
      write('id', 'other.test', 'other.test', 'header', 1),
      write('id', 'cdn.tracker.test', 'www.example.com', 'script', 2),
      write('id', 'www.example.com', 'www.example.com', 'header', 3),
    ];
    expect(setterOf({ name: 'id', domain: 'example.com', httpOnly: false }, writes, 'www.example.com', 5)).toEqual({
      setBy: 'script',
      setter: 'cdn.tracker.test',
      at: 3,
    });
    expect(setterOf({ name: 'id', domain: 'example.com', httpOnly: false }, writes, 'www.example.com', 2)).toMatchObject({ at: 2 });
    expect(setterOf({ name: 'id', domain: 'other.test', httpOnly: false }, writes, 'www.example.com', 5)).toEqual({
      setBy: 'header',
      setter: 'other.test',
      at: 1,
    });
  });

  it('without a write heard: a header for an HttpOnly cookie, else a script, at the page host', () => {
    expect(setterOf({ name: 'a', domain: 'example.com', httpOnly: true }, [], 'www.example.com', 5)).toEqual({
      setBy: 'header',
      setter: 'www.example.com',
    });
    expect(setterOf({ name: 'a', domain: 'example.com', httpOnly: false }, [], 'www.example.com', 5)).toEqual({
      setBy: 'script',
      setter: 'www.example.com',
    });
  });
});
