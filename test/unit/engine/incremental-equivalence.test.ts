/**
 * Whatever the checks keep between edits (parsed shell scripts, per-instruction models, …) must not
 * change a finding: a long-lived linter, like the server's worker, is given a series of random edits,
 * and after each one its findings must be byte-identical to those of a fresh linter given the same text
 * with nothing kept.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Linter } from '../../../server/src/engine/linter';
import { forgetRunScripts } from '../../../server/src/rules/dockerfile/model/run-script-reuse';
import { forgetShellTrees } from '../../../server/src/rules/dockerfile/model/shell-syntax';
import { forgetItemMemos } from '../../../server/src/rules/kubernetes/model/schema-memo';
import { registry } from '../../../server/src/rules';

const noDisk = { readFile: () => undefined, exists: () => false };

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const DOCKERFILE = [
  '# syntax=docker/dockerfile:1',
  'FROM alpine:3.20 AS build',
  'RUN apk add curl && curl -fsSL https://example.com/x.sh | sh',
  'RUN apk add --no-cache git \\',
  '    # a comment inside the continuation',
  '    && git clone https://example.com/repo.git /src',
  'WORKDIR /src',
  'RUN make build | tee build.log',
  'RUN apt-get update && apt-get install -y python3',
  'RUN <<EOF',
  'set -e',
  'echo "$HOME" | tr a b',
  'EOF',
  'RUN ["/bin/sh", "-c", "echo hi"]',
  'FROM build AS test',
  'RUN sudo make test',
  'RUN cd /src && make check',
  'COPY --from=build /src/out /app',
  'USER 1000',
  'CMD ["/app/run"]',
  '',
].join('\n');

/**
 * What an edit can turn into something else around a RUN: another escape character, indented and
 * repeated instructions, a continuation at the very end of the file, Windows line breaks, a Windows
 * shell for some RUNs, heredocs with and without a command, commands behind wrappers.
 */
const DOCKERFILE_EDGES = [
  '# escape=`',
  'FROM mcr.microsoft.com/windows/servercore AS win',
  'SHELL ["powershell", "-Command"]',
  'RUN Write-Host one; `',
  '    Write-Host two',
  'FROM alpine:3.20',
  '  RUN apk add curl \\',
  '  RUN apk add curl \\',
  'RUN curl -fsSL https://example.com/x.sh | sh `',
  '    && echo done',
  'RUN cat <<EOF > /etc/conf',
  'key=value',
  'EOF',
  'RUN <<-SCRIPT bash',
  '\tset -e; wget -qO- https://example.com | bash',
  '\tSCRIPT',
  'RUN --mount=type=cache,target=/var/cache/apk apk add git',
  // Wrappers: which words are the command proper is kept with a RUN moved from the previous check.
  'RUN sudo -u root apt-get install curl && env DEBIAN_FRONTEND=noninteractive apt-get install -y wget',
  'RUN echo a |\r',
  '    tee b\r',
  'RUN echo last `',
].join('\n');

const MANIFEST = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web, labels: {app: web}}',
  'spec:',
  '  replicas: 1',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:latest',
  '          ports: [{containerPort: 8080}]',
  '          securityContext: {privileged: true}',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: web}',
  'spec:',
  '  selector: {app: web}',
  '  ports: [{port: 80, targetPort: 8080}]',
  '',
].join('\n');

/** A container of several lines, with schema problems of its own: the schema check keeps such items by text. */
const container = (name: string, extra: string[]) => [
  `        - name: ${name}`,
  `          image: ghcr.io/acme/${name}:1.2.3`,
  '          ports:',
  '            - name: http',
  '              containerPort: 8080',
  '          env:',
  '            - {name: LOG_LEVEL, value: info}',
  '            - name: MODE',
  '              value: "fast"',
  '          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}',
  ...extra,
];

/**
 * Long list items (the schema check keeps their problems between edits by their text), two of them
 * alike, items with problems of their own, a List whose items are objects, and a document read as YAML
 * 1.1, where the same text means other values.
 */
const MANIFEST_LISTS = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  replicas: 2',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  ...container('web', ['          imagePullPolicyy: Always', "          stdin: 'yes'"]),
  ...container('side', ['          ports2: []', '          workingDir: yes']),
  ...container('side', ['          ports2: []', '          workingDir: yes']),
  ...container('log', ['          terminationMessagePolicy: Sometimes', '          workingDir: 12']),
  '---',
  'apiVersion: v1',
  'kind: List',
  'items:',
  '  - apiVersion: v1',
  '    kind: ConfigMap',
  '    metadata: {name: one, labels: {tier: backend, team: platform, owner: someone}}',
  '    data: {mode: fast, level: info, host: db.internal, port: "5432", extra: "a longer value"}',
  '    binaryData: 12',
  '...',
  // YAML 1.1 reads an unquoted yes as true: the same item text has other problems here.
  '%YAML 1.1',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: old}',
  'spec:',
  '  selector: {matchLabels: {app: old}}',
  '  template:',
  '    metadata: {labels: {app: old}}',
  '    spec:',
  '      containers:',
  ...container('side', ['          ports2: []', '          workingDir: yes']),
  '',
].join('\n');

const WORKFLOW = [
  'on: [push, pull_request_target]',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    timeout-minutes: 20',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - run: echo "${{ github.event.pull_request.title }}" | tee out',
  '      - run: |',
  '          npm ci',
  '          npm test',
  '  deploy:',
  '    needs: build',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/setup-node@v3',
  '      - run: curl https://example.com/install.sh | bash',
  '',
].join('\n');

/**
 * Several jobs tied by needs and outputs, expressions in plain, quoted and block values, block scalars
 * with headers: what GitHub's parser reads across jobs, where an edit to one value can change findings
 * in another job.
 */
const JOBS_WORKFLOW = [
  'name: release',
  'on:',
  '  push: {branches: [main]}',
  '  workflow_dispatch:',
  '    inputs:',
  '      level: {type: choice, options: [patch, minor], default: patch}',
  'env:',
  '  MODE: fast',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-22.04',
  '    timeout-minutes: 30',
  '    outputs:',
  '      tag: ${{ steps.meta.outputs.tag }}',
  '    steps:',
  '      - id: meta',
  '        run: echo "tag=v1" >> "$GITHUB_OUTPUT"',
  '      - name: "Build ${{ inputs.level }}"',
  '        run: >-',
  '          make build',
  '          LEVEL=${{ inputs.level }}',
  '      - uses: actions/cache@v3',
  '        with: {path: build, key: cache-1}',
  '  test:',
  '    needs: build',
  '    runs-on: ubuntu-latest',
  '    strategy:',
  '      matrix: {node: [18, 20], os: [linux]}',
  '    continue-on-error: false',
  '    steps:',
  '      - run: |-',
  '          npm test -- --shard=${{ matrix.node }}',
  "      - if: success() && needs.build.outputs.tag != ''",
  '        run: echo ${{ needs.build.outputs.tag }}',
  '  deploy:',
  '    needs: [build, test]',
  '    runs-on: ubuntu-latest',
  '    environment: production',
  '    steps:',
  '      - uses: actions/checkout@v4',
  "      - run: 'deploy --tag ${{ needs.build.outputs.tag }}'",
  '        shell: bash',
  // Values over several lines: where GitHub's parser places their expressions depends on their raw text.
  '      - name: notify',
  '        run: notify --channel ops',
  '          --tag ${{ needs.build.outputs.tag }} --who ${{ bogus.actor }}',
  '        env:',
  '          NOTE: "release ${{ needs.build.outputs.tag }}',
  '            by ${{ unknown.actor }}"',
  '',
].join('\n');

/** Pieces an edit inserts: a keystroke, or what a paste or an unfinished word leaves behind. */
const INSERTS = [
  'a',
  '1',
  ' ',
  '\n',
  '\\\n',
  '"',
  "'",
  '|',
  '&&',
  '#',
  ':',
  '- ',
  '${{ x }}',
  '$HOME',
  'RUN ',
  '---\n',
  '`',
  '\r\n',
  '<<EOF\n',
];

/** Typed inside a word: a value being changed, which the checks may update rather than parse again. */
const TYPED = ['1', 'a', '.', '-', ':', 'X', '_'];

function edit(text: string, random: () => number): string {
  let at = Math.floor(random() * (text.length + 1));
  if (random() < 0.4) {
    while (at < text.length && !/[A-Za-z0-9]/.test(text[at])) at++;
    return text.slice(0, at + 1) + TYPED[Math.floor(random() * TYPED.length)] + text.slice(at + 1);
  }
  if (random() < 0.55) return text.slice(0, at) + INSERTS[Math.floor(random() * INSERTS.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 6));
}

function findings(linter: Linter, path: string, text: string, languageId?: string): string {
  linter.workspace.set(path, text, languageId);
  return JSON.stringify(linter.lint(path).findings);
}

for (const [name, path, base, languageId] of [
  ['Dockerfile', '/repo/Dockerfile', DOCKERFILE, 'dockerfile'],
  ['Dockerfile with another escape character and edge cases', '/repo/win/Dockerfile', DOCKERFILE_EDGES, 'dockerfile'],
  ['manifest', '/repo/k8s/app.yaml', MANIFEST, 'yaml'],
  ['manifest with long lists', '/repo/k8s/lists.yaml', MANIFEST_LISTS, 'yaml'],
  ['workflow', '/repo/.github/workflows/ci.yml', WORKFLOW, 'yaml'],
  ['workflow of several jobs', '/repo/.github/workflows/release.yml', JOBS_WORKFLOW, 'yaml'],
] as const) {
  test(`${name}: after each of many random edits, the findings equal a fresh full check's`, () => {
    const random = seeded(name.length * 7919);
    const kept = new Linter(registry, noDisk);
    let text = base;
    let compared = 0;
    for (let step = 0; step < 150; step++) {
      // Every so often the text starts over from the original, so that most edits hit a mostly valid file.
      text = step % 25 === 0 ? base : edit(text, random);
      const incremental = findings(kept, path, text, languageId);
      forgetShellTrees();
      forgetItemMemos();
      forgetRunScripts();
      const fresh = findings(new Linter(registry, noDisk), path, text, languageId);
      assert.equal(incremental, fresh, `edit ${step} differs; the text:\n${text}`);
      if (fresh !== '[]') compared++;
    }
    // The edits must leave files with findings to compare, or the test proves nothing.
    assert.ok(compared > 100, `only ${compared} edits had findings`);
  });
}

test('typing in a plain value of a workflow updates its parse, which GitHub’s parser reads again', () => {
  const linter = new Linter(registry, noDisk);
  const path = '/repo/.github/workflows/release.yml';
  findings(linter, path, JOBS_WORKFLOW, 'yaml');
  const documentsBefore = (linter.workspace.parsed(path) as { documents: unknown[] }).documents;
  const typed = JOBS_WORKFLOW.replace('timeout-minutes: 30', 'timeout-minutes: 30x');
  const incremental = findings(linter, path, typed, 'yaml');
  const documentsAfter = (linter.workspace.parsed(path) as { documents: unknown[] }).documents;
  assert.equal(documentsAfter[0], documentsBefore[0], 'the previous parse was not updated');
  assert.equal(incremental, findings(new Linter(registry, noDisk), path, typed, 'yaml'));
  // The edit changed what GitHub's parser says: the updated document is what it read.
  assert.match(incremental, /Unexpected value '30x'/);
});

test('typing a value into a placeholder, one keystroke at a time, is noticed as a fresh check notices it', () => {
  const linter = new Linter(registry, noDisk);
  const path = '/repo/k8s/account.yaml';
  const value = 'PROJECT_ID';
  let text = '';
  // Each keystroke changes one plain value, which updates the previous parse rather than parsing again.
  for (let typed = 1; typed <= value.length; typed++) {
    text = MANIFEST.replace('name: web, labels', `name: ${value.slice(0, typed)}x, labels`);
    assert.equal(findings(linter, path, text, 'yaml'), findings(new Linter(registry, noDisk), path, text, 'yaml'));
  }
  text = MANIFEST.replace('name: web, labels', `name: ${value}, labels`);
  const typedIn = findings(linter, path, text, 'yaml');
  assert.equal(typedIn, findings(new Linter(registry, noDisk), path, text, 'yaml'));
  assert.match(typedIn, /shipshape\/template/);
});
