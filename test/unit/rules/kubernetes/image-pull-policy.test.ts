import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { pod } from './manifests';

const image = (reference: string, policy?: string) =>
  pod(policy ? `imagePullPolicy: ${policy}` : '').replace('image: nginx:1.27', `image: ${reference}`);

describe('kubernetes/image-pull-policy', () => {
  checkCases(
    'kubernetes/image-pull-policy',
    '/repo/k8s/web.yaml',
    [
      {
        name: 'latest with IfNotPresent',
        text: image('nginx:latest', 'IfNotPresent'),
        want: [{ at: '9:24-9:36', token: 'IfNotPresent' }],
      },
      { name: 'untagged with Never', text: image('nginx', 'Never'), want: ['Never'] },
      { name: 'latest with Always', text: image('nginx:latest', 'Always'), want: [] },
      { name: 'latest without a policy pulls always anyway', text: image('nginx:latest'), want: [] },
      { name: 'a version tag with IfNotPresent', text: image('nginx:1.27', 'IfNotPresent'), want: [] },
      {
        name: 'a digest',
        text: image('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'),
        want: [],
      },
    ],
    test,
  );
});
