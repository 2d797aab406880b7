// Replaces the shipped Open Cookie Database (data/open-cookie-database/) with a
// newer copy downloaded by hand from its repository: the script itself fetches
// nothing. The copy is checked as policyc reads it (the columns of
// src/scan/cookie-database.ts, one record per cookie, `Wildcard match` 0 or 1)
// before it replaces the old one, so a changed format fails here and not in a
// user's scan. Run `npm run prepare` first (it reads lib/).
//
//   node scripts/update-cookie-database.mjs PATH/TO/open-cookie-database.csv
//
// Then say in data/open-cookie-database/SOURCE.md which commit the copy is,
// and check the LICENSE there is still the database's (Apache-2.0).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cookieDatabaseUrl, readCookieDatabase } from '../lib/scan/cookie-database.js';

const [source] = process.argv.slice(2);
if (!source) {
  console.error('usage: node scripts/update-cookie-database.mjs PATH/TO/open-cookie-database.csv');
  process.exit(2);
}
const text = readFileSync(source, 'utf8');
const read = readCookieDatabase(text);
if ('problem' in read) {
  console.error(`${source}:${read.line}:${read.column}: ${read.problem}; the shipped copy is unchanged`);
  process.exit(1);
}
// lib/scan/ and src/scan/ are both two folders deep: the URL names data/ of this checkout.
const target = fileURLToPath(cookieDatabaseUrl);
const before = readCookieDatabase(readFileSync(target, 'utf8'));
writeFileSync(`${target}.tmp`, text);
renameSync(`${target}.tmp`, target);
const count = (r) => ('database' in r ? r.database.entries.length : 0);
console.log(`${target}: ${count(read)} entries (were ${count(before)}). Update SOURCE.md with the commit this copy is from.`);
