import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { workspace } from './fixtures';
import { LspSession, ofRule } from './lsp-session';

const deployment = (app: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec:
      containers: [{name: web, image: "nginx:1.27"}]
`;
const SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';

/** A cross-file rule sees files on disk that are not open, and an edit in one file re-checks the others. */
describe('language server, cross-file rules over the workspace', () => {
  let session: LspSession;
  let root: string;

  before(async () => {
    // Applied together through a kustomization, itself a file on disk the server must read.
    root = workspace({
      'k8s/deployment.yaml': deployment('api'),
      'k8s/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - service.yaml\n',
    });
    session = new LspSession({ pull: false, workspaceFolder: root });
    await session.initialize();
  });
  after(() => session.close());

  test('a Service is judged against workloads in files that are not open', async () => {
    const service = await session.open(join(root, 'k8s/service.yaml'), SERVICE, 'yaml');
    const [dangling] = ofRule(
      await session.publishedDiagnostics(service, (d) => ofRule(d, 'kubernetes/service-selector').length > 0),
      'kubernetes/service-selector',
    );
    assert.match(String(dangling.message), /app: api|app=api/);
  });

  test('editing the Deployment in the editor re-checks the open Service', async () => {
    const service = await session.open(join(root, 'k8s/service.yaml'), SERVICE, 'yaml');
    const deploymentUri = await session.open(join(root, 'k8s/deployment.yaml'), deployment('api'), 'yaml');
    await session.replace(deploymentUri, deployment('web'));
    await session.publishedDiagnostics(service, (d) => ofRule(d, 'kubernetes/service-selector').length === 0);
  });
});

/** The workspace is read in the background: the first file's check does not wait for it, and cross-file rules follow. */
describe('language server, workspace read after the first checks', () => {
  test('cross-file findings arrive with the refresh that follows the reading, never half-judged', async () => {
    const root = workspace({
      'k8s/deployment.yaml': deployment('api'),
      'k8s/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - service.yaml\n',
    });
    const session = new LspSession({ pull: true, workspaceFolder: root });
    try {
      await session.initialize();
      const service = await session.open(join(root, 'k8s/service.yaml'), SERVICE, 'yaml');
      // Before the workspace is read the Service cannot be judged (no finding), after it, it is: never
      // a finding that claims no workload matches because the Deployment was not read yet.
      const first = ofRule(await session.pullDiagnostics(service), 'kubernetes/service-selector');
      for (const finding of first) assert.match(String(finding.message), /app: api|app=api/);
      await session.waitFor(() => session.logs.find((line) => /Read \d+ workspace files/.test(line)), 'the reading');
      const refreshes = session.refreshes;
      await session.waitFor(() => (session.refreshes > refreshes ? true : undefined), 'the refresh after it');
      const [dangling] = ofRule(await session.pullDiagnostics(service), 'kubernetes/service-selector');
      assert.match(String(dangling.message), /app: api|app=api/);
    } finally {
      await session.close();
    }
  });
});

/** The reading waits for the open files' first checks, even when the client asks for them late. */
describe('language server, workspace read after the first checks of a slow client', () => {
  test('the first diagnostics come before the reading, and a late pull is still answered first', async () => {
    const root = workspace({ 'k8s/deployment.yaml': deployment('api'), Dockerfile: 'FROM redis:7\n' });
    const session = new LspSession({ pull: true, workspaceFolder: root });
    try {
      await session.initialize();
      const dockerfile = await session.open(join(root, 'Dockerfile'), 'FROM redis\n', 'dockerfile');
      // The client's pull comes late (VS Code pulls once it has asked for the file's settings, which can
      // take a while on a busy machine): the reading of thousands of files must not get in before it.
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(ofRule(await session.pullDiagnostics(dockerfile), 'dockerfile/pin-base-image').length, 1);
      const readBefore = session.logs.some((line) => /Read \d+ workspace files/.test(line));
      assert.equal(readBefore, false, 'the workspace was read before the first check');
      await session.waitFor(() => session.logs.find((line) => /Read \d+ workspace files/.test(line)), 'the reading');
    } finally {
      await session.close();
    }
  });

  test('an open file that is never checked holds the reading up for a moment only', async () => {
    const root = workspace({ 'k8s/deployment.yaml': deployment('api') });
    const session = new LspSession({ pull: true, workspaceFolder: root });
    try {
      await session.initialize();
      await session.open(join(root, 'notes.yaml'), 'a: 1\n', 'yaml');
      await session.waitFor(() => session.logs.find((line) => /Read \d+ workspace files/.test(line)), 'the reading');
    } finally {
      await session.close();
    }
  });
});

/** An edit re-checks only the open files whose last check read the edited one: typing elsewhere costs them nothing. */
describe('language server, re-checks of dependents only', () => {
  test('editing a workflow asks for no refresh; editing a Deployment asks the open Service to be pulled again', async () => {
    const root = workspace({ 'k8s/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - service.yaml\n' });
    const session = new LspSession({ pull: true, workspaceFolder: root });
    try {
      await session.initialize();
      await session.waitFor(() => session.logs.find((line) => /Read \d+ workspace files/.test(line)), 'the reading');
      const service = await session.open(join(root, 'k8s/service.yaml'), SERVICE, 'yaml');
      const deploymentUri = await session.open(join(root, 'k8s/deployment.yaml'), deployment('api'), 'yaml');
      const workflow = await session.open(
        join(root, '.github/workflows/ci.yml'),
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n',
        'yaml',
      );
      for (const uri of [service, deploymentUri, workflow]) await session.pullDiagnostics(uri);
      await session.quiet(500);

      const before = session.refreshes;
      // Not its script: a new script would bring ShellCheck's findings later, with a refresh of their own.
      await session.replace(workflow, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps: [{run: echo}]\n');
      await session.pullDiagnostics(workflow);
      await session.quiet(500);
      assert.equal(session.refreshes, before, 'no other open file read the workflow');

      await session.replace(deploymentUri, deployment('web'));
      await session.pullDiagnostics(deploymentUri);
      await session.waitFor(() => (session.refreshes > before ? true : undefined), 'the refresh for the Service');
      assert.equal(ofRule(await session.pullDiagnostics(service), 'kubernetes/service-selector').length, 0);
    } finally {
      await session.close();
    }
  });
});
