import type { FileKind } from '../engine/types';
import { Linter } from '../engine/linter';
import type { RuleRegistry } from '../engine/registry';

/** Small files of each kind: checking them loads the kind's parsers, schemas and rules once. */
const SAMPLES: Record<FileKind, Record<string, string>> = {
  dockerfile: {
    Dockerfile: 'FROM alpine:3.20 AS build\nRUN apk add --no-cache curl && echo "$HOME" | tr a b\nUSER app\n',
  },
  kubernetes: {
    'k8s/deployment.yaml': [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec:',
      '      containers: [{name: web, image: "nginx:1.27"}]',
      '',
    ].join('\n'),
  },
  'github-actions': {
    '.github/workflows/ci.yml': [
      'on: [push]',
      'permissions: {contents: read}',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: echo "${{ github.sha }}"',
      '',
    ].join('\n'),
    'action.yml': 'name: a\nruns:\n  using: composite\n  steps: [{run: echo, shell: bash}]\n',
  },
  'gitlab-ci': { '.gitlab-ci.yml': 'test:\n  image: alpine:3.20\n  script: [echo hi]\n' },
  compose: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' },
  shipshape: { '.shipshape.yaml': 'rules: {}\n' },
};

/**
 * Loads each kind's parsers, schemas and rules by checking its samples in a throwaway workspace, when the
 * first file of that kind is about to be checked and not before: the server's first diagnostics do not
 * wait for kinds no open file has, and the check's time budget does not pay for loading (a worker
 * restarted after an overrun loads again, before its next check too).
 */
export class WarmUp {
  private readonly warm = new Set<FileKind>();

  constructor(private readonly registry: RuleRegistry) {}

  kind(kind: FileKind | undefined): void {
    if (kind === undefined || this.warm.has(kind)) return;
    this.warm.add(kind);
    const root = '/shipshape-warm-up';
    const linter = new Linter(this.registry, { readFile: () => undefined, exists: () => false });
    const samples = Object.entries(SAMPLES[kind]);
    for (const [path, text] of samples) linter.workspace.set(`${root}/${path}`, text);
    for (const [path] of samples) linter.lint(`${root}/${path}`);
  }
}
