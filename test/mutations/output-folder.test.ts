// The output folder guard, reason by reason, in this process: each refusal with its exact message, the
// folders it accepts, and paths compared as real paths (links followed, even links to nothing). The CLI
// and fault tests cover the same rules through the built CLI, where a mutant of src/ is never seen.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFolderProblem, outputMarker, outputMarkerContent, realPath, type ProtectedFolders } from '../../src/emit/output-folder.js';
import { tempDir } from '../support/project.js';

const notOurs = `it is not empty, and policyc did not build it (it has no \`${outputMarker}\` file)`;

/** A project folder with a policy folder and a templates folder, inside a home folder of its own. */
function project(): { dir: string; home: string; guard: ProtectedFolders } {
  const home = tempDir('policyc-home-');
  const dir = path.join(home, 'project');
  mkdirSync(path.join(dir, 'policy/history'), { recursive: true });
  mkdirSync(path.join(dir, 'themes/templates'), { recursive: true });
  const sources = [
    { name: 'policy folder', dir: path.join(dir, 'policy') },
    { name: 'templates folder', dir: path.join(dir, 'themes/templates') },
  ];
  return { dir, home, guard: { cwd: dir, sources, home } };
}

// The home folder is passed in, not read from HOME: a worker thread's `os.homedir()` does not see
// a change to its `process.env` (vitest and StrykerJS may run tests in threads).

describe('outputFolderProblem refuses', () => {
  it('the root of the filesystem', () => {
    expect(outputFolderProblem('/', project().guard)).toBe('it is the root of the filesystem');
  });

  it('the project folder, and a link to it', () => {
    const { dir, guard } = project();
    expect(outputFolderProblem('.', guard)).toBe('it is the project folder');
    expect(outputFolderProblem(dir, guard)).toBe('it is the project folder');
    symlinkSync(dir, path.join(dir, 'site'));
    expect(outputFolderProblem('site', guard)).toBe('it is the project folder');
  });

  it('the project folder named relative to the working folder (a relative `cwd`)', () => {
    const { dir } = project();
    const cwd = path.relative(process.cwd(), dir);
    expect(path.isAbsolute(cwd)).toBe(false);
    expect(outputFolderProblem('.', { cwd, sources: [] })).toBe('it is the project folder');
    expect(outputFolderProblem('policy', { cwd, sources: [{ name: 'policy folder', dir: path.join(cwd, 'policy') }] })).toBe(
      'it is the policy folder',
    );
  });

  it('the home folder, before the project folder it contains', () => {
    const { home, guard } = project();
    expect(outputFolderProblem(home, guard)).toBe('it is your home folder');
    expect(outputFolderProblem('..', guard)).toBe('it is your home folder');
  });

  it('a folder that contains the project folder', () => {
    const { dir } = project();
    const inner = { cwd: path.join(dir, 'inner'), sources: [], home: tempDir('policyc-home-') };
    mkdirSync(inner.cwd);
    expect(outputFolderProblem('..', inner)).toBe('it contains the project folder');
    expect(outputFolderProblem(dir, inner)).toBe('it contains the project folder');
  });

  it('a folder that contains the home folder (the project elsewhere)', () => {
    const outer = tempDir();
    const home = path.join(outer, 'home');
    mkdirSync(home);
    const guard = { cwd: tempDir(), sources: [], home };
    expect(outputFolderProblem(outer, guard)).toBe('it contains your home folder');
    expect(outputFolderProblem(home, guard)).toBe('it is your home folder');
    // Inside the home folder is where output folders usually are.
    expect(outputFolderProblem(path.join(home, 'site'), guard)).toBeUndefined();
  });

  it('a source folder, a folder that contains one, and a folder inside one', () => {
    const { guard } = project();
    expect(outputFolderProblem('policy', guard)).toBe('it is the policy folder');
    expect(outputFolderProblem('policy/history', guard)).toBe('it is inside the policy folder');
    expect(outputFolderProblem('policy/new/site', guard)).toBe('it is inside the policy folder');
    expect(outputFolderProblem('themes/templates', guard)).toBe('it is the templates folder');
    expect(outputFolderProblem('themes', guard)).toBe('it contains the templates folder');
    // A sibling whose name starts like a source's is not inside it.
    expect(outputFolderProblem('policy-site', guard)).toBeUndefined();
    expect(outputFolderProblem('themes/templates-out', guard)).toBeUndefined();
  });

  it('a link to nothing that points into a source folder (followed to where it points)', () => {
    const { dir, guard } = project();
    symlinkSync(path.join(dir, 'policy/site'), path.join(dir, 'out'));
    expect(outputFolderProblem('out', guard)).toBe('it is inside the policy folder');
    // A missing folder below a link to the policy folder is inside it too.
    symlinkSync(path.join(dir, 'policy'), path.join(dir, 'docs'));
    expect(outputFolderProblem('docs/site', guard)).toBe('it is inside the policy folder');
  });

  it('a path that cannot be resolved (a loop of links)', () => {
    const { dir, guard } = project();
    symlinkSync(path.join(dir, 'b'), path.join(dir, 'a'));
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'b'));
    expect(outputFolderProblem('a', guard)).toBe('its path cannot be resolved (a loop of symbolic links)');
  });

  it('a file', () => {
    const { dir, guard } = project();
    writeFileSync(path.join(dir, 'notes.txt'), 'mine\n');
    expect(outputFolderProblem('notes.txt', guard)).toBe('it is a file, not a folder');
  });

  it('a folder policyc did not build, or whose marker is not a file', () => {
    const { dir, guard } = project();
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src/app.js'), 'console.log(1);\n');
    expect(outputFolderProblem('src', guard)).toBe(notOurs);
    mkdirSync(path.join(dir, 'public/.policyc-output'), { recursive: true });
    expect(outputFolderProblem('public', guard)).toBe(notOurs);
  });
});

describe('outputFolderProblem accepts', () => {
  it('a missing folder, an empty one, and one policyc built', () => {
    const { dir, guard } = project();
    expect(outputFolderProblem('dist', guard)).toBeUndefined();
    expect(outputFolderProblem('a/b/dist', guard)).toBeUndefined();
    mkdirSync(path.join(dir, 'empty'));
    expect(outputFolderProblem('empty', guard)).toBeUndefined();
    mkdirSync(path.join(dir, 'site'));
    writeFileSync(path.join(dir, 'site', outputMarker), outputMarkerContent);
    writeFileSync(path.join(dir, 'site/index.html'), '<html></html>\n');
    expect(outputFolderProblem('site', guard)).toBeUndefined();
  });
});

describe('realPath', () => {
  it('resolves links, links to nothing, and missing parts below a link', () => {
    const dir = realPath(tempDir());
    mkdirSync(path.join(dir, 'target'));
    symlinkSync(path.join(dir, 'target'), path.join(dir, 'link'));
    symlinkSync('target/missing', path.join(dir, 'dangling'));
    expect(realPath(path.join(dir, 'link'))).toBe(path.join(dir, 'target'));
    expect(realPath(path.join(dir, 'link/a/b'))).toBe(path.join(dir, 'target/a/b'));
    expect(realPath(path.join(dir, 'dangling'))).toBe(path.join(dir, 'target/missing'));
    expect(realPath(path.join(dir, 'dangling/page.html'))).toBe(path.join(dir, 'target/missing/page.html'));
  });

  it('throws on a loop of links, naming the path', () => {
    const dir = realPath(tempDir());
    symlinkSync(path.join(dir, 'b'), path.join(dir, 'a'));
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'b'));
    expect(() => realPath(path.join(dir, 'a'))).toThrow(/^Too many symbolic links: /);
    expect(() => realPath(path.join(dir, 'a'))).toThrow(new RegExp(`^Too many symbolic links: ${dir}/[ab]$`));
  });

  it('follows a chain of up to 40 links to nothing, and no more', () => {
    const dir = realPath(tempDir());
    // link-0 -> link-1 -> ... -> link-(n-1) -> missing: each link to nothing is one hop.
    const chain = (n: number, name: string) => {
      for (let i = 0; i < n; i++) symlinkSync(i === n - 1 ? 'missing' : `${name}-${i + 1}`, path.join(dir, `${name}-${i}`));
      return path.join(dir, `${name}-0`);
    };
    expect(realPath(chain(40, 'forty'))).toBe(path.join(dir, 'missing'));
    expect(() => realPath(chain(41, 'forty-one'))).toThrow(/^Too many symbolic links: /);
  });
});
