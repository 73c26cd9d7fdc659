import type { Rule } from '../../engine/types';
import { labelPairs, type LabelPair } from './model/labels';
import { dockerfileModel, lineage, type Stage } from './model/stages';
import { FORMAT_CODES, LABEL_FORMATS, matchesFormat, type LabelFormat } from './label-schema/formats';

interface LabelSchemaOptions {
  /** Required labels and the format of their values; nothing is checked while it is empty. */
  labels: Record<string, LabelFormat>;
  /** Labels outside the schema are reported too. */
  strict: boolean;
}

export const labelSchema: Rule<'dockerfile', LabelSchemaOptions> = {
  id: 'dockerfile/label-schema',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'With a label schema configured (as hadolint’s label-schema), each image has the required labels, with values in the right format (url, hash, rfc3339, semver, spdx, email).',
  },
  aliases: ['DL3049', 'DL3050', 'DL3051', ...Object.values(FORMAT_CODES)].map((code) => `hadolint:${code}` as const),
  defaultOptions: { labels: {}, strict: false },
  optionsSchema: {
    type: 'object',
    properties: {
      labels: {
        type: 'object',
        additionalProperties: { enum: [...LABEL_FORMATS] },
        description:
          'Required labels and the format of their values, e.g. { "org.opencontainers.image.source": "url" }.',
      },
      strict: { type: 'boolean', description: 'Also report labels that the schema does not name.' },
    },
    additionalProperties: false,
  },
  check({ file, options, report }) {
    const schema = new Map(Object.entries(options.labels ?? {}));
    if (schema.size === 0) return;
    const pairs = labelPairs(file);
    for (const pair of pairs) checkPair(pair, schema, options.strict, report);
    // Required labels: on every image the file can produce, through the stages it builds on.
    for (const stage of resultStages(file)) {
      const present = new Set(lineage(stage).flatMap((s) => pairs.filter((p) => p.stage === s).map((p) => p.key)));
      const missing = [...schema.keys()].filter((key) => !present.has(key));
      if (missing.length === 0) continue;
      report({
        range: stage.from.getInstructionRange(),
        message: `This image lacks the label${missing.length > 1 ? 's' : ''} ${missing.join(', ')} that the label schema requires.`,
      });
    }
  },
};

function checkPair(
  { key, keyRange, value, valueRange }: LabelPair,
  schema: Map<string, LabelFormat>,
  strict: boolean,
  report: (r: { range: typeof keyRange; message: string }) => void,
): void {
  const format = schema.get(key);
  if (!format) {
    if (strict) report({ range: keyRange, message: `${key} is not in the label schema (strict labels).` });
    return;
  }
  // A variable is filled in at build time (`--build-arg REVISION=$(git rev-parse HEAD)`).
  if (value.includes('$')) return;
  if (value.trim() === '') report({ range: keyRange, message: `${key} is empty; the label schema requires a value.` });
  else if (!matchesFormat(format, value))
    report({ range: valueRange, message: `${key} should be ${DESCRIPTIONS[format]}: '${value}' is not.` });
}

const DESCRIPTIONS: Record<LabelFormat, string> = {
  text: 'text',
  url: 'a URL (scheme:…)',
  hash: 'a git commit hash (lowercase hex)',
  rfc3339: 'an RFC 3339 time (2024-05-01T12:00:00Z)',
  semver: 'a semantic version (1.2.3)',
  spdx: 'an SPDX license expression (MIT, Apache-2.0 OR MIT)',
  email: 'an e-mail address',
};

/** Stages no other stage builds on or copies from: the images a build of this file can end with. */
function resultStages(file: Parameters<typeof dockerfileModel>[0]): Stage[] {
  const model = dockerfileModel(file);
  const used = new Set<Stage>();
  for (const stage of model.stages) {
    if (stage.parent) used.add(stage.parent);
    for (const instruction of stage.instructions) {
      const from = instruction.getKeyword() === 'COPY' ? /--from=(\S+)/.exec(instruction.getTextContent()) : null;
      const source = from && model.stages.find((s) => s.name === from[1].toLowerCase() || String(s.index) === from[1]);
      if (source) used.add(source);
    }
  }
  return model.stages.filter((stage) => !used.has(stage));
}
