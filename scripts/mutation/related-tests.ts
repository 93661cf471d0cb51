// Which test files to run against a mutated file: the tests that import it, directly or through
// other modules, found from the import statements. The search does not pass through the
// composition roots (create-host, the engine factory, the cloud and shell start-up): a test that
// reaches a module only through those exercises everything at once, slowly, and rarely pins down
// the module. Only a file no closer test reaches falls back to the tests that go through them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Modules that wire everything together; see above. */
export const COMPOSITION_ROOTS = [
  'electron/host/create-host.ts',
  'electron/headless.ts',
  'electron/main.ts',
  'electron/whatsapp/engine-factory.ts',
  'electron/cloud/host-cloud.ts',
  'electron/cloud/create-cloud-sync.ts',
  'electron/shell/host-start.ts',
];

/**
 * Tests that run the host in another process, drive a browser or start the Firebase emulators: a
 * mutant lives only in the test runner's process, so they cannot kill it, and they are slow.
 */
const OUT_OF_PROCESS = /support\/(headless-process|chromium|firestore-emulator|real-whatsapp)|cloud-harness|auth-emulator|playwright|puppeteer|spawnSync|child_process/;

const SOURCE_DIRS = ['electron', 'shared', 'tests', 'e2e'];
/** Type imports count: a module handed an instance (a repository, a clock) imports only its type. */
const IMPORT = /^\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]/gm;

function listSources(root: string, dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    if (statSync(join(root, path)).isDirectory()) listSources(root, path, out);
    else if (/\.tsx?$/.test(entry)) out.push(path);
  }
}

/** file → the files that import it (paths relative to root, with forward slashes). */
export function importersOf(root: string): Map<string, Set<string>> {
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) listSources(root, dir, files);
  const importers = new Map<string, Set<string>>();
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const target = toPosix(relative(root, resolve(root, dirname(file), (match[1] ?? match[2])!)));
      let set = importers.get(target);
      if (!set) importers.set(target, (set = new Set()));
      set.add(toPosix(file));
    }
  }
  return importers;
}

function runsInProcess(root: string, test: string): boolean {
  return !OUT_OF_PROCESS.test(readFileSync(join(root, test), 'utf8'));
}

function reachingTests(root: string, file: string, importers: Map<string, Set<string>>, stopAt: ReadonlySet<string>): string[] {
  const seen = new Set([file]);
  const queue = [file];
  const tests = new Set<string>();
  while (queue.length > 0) {
    for (const importer of importers.get(queue.shift()!) ?? []) {
      if (seen.has(importer) || stopAt.has(importer)) continue;
      seen.add(importer);
      if (importer.endsWith('.test.ts')) {
        if (runsInProcess(root, importer)) tests.add(importer);
      }
      else queue.push(importer);
    }
  }
  return [...tests].sort();
}

/** The test files to run against `file` (relative to root). */
export function relatedTests(root: string, file: string, importers = importersOf(root)): string[] {
  const target = toPosix(file);
  const close = reachingTests(root, target, importers, new Set(COMPOSITION_ROOTS));
  return close.length > 0 ? close : reachingTests(root, target, importers, new Set());
}

function toPosix(path: string): string {
  return path.split('\\').join('/');
}
