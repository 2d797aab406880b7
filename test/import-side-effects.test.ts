// No module of src/ touches the file system (or starts a process) while it is
// being imported: data files (the schema, the English labels) are read on
// first use, paths are computed when needed. Every function of node:fs,
// node:fs/promises and node:child_process is wrapped to record its calls
// while the modules are imported; the test imports every module and expects
// no call. (src/cli/bin.ts is the command's entry point: importing it runs
// the command, so it is left out.)
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const probe = vi.hoisted(() => {
  const state = { counting: false, calls: [] as string[] };
  /** A module's functions wrapped to record each call while counting (classes and constants untouched). */
  const wrap = <M extends Record<string, unknown>>(name: string, module: M): M => {
    const wrapped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(module)) {
      if (typeof value !== 'function' || !/^[a-z]/.test(key)) {
        wrapped[key] = value;
        continue;
      }
      const original = value as (...args: unknown[]) => unknown;
      wrapped[key] = Object.assign(function (this: unknown, ...args: unknown[]) {
        if (state.counting)
          state.calls.push(`${name}.${key}(${typeof args[0] === 'string' || args[0] instanceof URL ? String(args[0]) : ''})`);
        return original.apply(this, args);
      }, original);
    }
    return wrapped as M;
  };
  return { state, wrap };
});

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<Record<string, unknown>>();
  const wrapped = probe.wrap('fs', fs);
  return { ...wrapped, promises: probe.wrap('fs.promises', fs.promises as Record<string, unknown>), default: wrapped };
});
vi.mock('node:fs/promises', async (importOriginal) => {
  const wrapped = probe.wrap('fs/promises', await importOriginal<Record<string, unknown>>());
  return { ...wrapped, default: wrapped };
});
vi.mock('node:child_process', async (importOriginal) => {
  const wrapped = probe.wrap('child_process', await importOriginal<Record<string, unknown>>());
  return { ...wrapped, default: wrapped };
});

const src = fileURLToPath(new URL('../src/', import.meta.url));

describe('importing src/', () => {
  it('reads no file and starts no process', async () => {
    // Listed before counting, with the same (wrapped) module the sources get.
    const { readdirSync } = await import('node:fs');
    const files = (readdirSync(src, { recursive: true }) as string[])
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && file !== 'cli/bin.ts')
      .sort();
    expect(files.length).toBeGreaterThan(50);
    const byModule: Record<string, string[]> = {};
    for (const file of files) {
      probe.state.calls = [];
      probe.state.counting = true;
      try {
        await import(pathToFileURL(path.join(src, file)).href);
      } finally {
        probe.state.counting = false;
      }
      if (probe.state.calls.length) byModule[file] = probe.state.calls;
    }
    expect(byModule, 'modules that touch the file system (or start a process) when imported: read on first use instead').toEqual({});
  });

  it('notices a module that does (the probe works)', async () => {
    const { readFileSync } = await import('node:fs');
    probe.state.calls = [];
    probe.state.counting = true;
    readFileSync(fileURLToPath(import.meta.url));
    probe.state.counting = false;
    expect(probe.state.calls).toEqual([`fs.readFileSync(${fileURLToPath(import.meta.url)})`]);
  });
});
