import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WORKSPACE_LABEL } from '../../../client/src/containers/core/engine-client';
import type { ContainerRow } from '../../../client/src/containers/core/model';
import { parseContainers, parseImages } from '../../../client/src/containers/core/parse';
import { workspaceContainers } from '../../../client/src/containers/core/workspace-filter';
import { fixture } from './helpers';

function row(overrides: Partial<ContainerRow>): ContainerRow {
  return { id: 'c1', name: 'n', image: 'other:1', state: 'running', status: '', ports: [], labels: {}, ...overrides };
}

const empty = { folders: [], composeProjects: [], images: [], builtReferences: [] };

describe('the containers of this workspace', () => {
  test('by our label, by compose project, by an image built here (either engine’s naming), by image id', () => {
    const rows = [
      row({ id: 'label', labels: { [WORKSPACE_LABEL]: '/w' } }),
      row({ id: 'other-folder', labels: { [WORKSPACE_LABEL]: '/elsewhere' } }),
      row({ id: 'compose', composeProject: 'web' }),
      row({ id: 'other-compose', composeProject: 'unrelated' }),
      row({ id: 'built-podman', image: 'localhost/app:dev' }),
      row({ id: 'built-docker', image: 'app:dev' }),
      row({ id: 'by-id', image: 'sha256:0123456789abcdef' }),
      row({ id: 'stranger', image: 'nginx:1' }),
    ];
    const found = workspaceContainers(rows, {
      folders: ['/w'],
      composeProjects: ['web'],
      images: [{ id: '0123456789abcdef0000', reference: 'lib:1', repository: 'lib', tag: '1', sizeBytes: 0 }],
      builtReferences: ['app:dev'],
    });
    assert.deepEqual(
      found.map((item) => item.id),
      ['label', 'compose', 'built-podman', 'built-docker', 'by-id'],
    );
  });

  test('captured rows: the Podman container of an image built here (listed as localhost/…) is shown', () => {
    const containers = parseContainers(fixture('podman/ps.json'));
    const images = parseImages(fixture('podman/images.json'));
    assert.equal(workspaceContainers(containers, { ...empty, images }).length, 1);
    assert.equal(workspaceContainers(containers, { ...empty, builtReferences: ['demo:dev'] }).length, 1);
    assert.equal(workspaceContainers(containers, empty).length, 0);
  });
});
