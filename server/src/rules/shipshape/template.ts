import type { EngineRule } from '../../engine/types';

/**
 * Reported by the engine, once per file, when a file looks like a template for another tool (`{{ }}`,
 * `${VAR}`, `%%VAR%%` placeholders): the rules that would judge its placeholders are skipped.
 */
export const template: EngineRule = {
  id: 'shipshape/template',
  kind: 'any',
  defaultSeverity: 'info',
  docs: {
    summary: 'This file is a template for another tool: syntax and schema checks are skipped until it is rendered.',
  },
  aliases: [],
};
