// Other Node.js releases for the tests that must hold on each of them: the
// official binaries, as the npm registry carries them (packages
// node-<platform>-<arch>), fetched once through npm (its cache, else the
// registry, as `npm ci` does) into node_modules/.cache/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root } from './fixtures.js';

/**
 * The Node.js versions the package is tried on besides the running one:
 * the last 20 before require(esm) (CommonJS users get lib/cjs/), the first 22
 * with it unflagged, and a current 24.
 */
export const otherNodes = ['20.18.3', '22.12.0', '24.22.3'] as const;

/** The path of Node.js `version`'s binary, fetched on first use. */
export function nodeBinary(version: string): string {
  const dir = path.join(root, 'node_modules/.cache/policyc-test/node', version);
  const binary = path.join(dir, 'package/bin/node');
  if (existsSync(binary)) return binary;
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  const spec = `node-${platform}-${process.arch}@${version}`;
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const pack = spawnSync('npm', ['pack', spec, '--prefer-offline', '--silent', '--pack-destination', partial], { encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack ${spec} failed:\n${pack.stderr}`);
  const tarball = readdirSync(partial).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${spec} wrote no tarball`);
  const untar = spawnSync('tar', ['-xzf', tarball, 'package/bin/node'], { cwd: partial, encoding: 'utf8' });
  if (untar.status !== 0) throw new Error(`tar could not unpack ${tarball}:\n${untar.stderr}`);
  rmSync(path.join(partial, tarball));
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return binary;
}
