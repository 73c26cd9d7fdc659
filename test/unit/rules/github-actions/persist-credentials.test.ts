import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCases, lint } from '../../../helpers/lint';

const steps = (body: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${body}`;

describe('github-actions/persist-credentials', () => {
  checkCases(
    'github-actions/persist-credentials',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'checkout then an upload of the workspace with hidden files',
        text: steps(
          '      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v4\n        with:\n          path: .\n          include-hidden-files: true\n',
        ),
        want: [{ at: '6:15-6:34', token: 'actions/checkout@v4' }],
      },
      {
        name: 'upload-artifact before 4.4 includes hidden files',
        text: steps(
          '      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v3\n        with:\n          path: ${{ github.workspace }}\n      - uses: actions/upload-artifact@v4.3.6\n        with:\n          path: "*"\n',
        ),
        want: ['actions/checkout@v4'],
      },
      {
        name: 'a checkout in a folder, uploaded with its parent',
        text: steps(
          '      - uses: actions/checkout@v4\n        with:\n          path: src/app\n      - uses: actions/upload-artifact@v3\n        with:\n          path: |\n            build/\n            src\n',
        ),
        want: ['actions/checkout@v4'],
      },
      {
        name: 'checkout then docker build of the workspace and a push',
        text: steps(
          '      - uses: actions/checkout@v4\n      - run: |\n          docker build \\\n            --tag "$TAG" \\\n            .\n          docker push "$TAG"\n',
        ),
        want: ['actions/checkout@v4'],
      },
      {
        name: 'build-push-action with the workspace as context and push on',
        text: steps(
          "      - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          push: ${{ github.event_name != 'pull_request' }}\n",
        ),
        want: ['actions/checkout@v4'],
      },
      {
        name: 'upload-artifact v4 leaves hidden files (.git) out by default',
        text: steps(
          '      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v4\n        with:\n          path: .\n',
        ),
        want: [],
      },
      {
        name: 'upload-pages-artifact always excludes .git',
        text: steps(
          "      - uses: actions/checkout@v4\n      - uses: actions/upload-pages-artifact@v3\n        with:\n          path: '.'\n",
        ),
        want: [],
      },
      {
        name: 'an upload of build output only',
        text: steps(
          '      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v3\n        with:\n          path: dist/\n',
        ),
        want: [],
      },
      {
        name: 'an upload that excludes .git',
        text: steps(
          '      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v3\n        with:\n          path: |\n            .\n            !.git\n',
        ),
        want: [],
      },
      {
        name: 'a docker push of an image not built from the workspace',
        text: steps(
          '      - uses: actions/checkout@v4\n      - run: docker pull nginx && docker tag nginx r/nginx && docker push r/nginx\n',
        ),
        want: [],
      },
      {
        name: 'a docker build of the workspace that is never pushed',
        text: steps(
          '      - uses: actions/checkout@v4\n      - run: docker build -t app . && docker run --rm app make test\n',
        ),
        want: [],
      },
      {
        name: 'build-push-action without context builds from the Git URL',
        text: steps(
          '      - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n',
        ),
        want: [],
      },
      {
        name: 'the upload runs in another job, on another runner',
        text: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/upload-artifact@v3\n        with:\n          path: .\n',
        want: [],
      },
      {
        name: 'git push uses the persisted token; it carries nothing out',
        text: steps('      - uses: actions/checkout@v4\n      - run: git commit -am bump && git push\n'),
        want: [],
      },
      {
        name: 'persist-credentials: false',
        text: steps(
          '      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - uses: actions/upload-artifact@v3\n        with:\n          path: .\n',
        ),
        want: [],
      },
      {
        name: 'nothing leaves the runner',
        text: steps('      - uses: actions/checkout@v4\n      - run: make test\n'),
        want: [],
      },
      {
        name: 'the Dockerfile in the workspace copies nothing from the context (actions/checkout test image)',
        text: steps(
          '      - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          file: images/test.Dockerfile\n          push: true\n',
        ),
        want: [],
        options: {
          files: {
            '/repo/images/test.Dockerfile': 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y git\n',
          },
        },
      },
      {
        name: 'the .dockerignore of the context leaves .git out',
        text: steps('      - uses: actions/checkout@v4\n      - run: docker build -t r/app . && docker push r/app\n'),
        want: [],
        options: {
          files: { '/repo/Dockerfile': 'FROM node:22\nCOPY . .\n', '/repo/.dockerignore': 'node_modules\n.git\n' },
        },
      },
      {
        name: 'a Dockerfile that copies the whole context, without .dockerignore',
        text: steps(
          '      - uses: actions/checkout@v4\n      - run: docker build -f docker/Dockerfile -t r/app . && docker push r/app\n',
        ),
        want: ['actions/checkout@v4'],
        options: { files: { '/repo/docker/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY . .\n' } },
      },
      {
        name: 'docker build with the context before the options, tags from expressions',
        text: steps(
          '      - uses: actions/checkout@v4\n      - run: |\n          docker build . -t ${{ env.REGISTRY }}/${{ env.IMAGE }}:${{ github.sha }} --build-arg V=1\n          docker push ${{ env.REGISTRY }}/${{ env.IMAGE }}:${{ github.sha }}\n',
        ),
        want: ['actions/checkout@v4'],
      },
      {
        name: 'docker build of another folder, with a tag value that looks like a path',
        text: steps('      - uses: actions/checkout@v4\n      - run: docker build -t . ./docs && docker push x\n'),
        want: [],
      },
    ],
    test,
  );

  test('the message names the step that carries .git out and why', () => {
    const text = steps(
      '      - uses: actions/checkout@v4\n      - name: Upload app\n        uses: actions/upload-artifact@v3\n        with:\n          path: .\n',
    );
    const [finding] = lint('/repo/.github/workflows/ci.yml', text).filter(
      (f) => f.ruleId === 'github-actions/persist-credentials',
    );
    assert.match(
      finding.message,
      /later step 'Upload app' \(line 7\) uploads it as an artifact, hidden files included/,
    );
  });
});
