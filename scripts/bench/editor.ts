/**
 * Edit → diagnostics latency while typing, over stdio, with the real server and a real LSP client (the
 * protocol tests' session). Each round is a burst of keystrokes (one character each, sent as the
 * incremental change an editor sends, `KEY_GAP_MS` apart), each followed at once by a pull of the file's
 * diagnostics, as VS Code pulls after every change; the figure is the time from the burst's last
 * keystroke to the answer of the pull that follows it, which is for the final text (the server handles
 * messages in order). Bursts alternate typing characters into a value and deleting them again. The first
 * rounds warm the server up and are not counted.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspSession } from '../../test/lsp/lsp-session';
import { dockerfile, manifest, mixedRepository, seeded, workflow, writeTree } from './corpora';

const BURSTS = 40;
const WARM_UP = 6;
const KEYS_PER_BURST = 4;
/** About a fast typist's pace (15 characters a second). */
const KEY_GAP_MS = 65;

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

/** A file of about `lines` lines of each kind, and where in it to type (just after `typeAfter`) and what. */
function subjects(): Array<{
  name: string;
  path: string;
  languageId: string;
  text: string;
  typeAfter: string;
  keys: string;
  /** It has shell scripts (RUN, run:), which ShellCheck is run on when it is opened. */
  scripts: boolean;
}> {
  const random = seeded(11);
  let bigDockerfile = dockerfile(random, 1);
  while (bigDockerfile.split('\n').length < 300)
    bigDockerfile += `RUN echo step-${bigDockerfile.length} && make part-${bigDockerfile.length}\n`;
  return [
    {
      name: 'manifest',
      path: 'k8s/app.yaml',
      languageId: 'yaml',
      text: manifest(random, 1, 85),
      typeAfter: 'replicas: ',
      keys: '1234',
      scripts: false,
    },
    {
      name: 'Dockerfile',
      path: 'Dockerfile',
      languageId: 'dockerfile',
      text: bigDockerfile,
      typeAfter: 'WORKDIR /src',
      keys: '/app',
      scripts: true,
    },
    {
      name: 'workflow',
      path: '.github/workflows/ci.yml',
      languageId: 'yaml',
      text: workflow(random, 1, 40),
      typeAfter: 'timeout-minutes: 2',
      keys: '5555',
      scripts: true,
    },
  ];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A file just opened has its scripts run through ShellCheck once, one process per script (hundreds in
 * the Dockerfile and the workflow here, tens of seconds of CPU on two cores). That is the cost of
 * opening, not of typing: the bursts start once the server has no ShellCheck process left (read from
 * /proc, where there is one) for half a second.
 */
async function shellcheckDone(session: LspSession): Promise<void> {
  const pid = session.pid;
  if (pid === undefined || !existsSync(`/proc/${pid}/task`)) return;
  const children = () =>
    readdirSync(`/proc/${pid}/task`).some((task) => {
      try {
        return readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim() !== '';
      } catch {
        return false;
      }
    });
  const deadline = Date.now() + 120_000;
  for (let quietSince = Date.now(); Date.now() - quietSince < 500 && Date.now() < deadline;) {
    if (children()) quietSince = Date.now();
    await pause(50);
  }
}

export async function editorLatency(root: string, scratch: string): Promise<Latency[]> {
  const folder = join(scratch, 'editor');
  mkdirSync(join(folder, '.github/workflows'), { recursive: true });
  const previous = process.cwd();
  // The session starts `dist/server.js` of the folder it is in.
  process.chdir(root);
  const session = new LspSession({ pull: true, workspaceFolder: folder });
  const results: Latency[] = [];
  try {
    await session.initialize();
    for (const subject of subjects()) {
      const documentUri = await session.open(join(folder, subject.path), subject.text, subject.languageId);
      await session.pullDiagnostics(documentUri);
      if (subject.scripts) await shellcheckDone(session);
      const before = subject.text.slice(0, subject.text.indexOf(subject.typeAfter) + subject.typeAfter.length);
      const line = before.split('\n').length - 1;
      const column = before.length - before.lastIndexOf('\n') - 1;
      const samples: number[] = [];
      for (let burst = 0; burst < BURSTS + WARM_UP; burst++) {
        const pulls: Array<Promise<unknown>> = [];
        let lastKey = 0n;
        for (let key = 0; key < KEYS_PER_BURST; key++) {
          if (key > 0) await pause(KEY_GAP_MS);
          // Even bursts type the keys one by one, odd ones delete them again with backspace.
          const at = burst % 2 === 0 ? column + key : column + KEYS_PER_BURST - key;
          const start = { line, character: burst % 2 === 0 ? at : at - 1 };
          const end = { line, character: at };
          lastKey = process.hrtime.bigint();
          await session.edit(documentUri, start, end, burst % 2 === 0 ? subject.keys[key] : '');
          pulls.push(session.pullDiagnostics(documentUri));
        }
        await pulls[pulls.length - 1];
        if (burst >= WARM_UP) samples.push(Number(process.hrtime.bigint() - lastKey) / 1e6);
        await Promise.all(pulls);
        await pause(KEY_GAP_MS);
      }
      results.push({
        file: subject.name,
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
