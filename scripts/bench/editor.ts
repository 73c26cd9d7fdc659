/**
 * Edit → diagnostics latency over stdio, with the real server and a real LSP client (the protocol
 * tests' session): each edit changes one value, then the client pulls the file's diagnostics, as VS
 * Code does after a keystroke. The first rounds warm the server up and are not counted.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LspSession } from '../../test/lsp/lsp-session';
import { dockerfile, manifest, mixedRepository, seeded, workflow, writeTree } from './corpora';

const EDITS = 60;
const WARM_UP = 10;

interface Latency {
  file: string;
  lines: number;
  p50: number;
  p95: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A file of about `lines` lines of each kind, and a way to change one value in it (the `n`th edit). */
function subjects(): Array<{
  name: string;
  path: string;
  languageId: string;
  text: string;
  edit: (n: number) => string;
}> {
  const random = seeded(11);
  const bigManifest = manifest(random, 1, 85);
  let bigDockerfile = dockerfile(random, 1);
  while (bigDockerfile.split('\n').length < 300)
    bigDockerfile += `RUN echo step-${bigDockerfile.length} && make part-${bigDockerfile.length}\n`;
  const bigWorkflow = workflow(random, 1, 40);
  return [
    {
      name: 'manifest',
      path: 'k8s/app.yaml',
      languageId: 'yaml',
      text: bigManifest,
      edit: (n) => bigManifest.replace('replicas: ', `replicas: ${n % 9}`),
    },
    {
      name: 'Dockerfile',
      path: 'Dockerfile',
      languageId: 'dockerfile',
      text: bigDockerfile,
      edit: (n) => bigDockerfile.replace('WORKDIR /src', `WORKDIR /src${n}`),
    },
    {
      name: 'workflow',
      path: '.github/workflows/ci.yml',
      languageId: 'yaml',
      text: bigWorkflow,
      edit: (n) => bigWorkflow.replace('timeout-minutes: 20', `timeout-minutes: ${20 + (n % 9)}`),
    },
  ];
}

export async function editorLatency(root: string, scratch: string): Promise<Latency[]> {
  const folder = join(scratch, 'editor');
  mkdirSync(join(folder, '.github/workflows'), { recursive: true });
  const session = new LspSession({ pull: true, workspaceFolder: folder });
  const results: Latency[] = [];
  const previous = process.cwd();
  process.chdir(root);
  try {
    await session.initialize();
    for (const subject of subjects()) {
      const documentUri = await session.open(join(folder, subject.path), subject.text, subject.languageId);
      await session.pullDiagnostics(documentUri);
      const samples: number[] = [];
      for (let n = 0; n < EDITS + WARM_UP; n++) {
        const started = process.hrtime.bigint();
        await session.replace(documentUri, subject.edit(n));
        await session.pullDiagnostics(documentUri);
        if (n >= WARM_UP) samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      results.push({
        file: `${subject.name}`,
        lines: subject.text.split('\n').length,
        p50: percentile(samples, 50),
        p95: percentile(samples, 95),
      });
    }
  } finally {
    process.chdir(previous);
    await session.close();
  }
  return results;
}

/**
 * In a workspace of 5,000 files: from the server's start to the first opened file's diagnostics, and
 * to the end of the background reading of the workspace (for cross-file rules). Medians over `rounds`.
 */
export async function firstDiagnostics(
  root: string,
  scratch: string,
  rounds: number,
): Promise<{ files: number; first: number; indexed: number }> {
  const folder = join(scratch, 'first-diagnostics');
  const files = mixedRepository(5000);
  writeTree(folder, files);
  const path = Object.keys(files).find((each) => /Dockerfile\.\d+$/.test(each))!;
  const first: number[] = [];
  const indexed: number[] = [];
  const previous = process.cwd();
  process.chdir(root);
  try {
    for (let round = 0; round < rounds; round++) {
      const started = Date.now();
      const session = new LspSession({ pull: true, workspaceFolder: folder });
      try {
        await session.initialize();
        await session.pullDiagnostics(await session.open(join(folder, path), files[path], 'dockerfile'));
        first.push(Date.now() - started);
        await session.waitFor(
          () => session.logs.find((line) => /Read \d+ workspace files/.test(line)),
          'reading',
          120_000,
        );
        indexed.push(Date.now() - started);
      } finally {
        await session.close();
      }
    }
  } finally {
    process.chdir(previous);
  }
  return { files: Object.keys(files).length, first: percentile(first, 50), indexed: percentile(indexed, 50) };
}
