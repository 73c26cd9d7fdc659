import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from '../../helpers/lint';

const templateNotes = (path: string, text: string) =>
  lint(path, text)
    .filter((finding) => finding.ruleId === 'shipshape/template')
    .map((finding) => finding.message);

describe('templates for other tools', () => {
  const templates: Array<[string, string, string]> = [
    [
      'envsubst manifest',
      '/r/k8s/app.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: app\n      image: gcr.io/${PROJECT_ID}/app:1\n',
    ],
    [
      'upper-case placeholder in metadata.name',
      '/r/k8s/pv.yaml',
      'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: PV_NAME\nspec:\n  capacity: {storage: 1Gi}\n',
    ],
    [
      'unquoted mustache value',
      '/r/k8s/secret.yaml',
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  token: {{HF_TOKEN}}\n',
    ],
    [
      'Jinja directive line',
      '/r/k8s/cm.yaml',
      '{% if enabled %}\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n{% endif %}\n',
    ],
    ['Dockerfile with %%VAR%%', '/r/Dockerfile', 'FROM php:%%PHP_VERSION%%-fpm\nUSER www-data\n'],
    ['Dockerfile with {{ }} in FROM', '/r/Dockerfile', 'FROM {{ .Base }}\nUSER 1000\n'],
    ['Dockerfile.template by name', '/r/Dockerfile.template', 'FROM alpine:3.20\nUSER 1000\n'],
    [
      'starter workflow',
      '/r/.github/workflows/ci.yml',
      'on:\n  push:\n    branches: [$default-branch]\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
    ],
  ];
  for (const [name, path, text] of templates) {
    test(`${name}: one note`, () => assert.equal(templateNotes(path, text).length, 1));
  }

  const notTemplates: Array<[string, string, string]> = [
    ['Compose interpolates ${VAR} itself', '/r/compose.yaml', 'services:\n  web:\n    image: nginx:${TAG:-1.27}\n'],
    [
      'a GitLab script with a Go format string',
      '/r/.gitlab-ci.yml',
      "build:\n  script:\n    - docker inspect -f '{{.Id}}' app\n",
    ],
    [
      'GitHub expressions and metadata-action patterns',
      '/r/.github/workflows/ci.yml',
      'on: push\njobs:\n  b:\n    runs-on: ${{ matrix.os }}\n    steps:\n      - uses: docker/metadata-action@v5\n        with:\n          tags: type=semver,pattern={{version}}\n',
    ],
    [
      'shell variables in a container command',
      '/r/k8s/pod.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: app\n      image: busybox:1.36\n      command: ["sh", "-c", "echo ${HOME}"]\n',
    ],
    [
      'ConfigMap data for a program',
      '/r/k8s/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  LOG_PATH: ${HOME}/logs\n',
    ],
    [
      'upper-case env var names',
      '/r/k8s/pod.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: app\n      image: busybox:1.36\n      env:\n        - name: DB_HOST\n          value: db\n',
    ],
    [
      'a Go format string inside a RUN script',
      '/r/Dockerfile',
      "FROM alpine:3.20\nRUN docker inspect -f '{{.Id}}' x\nUSER 1000\n",
    ],
    [
      'a commented example',
      '/r/k8s/pod.yaml',
      '# image: {{ .Values.image }}\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: app, image: "busybox:1.36"}]\n',
    ],
  ];
  for (const [name, path, text] of notTemplates) {
    test(`not a template: ${name}`, () => assert.deepEqual(templateNotes(path, text), []));
  }

  test('the note names the skipped rules, and no schema error is left on a placeholder', () => {
    const text =
      'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: PV_NAME\nspec:\n  capacity:\n    storage: FILESTORE_CAPACITY\n';
    const findings = lint('/r/k8s/pv.yaml', text);
    const [note] = findings.filter((finding) => finding.ruleId === 'shipshape/template');
    assert.match(note.message, /kubernetes\/schema/);
    assert.equal(note.severity, 'info');
    assert.deepEqual(
      findings.filter((finding) => finding.ruleId === 'kubernetes/schema'),
      [],
    );
  });
});
