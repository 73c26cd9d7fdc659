import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

interface Command {
  command: string;
  title: string;
  category?: string;
  enablement?: string;
}
const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8'));
const contributes = manifest.contributes;
const commands: Command[] = contributes.commands;
/** The commands the containers feature registers: named in its vscode/ sources (other features have their own). */
const VSCODE_PART = join(import.meta.dirname, '../../../client/src/containers/vscode');
const containerSources = readdirSync(VSCODE_PART)
  .map((name) => readFileSync(join(VSCODE_PART, name), 'utf8'))
  .join('\n');
const CONTAINER_COMMANDS = commands.filter((command) => containerSources.includes(`'${command.command}'`));

describe('containers in the manifest', () => {
  test('commands: shipshape.<camelCaseVerb>, category Shipshape, Title Case, trust-gated', () => {
    assert.ok(CONTAINER_COMMANDS.length >= 17);
    for (const command of CONTAINER_COMMANDS) {
      assert.match(command.command, /^shipshape\.[a-z]+[A-Za-z]*$/, command.command);
      assert.equal(command.category, 'Shipshape', command.command);
      assert.equal(command.enablement, 'isWorkspaceTrusted', command.command);
      for (const word of command.title.replace('…', '').split(' '))
        if (!['and', 'in'].includes(word)) assert.match(word, /^[A-Z]/, `${command.command}: ${command.title}`);
    }
  });

  test('every command a menu names is declared; item-only commands are hidden from the palette', () => {
    const declared = new Set(commands.map((command) => command.command));
    for (const [menu, entries] of Object.entries(contributes.menus) as [string, { command: string }[]][])
      for (const entry of entries) assert.ok(declared.has(entry.command), `${menu}: ${entry.command}`);
    const hidden = new Set(
      contributes.menus.commandPalette
        .filter((entry: { when: string }) => entry.when === 'false')
        .map((entry: { command: string }) => entry.command),
    );
    const itemOnly = contributes.menus['view/item/context']
      .filter((entry: { when?: string }) => entry.when?.includes('view == shipshape.containers'))
      .map((entry: { command: string }) => entry.command);
    assert.ok(itemOnly.length > 0);
    for (const command of itemOnly) assert.ok(hidden.has(command), `${command} is hidden from the palette`);
    for (const command of [
      'shipshape.buildImage',
      'shipshape.runContainer',
      'shipshape.buildAndRun',
      'shipshape.composeUp',
    ])
      assert.ok(!hidden.has(command), `${command} stays in the palette`);
  });

  test('settings: each with a scope and a markdownDescription; the executable in machine scope', () => {
    const properties = contributes.configuration.properties;
    for (const name of ['engine', 'executable', 'buildArgs', 'runArgs', 'defaultTag']) {
      const setting = properties[`shipshape.containers.${name}`];
      assert.ok(setting, name);
      assert.ok(setting.scope, `${name} has a scope`);
      assert.ok(setting.markdownDescription, `${name} has a markdownDescription`);
    }
    assert.equal(properties['shipshape.containers.executable'].scope, 'machine');
    assert.deepEqual(properties['shipshape.containers.engine'].enum, ['auto', 'docker', 'podman']);
  });

  test('the view, its container, and the task types', () => {
    assert.deepEqual(contributes.viewsContainers.activitybar[0], {
      id: 'shipshape',
      title: 'Shipshape',
      icon: 'images/shipshape.svg',
    });
    assert.equal(contributes.views.shipshape[0].id, 'shipshape.containers');
    assert.deepEqual(
      contributes.taskDefinitions.map((definition: { type: string; required: string[] }) => [
        definition.type,
        definition.required,
      ]),
      [
        ['shipshape-build', ['dockerfile']],
        ['shipshape-run', ['image']],
      ],
    );
    assert.ok(
      readFileSync(join(import.meta.dirname, '../../../.vscodeignore'), 'utf8').includes('!images/shipshape.svg'),
    );
  });
});
