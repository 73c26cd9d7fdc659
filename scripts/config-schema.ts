/**
 * `schemas/shipshape.schema.json`, the JSON schema of `.shipshape.yaml`, generated from the registry:
 * every rule id with its summary, default and options. `npm run docs` writes it; a unit test fails on a diff.
 */
import { writeFileSync } from 'node:fs';
import { docsUrl } from '../server/src/engine/docs-url';
import { isOptIn } from '../server/src/engine/opt-in';
import { registry } from '../server/src/rules';

const SEVERITY = { enum: ['off', 'info', 'warning', 'error'] };

export function configSchema(): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const rule of registry.all) {
    const defaults =
      'defaultOptions' in rule ? (rule.defaultOptions as Record<string, unknown> | undefined) : undefined;
    const options = {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        Object.entries(defaults ?? {}).map(([name, value]) => [
          name,
          { type: Array.isArray(value) ? 'array' : typeof value, default: value },
        ]),
      ),
    };
    const severity = isOptIn(rule) ? `off (opt-in, ${rule.defaultSeverity} when turned on)` : rule.defaultSeverity;
    rules[rule.id] = {
      description: `${rule.docs.summary} Default: ${severity}.`,
      markdownDescription: `${rule.docs.summary} Default: \`${severity}\`. [Docs](${docsUrl(rule.id)})`,
      anyOf: [SEVERITY, { type: 'array', items: [SEVERITY, options], minItems: 1, maxItems: 2 }],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/shipshape-dev/shipshape/blob/main/schemas/shipshape.schema.json',
    title: 'Shipshape configuration (.shipshape.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        description: 'Severity (off, info, warning, error) or [severity, {options}] per rule id.',
        type: 'object',
        additionalProperties: false,
        properties: rules,
        // ShellCheck's codes are rules made on demand, not listed in the registry.
        patternProperties: {
          '^shellcheck/SC\\d{4}$': {
            description: 'A ShellCheck check in RUN and run: scripts (runs when shellcheck is installed).',
            markdownDescription:
              'A [ShellCheck](https://www.shellcheck.net/wiki/) check in `RUN` and `run:` scripts (runs when `shellcheck` is installed). Default: its ShellCheck level.',
            anyOf: [SEVERITY],
          },
        },
      },
      ignore: {
        description: 'Glob patterns, relative to this file, of files Shipshape does not check.',
        type: 'array',
        items: { type: 'string', minLength: 1 },
      },
      failOn: {
        description:
          'The lowest severity that makes `shipshape check` exit 1 for the files this config covers (default: error); --fail-on overrides it.',
        enum: ['error', 'warning', 'info', 'none'],
      },
    },
  };
}

export const SCHEMA_PATH = 'schemas/shipshape.schema.json';

export function configSchemaText(): string {
  return `${JSON.stringify(configSchema(), null, 2)}\n`;
}

if (process.argv[1]?.endsWith('config-schema.ts')) {
  writeFileSync(SCHEMA_PATH, configSchemaText());
  console.log(`${SCHEMA_PATH}: ${registry.all.length} rules`);
}
