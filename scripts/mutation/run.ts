// `npm run mutation [-- file…]`: mutation testing of the modules where a silent bug loses or
// doubles an order, a notification or a print. Stryker runs one file at a time against the tests
// related to that file (see related-tests.ts), which keeps a file to minutes on a small machine;
// then the hand-written SQL mutants of the repositories run (sql-mutant-runner.ts). Prints a
// score per file and writes reports/mutation/ (an HTML and a JSON report per file, summary.md).
// Exit code 1 when a SQL mutant survives or no longer matches its code, or a file has no tests.
import { spawnSync } from 'node:child_process';
import { existsSync, globSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importersOf, relatedTests } from './related-tests.ts';
import { runSqlMutants, type SqlMutantResult } from './sql-mutant-runner.ts';
import { SQL_MUTANTS } from './sql-mutants.ts';

const root = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const REPORTS = 'reports/mutation';
const LOW_SCORE = 85;

interface StrykerConfig {
  mutate: string[];
  [key: string]: unknown;
}

interface FileScore {
  file: string;
  tests: number;
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  compileErrors: number;
  ignored: number;
  /** Killed (or timed out) of the mutants that compile, in %; null when Stryker did not run. */
  score: number | null;
  seconds: number;
  survivors: string[];
}

function mutateSet(config: StrykerConfig): string[] {
  const include = config.mutate.filter((p) => !p.startsWith('!'));
  const exclude = new Set(globSync(config.mutate.filter((p) => p.startsWith('!')).map((p) => p.slice(1)), { cwd: root }));
  return [...new Set(globSync(include, { cwd: root }))].filter((f) => !exclude.has(f) && !f.endsWith('.d.ts')).sort();
}

function reportName(file: string): string {
  return file.replace(/[\\/]/g, '__').replace(/\.ts$/, '');
}

interface JsonReport {
  files: Record<string, { mutants: Array<{ status: string; mutatorName: string; replacement?: string; location: { start: { line: number } } }> }>;
}

function runStryker(config: StrykerConfig, file: string, tests: string[]): FileScore {
  const name = reportName(file);
  const configPath = join(root, REPORTS, 'configs', `${name}.json`);
  const jsonPath = join(REPORTS, `${name}.json`);
  writeFileSync(
    configPath,
    JSON.stringify(
      {
        ...config,
        $schema: undefined,
        mutate: [file],
        testFiles: tests,
        htmlReporter: { fileName: join(REPORTS, `${name}.html`) },
        jsonReporter: { fileName: jsonPath },
      },
      null,
      2,
    ),
  );
  const started = Date.now();
  const stryker = join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
  const run = spawnSync(process.execPath, [stryker, 'run', relative(root, configPath)], { cwd: root, stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  const score: FileScore = { file, tests: tests.length, killed: 0, survived: 0, noCoverage: 0, timeout: 0, compileErrors: 0, ignored: 0, score: null, seconds, survivors: [] };
  if (run.status !== 0 || !existsSync(join(root, jsonPath))) return score;
  const report = JSON.parse(readFileSync(join(root, jsonPath), 'utf8')) as JsonReport;
  for (const mutant of Object.values(report.files).flatMap((f) => f.mutants)) {
    switch (mutant.status) {
      case 'Killed':
        score.killed++;
        break;
      case 'Timeout':
        score.timeout++;
        break;
      case 'Survived':
      case 'NoCoverage':
        if (mutant.status === 'Survived') score.survived++;
        else score.noCoverage++;
        score.survivors.push(`line ${mutant.location.start.line}: ${mutant.mutatorName} → ${(mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60)}`);
        break;
      case 'CompileError':
        score.compileErrors++;
        break;
      case 'Ignored':
        score.ignored++;
        break;
    }
  }
  const detected = score.killed + score.timeout;
  const valid = detected + score.survived + score.noCoverage;
  score.score = valid === 0 ? 100 : Math.round((1000 * detected) / valid) / 10;
  return score;
}

function table(scores: FileScore[], sql: SqlMutantResult[], totalSeconds: number): string {
  const lines = [
    '| file | tests | killed | timeout | survived | no coverage | compile errors | ignored | score (compiling) | time |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of scores) {
    const score = s.score === null ? (s.tests === 0 ? 'no tests reach it' : 'Stryker failed') : `${s.score.toFixed(1)} %${s.score < LOW_SCORE ? ' (below 85)' : ''}`;
    lines.push(`| ${s.file} | ${s.tests} | ${s.killed} | ${s.timeout} | ${s.survived} | ${s.noCoverage} | ${s.compileErrors} | ${s.ignored} | ${score} | ${s.seconds} s |`);
  }
  if (sql.length > 0) {
    lines.push('', '| SQL mutant | result | killed by / reason |', '| --- | --- | --- |');
    for (const r of sql) lines.push(`| ${r.id} | ${r.status} | ${(r.killedBy[0] ?? r.note ?? '').replace(/\|/g, '/')} |`);
  }
  lines.push('', `Total time: ${Math.round(totalSeconds / 60)} min ${Math.round(totalSeconds % 60)} s`);
  return lines.join('\n');
}

function main(): number {
  const started = Date.now();
  const config = JSON.parse(readFileSync(join(root, 'stryker.config.json'), 'utf8')) as StrykerConfig;
  const all = mutateSet(config);
  const asked = process.argv.slice(2).map((f) => relative(root, resolve(f)).split('\\').join('/'));
  for (const file of asked) {
    if (!all.includes(file)) {
      console.error(`mutation: ${file} is not in the mutate set of stryker.config.json`);
      return 2;
    }
  }
  const files = asked.length > 0 ? asked : all;
  mkdirSync(join(root, REPORTS, 'configs'), { recursive: true });
  const importers = importersOf(root);
  const scores: FileScore[] = [];
  for (const file of files) {
    const tests = relatedTests(root, file, importers);
    console.log(`\nmutation: ${file} against ${tests.length} test file(s)${tests.length ? ': ' + tests.join(', ') : ''}`);
    scores.push(tests.length === 0 ? { file, tests: 0, killed: 0, survived: 0, noCoverage: 0, timeout: 0, compileErrors: 0, ignored: 0, score: null, seconds: 0, survivors: [] } : runStryker(config, file, tests));
  }
  const sqlFiles = files.filter((f) => SQL_MUTANTS.some((m) => m.file === f));
  const sql = sqlFiles.length > 0 ? runSqlMutants(root, sqlFiles) : [];
  const seconds = (Date.now() - started) / 1000;
  const summary = table(scores, sql, seconds);
  console.log('\n' + summary);
  for (const s of scores.filter((s) => s.survivors.length > 0)) console.log(`\nSurvivors in ${s.file}:\n  ${s.survivors.join('\n  ')}`);
  writeFileSync(join(root, REPORTS, 'summary.md'), `# Mutation testing\n\n${summary}\n`);
  writeFileSync(join(root, REPORTS, 'summary.json'), JSON.stringify({ files: scores, sql, seconds }, null, 2));
  const failed = scores.some((s) => s.score === null) || sql.some((r) => r.status === 'survived' || r.status === 'stale');
  return failed ? 1 : 0;
}

process.exitCode = main();
