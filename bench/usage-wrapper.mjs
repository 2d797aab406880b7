// Fallback for machines without GNU time: runs a Node script (or `-e CODE`)
// in this process and writes its peak resident memory (bytes) and CPU time
// (ms) as JSON to a file on exit, so the harness can report them for whole
// processes.
//
//   node bench/usage-wrapper.mjs USAGE_FILE SCRIPT [ARGS...]
//   node bench/usage-wrapper.mjs USAGE_FILE -e CODE
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

const [usageFile, script, ...args] = process.argv.slice(2);
process.on('exit', () => {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  writeFileSync(usageFile, JSON.stringify({ maxRssBytes: maxRSS * 1024, cpuMs: Math.round((userCPUTime + systemCPUTime) / 1000) }));
});
if (script === '-e') {
  vm.runInThisContext(args[0] ?? '');
} else {
  // The script sees the command line it would have had without the wrapper.
  process.argv = [process.argv[0], path.resolve(script), ...args];
  await import(pathToFileURL(path.resolve(script)).href);
}
