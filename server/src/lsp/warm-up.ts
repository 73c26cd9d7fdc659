import { Linter } from '../engine/linter';
import type { RuleRegistry } from '../engine/registry';

/** One small file of each kind: checking them loads each kind's parsers, schemas and rules once. */
const SAMPLES: Record<string, string> = {
  Dockerfile: 'FROM alpine:3.20 AS build\nRUN apk add --no-cache curl && echo "$HOME" | tr a b\nUSER app\n',
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
  '.gitlab-ci.yml': 'test:\n  image: alpine:3.20\n  script: [echo hi]\n',
  'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n',
  'action.yml': 'name: a\nruns:\n  using: composite\n  steps: [{run: echo, shell: bash}]\n',
};

/**
 * Checks the samples in a throwaway workspace, so that the first real check of each kind is not the
 * one that pays for loading it (that cost would count against the check's time budget, and a worker
 * restarted after an overrun would pay it again).
 */
export function warmUp(registry: RuleRegistry): void {
  const root = '/shipshape-warm-up';
  const linter = new Linter(registry, { readFile: () => undefined, exists: () => false });
  for (const [path, text] of Object.entries(SAMPLES)) linter.workspace.set(`${root}/${path}`, text);
  for (const path of Object.keys(SAMPLES)) linter.lint(`${root}/${path}`);
}
