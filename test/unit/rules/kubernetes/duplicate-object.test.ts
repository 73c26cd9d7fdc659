import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { kustomization } from './manifests';

const configMap = (name: string, namespace?: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}data: {a: b}\n`;

describe('kubernetes/duplicate-object', () => {
  checkCases(
    'kubernetes/duplicate-object',
    '/repo/k8s/config.yaml',
    [
      {
        name: 'twice in one file: both reported',
        text: `${configMap('settings')}---\n${configMap('settings')}`,
        want: [
          { at: '4:9-4:17', token: 'settings' },
          { at: '10:9-10:17', token: 'settings' },
        ],
      },
      {
        name: 'in another file of the folder',
        text: configMap('settings'),
        want: ['settings'],
        options: {
          files: { '/repo/k8s/other.yaml': configMap('settings'), ...kustomization('config.yaml', 'other.yaml') },
        },
      },
      { name: 'different names', text: `${configMap('a')}---\n${configMap('b')}`, want: [] },
      { name: 'different namespaces', text: `${configMap('a', 'dev')}---\n${configMap('a', 'prod')}`, want: [] },
      {
        name: 'different kinds',
        text: `${configMap('a')}---\n${configMap('a').replace('ConfigMap', 'Secret')}`,
        want: [],
      },
      {
        name: 'another file of the folder, not applied with it (an alternative)',
        text: configMap('settings'),
        want: [],
        options: { files: { '/repo/k8s/other.yaml': configMap('settings') } },
      },
      {
        name: 'another file of the folder, scope: folder',
        text: configMap('settings'),
        want: ['settings'],
        options: {
          files: { '/repo/k8s/other.yaml': configMap('settings') },
          settings: { 'kubernetes/duplicate-object': { severity: 'warning', options: { scope: 'folder' } } },
        },
      },
      {
        name: 'an overlay, scope: workspace',
        text: configMap('settings'),
        want: ['settings'],
        options: {
          files: { '/repo/overlays/prod/config.yaml': configMap('settings') },
          settings: { 'kubernetes/duplicate-object': { severity: 'warning', options: { scope: 'workspace' } } },
        },
      },
      {
        name: 'a kustomize patch repeats the name of the object it patches',
        text: configMap('settings'),
        want: [],
        options: {
          files: {
            '/repo/k8s/patch.yaml': configMap('settings'),
            '/repo/k8s/kustomization.yaml': 'resources: [config.yaml]\npatches:\n  - path: patch.yaml\n',
          },
        },
      },
      {
        name: 'another folder (an overlay)',
        text: configMap('settings'),
        want: [],
        options: { files: { '/repo/overlays/prod/config.yaml': configMap('settings') } },
      },
      {
        name: 'another version of the same API group is the same object',
        text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n---\napiVersion: apps/v1beta2\nkind: Deployment\nmetadata: {name: web}\n',
        want: ['web', 'web'],
      },
    ],
    test,
  );
});
