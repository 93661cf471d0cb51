// Runs the SQL mutants (sql-mutants.ts): each one is written into a sandbox copy of the project
// (the working tree is never touched), the tests related to its file run with --bail, and the
// first failing test is what killed it. Run alone with `node scripts/mutation/sql-mutant-runner.ts
// [repo file…]`; `npm run mutation` runs it after Stryker.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importersOf, relatedTests } from './related-tests.ts';
import { SQL_MUTANTS, type SqlMutant } from './sql-mutants.ts';

export type SqlMutantStatus = 'killed' | 'survived' | 'equivalent' | 'stale';

export interface SqlMutantResult {
  id: string;
  file: string;
  status: SqlMutantStatus;
  /** The failing test(s) ("file > test name"), for a killed mutant. */
  killedBy: string[];
  /** The equivalence reason, or why the mutant is stale. */
  note?: string;
  ms: number;
}

const COPIED = ['electron', 'shared', 'tests', 'package.json', 'tsconfig.json', 'vitest.config.ts', 'vite.config.ts'];
const LINKED = ['node_modules', 'renderer', 'dist'];

function makeSandbox(root: string): string {
  const sandbox = mkdtempSync(join(tmpdir(), 'comanda-sql-mutants-'));
  for (const name of COPIED) if (existsSync(join(root, name))) cpSync(join(root, name), join(sandbox, name), { recursive: true });
  for (const name of LINKED) if (existsSync(join(root, name))) symlinkSync(realpathSync(join(root, name)), join(sandbox, name));
  return sandbox;
}

interface VitestJson {
  testResults?: Array<{ name: string; assertionResults?: Array<{ status: string; fullName?: string; title: string }>; message?: string; status?: string }>;
}

/** Runs the test files in the sandbox; returns the failing tests (empty: all passed). */
function runTests(sandbox: string, testFiles: string[]): { failed: string[]; ok: boolean } {
  const output = join(sandbox, 'sql-mutant-result.json');
  rmSync(output, { force: true });
  const run = spawnSync(
    process.execPath,
    [join(sandbox, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--bail=1', '--reporter=json', `--outputFile=${output}`, ...testFiles],
    { cwd: sandbox, encoding: 'utf8', env: { ...process.env, CI: process.env.CI ?? '' }, maxBuffer: 64 * 1024 * 1024 },
  );
  const failed: string[] = [];
  const notLoaded: string[] = [];
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, 'utf8')) as VitestJson;
    for (const file of report.testResults ?? []) {
      const name = file.name.slice(sandbox.length + 1);
      for (const test of file.assertionResults ?? []) {
        if (test.status === 'failed') failed.push(`${name} > ${test.fullName ?? test.title}`);
      }
      // A file cut short by --bail is reported failed with no message: only a real load error counts.
      if (file.status === 'failed' && file.message) notLoaded.push(`${name} (did not load: ${file.message.split('\n')[0]})`);
    }
  }
  if (failed.length === 0) failed.push(...notLoaded);
  if (run.status !== 0 && failed.length === 0) failed.push(`vitest exited ${run.status}: ${(run.stderr || run.stdout).split('\n').slice(-5).join(' ')}`);
  return { failed, ok: run.status === 0 };
}

function occurrences(text: string, piece: string): number {
  let count = 0;
  for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) count++;
  return count;
}

export function runSqlMutants(root: string, files?: readonly string[], log: (line: string) => void = console.log): SqlMutantResult[] {
  const chosen = SQL_MUTANTS.filter((m) => !files || files.length === 0 || files.includes(m.file));
  if (chosen.length === 0) return [];
  const importers = importersOf(root);
  const testsFor = (m: SqlMutant) => relatedTests(root, m.file, importers);
  const sandbox = makeSandbox(root);
  const results: SqlMutantResult[] = [];
  try {
    const allTests = [...new Set(chosen.flatMap(testsFor))].sort();
    log(`SQL mutants: ${chosen.length} in ${new Set(chosen.map((m) => m.file)).size} file(s); checking ${allTests.length} test file(s) pass unmutated`);
    const baseline = runTests(sandbox, allTests);
    if (!baseline.ok) throw new Error(`the tests fail before any mutant: ${baseline.failed.join('; ')}`);
    for (const mutant of chosen) {
      const started = Date.now();
      const path = join(sandbox, mutant.file);
      const original = readFileSync(path, 'utf8');
      const found = occurrences(original, mutant.find);
      const result: SqlMutantResult = { id: mutant.id, file: mutant.file, status: 'killed', killedBy: [], ms: 0 };
      if (found !== 1) {
        result.status = 'stale';
        result.note = `its text occurs ${found} times in ${mutant.file}; update sql-mutants.ts`;
      } else if (mutant.equivalent) {
        result.status = 'equivalent';
        result.note = mutant.equivalent;
      } else {
        writeFileSync(path, original.replace(mutant.find, mutant.replace));
        try {
          const { failed } = runTests(sandbox, testsFor(mutant));
          result.status = failed.length > 0 ? 'killed' : 'survived';
          result.killedBy = failed;
        } finally {
          writeFileSync(path, original);
        }
      }
      result.ms = Date.now() - started;
      results.push(result);
      log(`  ${result.status.padEnd(10)} ${mutant.id}${result.killedBy[0] ? `  by ${result.killedBy[0]}` : ''}${result.note ? `  (${result.note})` : ''}`);
    }
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(new URL('../../', import.meta.url)));
  const results = runSqlMutants(root, process.argv.slice(2));
  const bad = results.filter((r) => r.status === 'survived' || r.status === 'stale');
  console.log(`${results.filter((r) => r.status === 'killed').length} killed, ${bad.length} survived or stale, ${results.filter((r) => r.status === 'equivalent').length} equivalent`);
  process.exitCode = bad.length > 0 ? 1 : 0;
}
