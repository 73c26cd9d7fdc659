/**
 * Deterministic corpora for `npm run bench`: realistic files of each kind, generated from a seeded
 * random source so that every run (and every machine) measures the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** mulberry32: small, fast and good enough to vary names and counts reproducibly. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const BASES = [
  'node:22.11-bookworm-slim',
  'python:3.12.7-slim',
  'golang:1.23.4',
  'debian:bookworm-20241111',
  'alpine:3.20',
];
const PACKAGES = ['curl', 'ca-certificates', 'git', 'make', 'gcc', 'libpq-dev', 'tzdata', 'jq', 'unzip', 'xz-utils'];

/** A multi-stage Dockerfile of 40–70 lines: build stage with apt and a toolchain, slim runtime stage. */
export function dockerfile(random: () => number, index: number): string {
  const base = pick(random, BASES);
  const packages = PACKAGES.filter(() => random() < 0.5).join(' \\\n      ');
  const steps = Array.from({ length: 3 + Math.floor(random() * 5) }, (_, i) =>
    pick(random, [
      `RUN make -j"$(nproc)" target-${i} && ./scripts/check.sh --stage ${i} | tee /tmp/log-${i}.txt`,
      `RUN --mount=type=cache,target=/root/.cache set -eux; \\\n    pip install --no-cache-dir -r requirements-${i}.txt; \\\n    python -m compileall /app`,
      `COPY src/module-${i} /app/src/module-${i}`,
      `RUN if [ -f /app/setup-${i}.sh ]; then sh /app/setup-${i}.sh; fi`,
      `ENV FEATURE_${i}=enabled PATH=/opt/tool-${i}/bin:$PATH`,
    ]),
  );
  return `# syntax=docker/dockerfile:1.7
ARG BASE=${base}
FROM \${BASE} AS build-${index}
WORKDIR /src
RUN apt-get update \\
 && apt-get install -y --no-install-recommends \\
      ${packages || 'curl'} \\
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
${steps.join('\n')}
RUN curl -fsSL https://example.com/tool-${index}.tar.gz -o /tmp/tool.tgz \\
 && echo "0123456789abcdef  /tmp/tool.tgz" | sha256sum -c - \\
 && tar -xzf /tmp/tool.tgz -C /usr/local/bin \\
 && rm /tmp/tool.tgz

FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=build-${index} /src/dist /app
ENV NODE_ENV=production
EXPOSE ${8000 + (index % 100)}
USER 65532
HEALTHCHECK CMD ["/app/healthcheck"]
ENTRYPOINT ["/app/server"]
`;
}

/** A workflow with `jobs` jobs of 4–8 steps: checkout, setup, cache, run scripts with expressions, upload. */
export function workflow(random: () => number, index: number, jobs: number): string {
  const body = Array.from({ length: jobs }, (_, j) => {
    const steps = Array.from({ length: 2 + Math.floor(random() * 4) }, (_, s) =>
      pick(random, [
        `      - name: Test ${s}\n        run: |\n          npm run test:${s} -- --shard=\${{ matrix.shard }}\n          echo "done \${{ github.sha }}" >> "$GITHUB_STEP_SUMMARY"`,
        `      - uses: actions/cache@v4\n        with:\n          path: ~/.npm\n          key: npm-\${{ hashFiles('**/package-lock.json') }}`,
        `      - name: Build ${s}\n        run: make build-${s}\n        env:\n          TARGET: \${{ matrix.target }}`,
      ]),
    );
    const needs = j > 0 ? `    needs: [job-${j - 1}]\n` : '';
    return `  job-${j}:
${needs}    runs-on: ubuntu-24.04
    timeout-minutes: 20
    strategy:
      matrix:
        shard: [1, 2, 3]
        target: [linux, darwin]
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
${steps.join('\n')}`;
  });
  return `name: CI ${index}
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
concurrency:
  group: ci-\${{ github.ref }}
  cancel-in-progress: true
jobs:
${body.join('\n')}
`;
}

/** A Deployment, Service and ConfigMap in one file, with `extraContainers` more containers for size. */
export function manifest(random: () => number, index: number, extraContainers = 0): string {
  const container = (name: string) => `        - name: ${name}
          image: ghcr.io/acme/${name}:1.${index % 30}.${Math.floor(random() * 10)}
          ports:
            - name: http
              containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
            - name: DB_HOST
              valueFrom:
                configMapKeyRef: {name: app-${index}, key: db-host}
          readinessProbe:
            httpGet: {path: /ready, port: http}
          livenessProbe:
            httpGet: {path: /live, port: http}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            capabilities: {drop: [ALL]}`;
  const containers = [
    container(`app-${index}`),
    ...Array.from({ length: extraContainers }, (_, i) => container(`side-${i}`)),
  ];
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${index}
  labels: {app: app-${index}}
spec:
  replicas: ${1 + Math.floor(random() * 3)}
  selector:
    matchLabels: {app: app-${index}}
  template:
    metadata:
      labels: {app: app-${index}}
    spec:
      containers:
${containers.join('\n')}
---
apiVersion: v1
kind: Service
metadata:
  name: app-${index}
spec:
  selector: {app: app-${index}}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-${index}
data:
  db-host: db-${index}.internal
`;
}

const GITLAB = (index: number) => `stages: [build, test]
build-${index}:
  stage: build
  image: node:22.11
  interruptible: true
  timeout: 20m
  script: [npm ci, npm run build]
test-${index}:
  stage: test
  image: node:22.11
  needs: [build-${index}]
  timeout: 20m
  script: [npm test]
`;
const COMPOSE = (index: number) => `services:
  web-${index}:
    image: ghcr.io/acme/web:1.${index % 20}
    ports: ["127.0.0.1:${8000 + (index % 1000)}:8080"]
    depends_on:
      db: {condition: service_healthy}
  db:
    image: postgres:16.4
    healthcheck:
      test: ["CMD", "pg_isready"]
`;
const OTHER_YAML = (index: number) =>
  `# settings for tool ${index}\nname: tool-${index}\nvalues: [${index}, ${index + 1}]\nnested: {a: 1, b: [x, y]}\n`;

/** Write `files` (relative path → text) under `root`. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/**
 * A repository of `count` files in the proportions of a real one: manifests, Dockerfiles, workflows,
 * Compose and GitLab files, YAML that is none of them, and source files that are not ours.
 */
export function mixedRepository(count: number, seed = 7): Record<string, string> {
  const random = seeded(seed);
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const folder = `services/svc-${Math.floor(i / 20)}`;
    const roll = random();
    if (roll < 0.3) files[`${folder}/k8s/app-${i}.yaml`] = manifest(random, i);
    else if (roll < 0.45) files[`${folder}/Dockerfile.${i}`] = dockerfile(random, i);
    else if (roll < 0.5) files[`.github/workflows/ci-${i}.yml`] = workflow(random, i, 3);
    else if (roll < 0.55) files[`${folder}/compose-${i}/compose.yaml`] = COMPOSE(i);
    else if (roll < 0.58) files[`${folder}/gitlab-${i}/.gitlab-ci.yml`] = GITLAB(i);
    else if (roll < 0.75) files[`${folder}/config/settings-${i}.yaml`] = OTHER_YAML(i);
    else files[`${folder}/src/module-${i}.ts`] = `export const value${i} = ${i};\n`.repeat(20);
  }
  return files;
}
