// HAR files read into an Observation: cookies by header and by script, hosts, pages, phases; bad input as diagnostics at their place.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../src/load/json-syntax.js';
import { harObservation, parseSetCookie, readHar } from '../src/scan/har.js';
import { root } from './support/fixtures.js';
import { tempDir } from './support/project.js';

const fixture = (name: string) => path.join(root, 'test/scan-fixtures', name);

describe('readHar', () => {
  it('reads the cookies set by headers and by scripts, the hosts and the pages', () => {
    const { observation, diagnostics } = readHar(fixture('site.har'), 'site.har');
    expect(diagnostics).toEqual([]);
    expect(observation).toMatchObject({
      source: 'har',
      siteHost: 'www.smartfocus.com',
      pages: ['https://www.smartfocus.com/', 'https://www.smartfocus.com/pricing'],
      consented: false,
      storage: [],
      leftSite: [],
    });
    const home = 'https://www.smartfocus.com/';
    const pricing = 'https://www.smartfocus.com/pricing';
    expect(observation!.cookies).toEqual([
      {
        name: 'ASP.NET_SessionId',
        domain: 'www.smartfocus.com',
        path: '/',
        httpOnly: true,
        secure: true,
        sameSite: 'Lax',
        setBy: 'header',
        setter: 'www.smartfocus.com',
        page: home,
        phase: 'before-consent',
      },
      {
        name: '_hjSessionUser_12345',
        domain: 'www.smartfocus.com',
        path: '/',
        maxAgeSeconds: 31536000,
        httpOnly: false,
        secure: true,
        setBy: 'header',
        setter: 'www.smartfocus.com',
        page: home,
        phase: 'before-consent',
      },
      {
        name: '__ar_v4',
        domain: 'adroll.com',
        path: '/',
        // Expires three years after the response.
        maxAgeSeconds: 94694400,
        httpOnly: false,
        secure: true,
        sameSite: 'None',
        setBy: 'header',
        setter: 'd.adroll.com',
        page: home,
        phase: 'before-consent',
      },
      ...['_ga', '_ga_ABC123', 'ab_test'].map((name) => ({
        name,
        domain: 'www.smartfocus.com',
        path: '/',
        httpOnly: false,
        secure: false,
        setBy: 'script',
        setter: 'www.smartfocus.com',
        page: pricing,
        phase: 'before-consent',
      })),
    ]);
    expect(observation!.hosts.map((h) => [h.host, h.page])).toEqual([
      ['www.smartfocus.com', home],
      ['d.adroll.com', home],
      ['cdn.tracker.example', home],
    ]);
  });

  it('reports a HAR that is not HAR 1.2 at the field', () => {
    expect(readHar(fixture('malformed.har'), 'malformed.har').diagnostics).toEqual([
      {
        file: 'malformed.har',
        line: 9,
        column: 23,
        endLine: 9,
        endColumn: 31,
        ruleId: 'scan-har-invalid',
        severity: 'error',
        message: 'The HAR file is not HAR 1.2: `log.entries[0].response.status` must be a number',
        hint: 'Export the HAR again from the browser (developer tools, Network, "Save all as HAR"); policyc reads HAR 1.2.',
        source: 'scan',
      },
    ]);
  });

  it('reports JSON that does not parse where it stops, without quoting it', () => {
    const [d] = readHar(fixture('not-json.har'), 'not-json.har').diagnostics;
    expect(d).toMatchObject({
      line: 5,
      column: 28,
      ruleId: 'scan-har-invalid',
      message: 'The HAR file is not valid JSON: a value was expected',
    });
  });

  it('lists each missing field, up to twenty', () => {
    const { diagnostics } = harObservation(
      '{"log":{"version":"2","entries":[{},{"startedDateTime":"x","request":{},"response":{}}]}}',
      'x.har',
    );
    expect(diagnostics.map((d) => d.message.replace('The HAR file is not HAR 1.2: ', ''))).toEqual([
      '`log.version` must be "1.2" (or "1.1")',
      '`log.entries[0].startedDateTime` must be an ISO 8601 date and time',
      '`log.entries[0].request` must be an object',
      '`log.entries[0].response` must be an object',
      '`log.entries[1].startedDateTime` must be an ISO 8601 date and time',
      '`log.entries[1].request.url` must be text',
      '`log.entries[1].request.method` must be text',
      '`log.entries[1].request.headers` must be a list',
      '`log.entries[1].response.status` must be a number',
      '`log.entries[1].response.headers` must be a list',
    ]);
  });

  it('refuses a link, a folder and a missing file, reading nothing through them', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'real.har'), '{}');
    symlinkSync(path.join(dir, 'real.har'), path.join(dir, 'link.har'));
    mkdirSync(path.join(dir, 'folder.har'));
    const message = (name: string) => readHar(path.join(dir, name), name).diagnostics.map((d) => `${d.ruleId}: ${d.message}`);
    expect(message('link.har')).toEqual(['scan-har-unreadable: `link.har` is a symbolic link, not a HAR file']);
    expect(message('folder.har')).toEqual(['scan-har-unreadable: `folder.har` is a folder, not a HAR file']);
    expect(message('none.har')).toEqual(['scan-har-unreadable: There is no HAR file `none.har`']);
  });

  it('marks the pages from one whose comment says policyc:after-consent as after consent, and leaves other sites out', () => {
    const entry = (pageref: string, url: string, setCookie?: string) => ({
      pageref,
      startedDateTime: '2026-03-01T10:00:00Z',
      request: { method: 'GET', url, headers: [] },
      response: { status: 200, headers: setCookie ? [{ name: 'Set-Cookie', value: setCookie }] : [], content: { mimeType: 'text/html' } },
    });
    const har = {
      log: {
        version: '1.2',
        pages: [{ id: 'a' }, { id: 'b', comment: 'policyc:after-consent' }, { id: 'c' }],
        entries: [
          entry('a', 'https://shop.example/', 'a=1'),
          entry('b', 'https://shop.example/', 'b=1; Max-Age=60'),
          entry('c', 'https://elsewhere.example/', 'c=1'),
        ],
      },
    };
    const { observation } = harObservation(JSON.stringify(har), 'x.har');
    expect(observation!.consented).toBe(true);
    expect(observation!.cookies.map((c) => [c.name, c.phase])).toEqual([
      ['a', 'before-consent'],
      ['b', 'after-consent'],
    ]);
    expect(observation!.leftSite).toEqual([{ page: 'https://shop.example/', to: 'https://elsewhere.example/' }]);
  });
});

describe('parseSetCookie', () => {
  const started = Date.parse('2026-03-01T10:00:00Z');
  it('prefers Max-Age to Expires, and counts Expires from the response', () => {
    expect(parseSetCookie('a=1; Expires=Sun, 01 Mar 2026 11:00:00 GMT; Max-Age=60', 'https://x.example/a/b', started)).toMatchObject({
      maxAgeSeconds: 60,
      path: '/a',
    });
    expect(parseSetCookie('a=1; expires=Sun, 01 Mar 2026 11:00:00 GMT', 'https://x.example/', started)).toMatchObject({
      maxAgeSeconds: 3600,
    });
  });

  it('takes the Domain without its dot, and ignores a header without a name', () => {
    expect(parseSetCookie('id=2; Domain=.Ads.Example', 'https://t.ads.example/', started)).toMatchObject({ domain: 'ads.example' });
    expect(parseSetCookie('novalue', 'https://x.example/', started)).toBeUndefined();
    expect(parseSetCookie('=x', 'https://x.example/', started)).toBeUndefined();
  });
});

describe('jsonSyntaxError', () => {
  it('finds where JSON stops being JSON, and nothing in valid JSON', () => {
    expect(jsonSyntaxError('{"a": [1, -2.5e3, true, null, "x\\n"], "b": {}}')).toBeUndefined();
    expect(jsonSyntaxError('{"a": x}')).toEqual({ offset: 6, message: 'a value was expected' });
    expect(jsonSyntaxError('{"a": 1,}')).toEqual({ offset: 8, message: 'a property name in double quotes was expected' });
    expect(jsonSyntaxError('{"a" 1}')).toEqual({ offset: 5, message: '`:` was expected after the property name' });
    expect(jsonSyntaxError('[1 2]')).toEqual({ offset: 3, message: '`,` or `]` was expected' });
    expect(jsonSyntaxError('{"a":1} x')).toEqual({ offset: 8, message: 'the text goes on after the JSON value' });
    expect(jsonSyntaxError('{"a": "b\nc"}')).toEqual({
      offset: 7,
      message: 'a string is not closed, or has a control character or a bad escape',
    });
    expect(jsonSyntaxError('[[1')).toEqual({ offset: 3, message: 'the text ends early' });
    expect(jsonSyntaxError('[]')).toBeUndefined();
  });

  it('reads deep nesting without overflowing the stack', () => {
    expect(jsonSyntaxError(`${'['.repeat(100000)}${']'.repeat(99999)}`)).toEqual({ offset: 199999, message: 'the text ends early' });
  });
});

describe('cookie names from a HAR', () => {
  it('drops a name with a control character, as browsers do', () => {
    expect(parseSetCookie('a\u001b[31m=1', 'https://x.example/', 0)).toBeUndefined();
  });
});
