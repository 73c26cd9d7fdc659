import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { editedWorkspace } from '../../../helpers/edited-workspace';

const WEB = 'services:\n  web:\n    image: a:1\n    depends_on:\n      db: {condition: service_healthy}\n';
const DB = 'services:\n  db:\n    image: postgres:17\n';
const HEALTHY_DB = `${DB}    healthcheck: {test: [CMD, pg_isready]}\n`;

describe('compose project: one workspace edited between checks (as in the editor)', () => {
  test('an override in the same folder added, changed and deleted', () => {
    const workspace = editedWorkspace();
    workspace.set('/app/compose.yaml', WEB);
    workspace.set('/app/sub/compose.override.yaml', DB);
    const waits = () => workspace.findings('/app/compose.yaml', 'compose/healthcheck-dependency').length;
    const unknown = () =>
      workspace.findings('/app/compose.yaml', 'compose/syntax').filter((message) => message.includes("'db'")).length;
    assert.equal(unknown(), 1, 'db is defined in another folder only');
    workspace.set('/app/compose.override.yaml', DB);
    assert.deepEqual([waits(), unknown()], [1, 0], 'db comes from the override, with no healthcheck');
    workspace.set('/app/compose.override.yaml', HEALTHY_DB);
    assert.equal(waits(), 0, 'the override now has a healthcheck');
    workspace.set('/app/compose.override.yaml', DB);
    assert.equal(waits(), 1, 'the healthcheck removed again');
    workspace.delete('/app/compose.override.yaml');
    assert.deepEqual([waits(), unknown()], [0, 1], 'the override deleted');
    workspace.set('/app/compose.override.yaml', HEALTHY_DB);
    assert.deepEqual([waits(), unknown()], [0, 0], 'added back');
  });
});
