/**
 * Ten thousand rapid edits with pulls cancelled at random, across twenty open documents of every kind,
 * over stdio with a real client: no request fails, every final version gets the diagnostics a fresh
 * server gives for the same texts, and the server's retained heap returns near its baseline.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { CancellationTokenSource, type Diagnostic } from 'vscode-languageserver-protocol';
import { workspace } from './fixtures';
import { LspSession } from './lsp-session';

const EDITS = 10_000;
const WARM_UP = 2_000;

/** A small deterministic generator: the same edits on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

interface Kind {
  path: (i: number) => string;
  languageId: string;
  start: string[];
  /** Lines an edit may insert: valid, invalid and half-typed ones alike. */
  lines: string[];
}

const KINDS: Kind[] = [
  {
    path: (i) => `svc${i}/Dockerfile`,
    languageId: 'dockerfile',
    start: ['FROM node:22 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'USER node'],
    lines: [
      'RUN apt-get update && apt-get install -y curl',
      'FROM',
      'ENV A=1',
      'RUN cd /tmp && make \\',
      'EXPOSE 80/tcp',
      'ADD https://x/y /z',
      'COPY --from=build /a /b',
      'HEALTHCHECK CMD curl -f http://localhost/',
    ],
  },
  {
    path: (i) => `k8s/app${i}.yaml`,
    languageId: 'yaml',
    start: [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: app}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          image: nginx',
    ],
    lines: [
      '          resources: {}',
      '          securityContext: {privileged: true}',
      '  replicas: x',
      '        - name: side',
      '          image: busybox:latest',
      '---',
      'kind: Service',
      '      hostNetwork: true',
    ],
  },
  {
    path: (i) => `.github/workflows/ci${i}.yml`,
    languageId: 'yaml',
    start: [
      'on: [push]',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: npm test',
    ],
    lines: [
      '      - run: echo "${{ github.event.issue.title }}"',
      'permissions: write-all',
      '    timeout-minutes: x',
      '      - uses: actions/setup-node',
      '  lint:',
      '    needs: [nope]',
      '      - run: |',
      '          make',
    ],
  },
  {
    path: (i) => `ci${i}/.gitlab-ci.yml`,
    languageId: 'yaml',
    start: ['stages: [build, test]', 'build:', '  stage: build', '  image: node:22', '  script: [npm ci]'],
    lines: [
      '  cache: {paths: [node_modules/]}',
      'test:',
      '  stage: nope',
      '  script: curl x | sh',
      '  needs: [build]',
      '  image: alpine',
      'include: {local: x.yml}',
      '  when: sometimes',
    ],
  },
  {
    path: (i) => `compose${i}/compose.yaml`,
    languageId: 'yaml',
    start: ['services:', '  web:', '    image: nginx', '    ports: ["80:80"]'],
    lines: [
      '    privileged: true',
      '  db:',
      '    image: postgres:16',
      '    environment: [PASSWORD=x]',
      '    build: ./nope',
      '    restart: sometimes',
      'volumes:',
      '    network_mode: host',
    ],
  },
];

const key = (d: Diagnostic) =>
  `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

test('10,000 edits with random cancellations across 20 documents', { timeout: 600_000 }, async (t) => {
  const root = workspace();
  const next = random(20261128);
  const documents = Array.from({ length: 20 }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    return { kind, path: join(root, kind.path(i)), lines: [...kind.start], uri: '' };
  });
  // Correctness under rapid edits is what is measured here: a check stopped by the time budget on a busy
  // machine would differ from the fresh server's for reasons of its own (budget.test.ts tests that).
  const options = { pull: true, workspaceFolder: root, initializationOptions: { checkBudgetMs: 60_000 } };
  const session = new LspSession(options);
  const fresh = new LspSession(options);
  try {
    await session.initialize();
    for (const document of documents)
      document.uri = await session.open(document.path, `${document.lines.join('\n')}\n`, document.kind.languageId);
    for (const document of documents) await session.pullDiagnostics(document.uri);

    const pulls: Array<Promise<unknown>> = [];
    let cancelled = 0;
    let baseline: { server: number; worker: number } | undefined;
    for (let edit = 0; edit < EDITS; edit++) {
      // The baseline is the server in its steady state, once every kind's code paths have run a while.
      if (edit === WARM_UP) {
        await Promise.allSettled(pulls);
        baseline = await session.connection.sendRequest<{ server: number; worker: number }>('shipshape/heapUsage');
      }
      const document = documents[Math.floor(next() * documents.length)];
      const at = Math.floor(next() * (document.lines.length + 1));
      const choice = next();
      if (choice < 0.5 || document.lines.length < 3)
        document.lines.splice(at, 0, document.kind.lines[Math.floor(next() * document.kind.lines.length)]);
      else if (choice < 0.8) document.lines.splice(Math.min(at, document.lines.length - 1), 1);
      else {
        // A keystroke: one character typed into a line.
        const line = Math.min(at, document.lines.length - 1);
        const text = document.lines[line];
        const column = Math.floor(next() * (text.length + 1));
        document.lines[line] = `${text.slice(0, column)}${' :-x{["'[Math.floor(next() * 7)]}${text.slice(column)}`;
      }
      // Keep documents in a size where each check is cheap: the stress is in the number of edits.
      if (document.lines.length > 60) document.lines.splice(document.kind.start.length, 20);
      await session.replace(document.uri, `${document.lines.join('\n')}\n`);
      if (edit % 20 === 0) {
        const source = new CancellationTokenSource();
        pulls.push(
          session.connection.sendRequest(
            'textDocument/diagnostic',
            { textDocument: { uri: document.uri } },
            source.token,
          ),
        );
        if (next() < 0.5) {
          cancelled++;
          setTimeout(() => source.cancel(), Math.floor(next() * 20));
        }
      }
    }
    // No request fails: every pull answers (a cancelled one may answer with its result, as the server chooses).
    const outcomes = await Promise.allSettled(pulls);
    const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
    assert.deepEqual(failed, [], `${failed.length} of ${pulls.length} pulls failed (${cancelled} cancelled)`);

    // The same final texts, opened in a fresh server (all of them first, for the cross-file rules).
    await fresh.initialize();
    const text = (document: (typeof documents)[number]) => `${document.lines.join('\n')}\n`;
    const freshUris: string[] = [];
    for (const document of documents)
      freshUris.push(await fresh.open(document.path, text(document), document.kind.languageId));
    // ShellCheck's findings come after the engine's, with a refresh: both servers are asked once, and
    // compared once they have been quiet for a while (ShellCheck answered for every final script).
    await Promise.all([
      ...freshUris.map((uri) => fresh.pullDiagnostics(uri)),
      ...documents.map((document) => session.pullDiagnostics(document.uri)),
    ]);
    await Promise.all([fresh.quiet(2000), session.quiet(2000)]);
    for (const [index, document] of documents.entries()) {
      const expected = await fresh.pullDiagnostics(freshUris[index]);
      const actual = await session.pullDiagnostics(document.uri);
      assert.deepEqual(
        actual.map(key).sort(),
        expected.map(key).sort(),
        `${document.kind.path(index)}:\n${text(document)}`,
      );
    }

    const after = await session.connection.sendRequest<{ server: number; worker: number }>('shipshape/heapUsage');
    const total = (usage: { server: number; worker: number }) => usage.server + usage.worker;
    const mb = (usage: { server: number; worker: number }) =>
      `${Math.round(usage.server / 1e6)} + ${Math.round(usage.worker / 1e6)} MB`;
    t.diagnostic(
      `retained heap (server + worker): ${mb(baseline!)} after ${WARM_UP} edits, ${mb(after)} after ${EDITS}`,
    );
    assert.ok(
      total(after) <= total(baseline!) * 1.2,
      `retained heap ${mb(baseline!)} after ${WARM_UP} edits, ${mb(after)} after ${EDITS}`,
    );
    assert.equal(session.exitCode, null);
  } finally {
    await session.close();
    await fresh.close();
  }
});
