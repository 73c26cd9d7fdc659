import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { registryOf } from '../../../../server/src/rules/shared/image-reference';
import { checkCases } from '../../../helpers/lint';

const trusting = (...registries: string[]) => ({
  settings: { 'dockerfile/trusted-registry': { options: { registries } } },
});

describe('dockerfile/trusted-registry', () => {
  checkCases(
    'dockerfile/trusted-registry',
    '/repo/Dockerfile',
    [
      { name: 'inactive without a list', text: 'FROM evil.example.com/app:1\n', want: [] },
      {
        name: 'an untrusted registry: the image',
        text: 'FROM quay.io/org/app:1.2\n',
        want: [{ at: '1:6-1:25', token: 'quay.io/org/app:1.2' }],
        options: trusting('ghcr.io'),
      },
      { name: 'a trusted registry', text: 'FROM ghcr.io/org/app:1.2\n', want: [], options: trusting('ghcr.io') },
      {
        name: 'no registry part means Docker Hub',
        text: 'FROM node:20\nFROM library/python:3.12\n',
        want: ['node:20', 'library/python:3.12'],
        options: trusting('ghcr.io'),
      },
      {
        name: 'Docker Hub trusted under any of its names',
        text: 'FROM node:20\nFROM index.docker.io/library/node:20\n',
        want: [],
        options: trusting('hub.docker.com'),
      },
      {
        name: 'registry with a port',
        text: 'FROM localhost:5000/app:1\nFROM registry.example.com:5000/app:1\n',
        want: ['localhost:5000/app:1'],
        options: trusting('registry.example.com:5000'),
      },
      {
        name: 'a wildcard matches subdomains',
        text: 'FROM eu.gcr.io/p/app:1\nFROM gcr.io/p/app:1\n',
        want: ['gcr.io/p/app:1'],
        options: trusting('*.gcr.io'),
      },
      { name: 'compared without case', text: 'FROM GHCR.IO/org/app:1\n', want: [], options: trusting('ghcr.io') },
      {
        name: 'scratch and stages are not pulled',
        text: 'FROM ghcr.io/o/b:1 AS build\nFROM build AS test\nFROM scratch\nCOPY --from=build /a /a\nCOPY --from=0 /a /b\n',
        want: [],
        options: trusting('ghcr.io'),
      },
      {
        name: 'COPY --from an image: the flag value',
        text: 'FROM ghcr.io/o/b:1\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n',
        want: [{ at: '2:13-2:23', token: 'nginx:1.27' }],
        options: trusting('ghcr.io'),
      },
      {
        name: 'resolved through an ARG default',
        text: 'ARG BASE=quay.io/o/app:1\nFROM ${BASE}\n',
        want: ['${BASE}'],
        options: trusting('ghcr.io'),
      },
      {
        name: 'an ARG without a default is set at build time',
        text: 'ARG BASE\nFROM ${BASE}\n',
        want: [],
        options: trusting('ghcr.io'),
      },
    ],
    test,
  );

  test('the registry of a reference, as Docker reads it', () => {
    assert.equal(registryOf('node'), 'docker.io');
    assert.equal(registryOf('bitnami/redis:7'), 'docker.io');
    assert.equal(registryOf('localhost/app'), 'localhost');
    assert.equal(registryOf('my.registry:5000/a/b@sha256:00'), 'my.registry:5000');
  });
});
