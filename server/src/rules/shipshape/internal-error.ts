import type { EngineRule } from '../../engine/types';

/**
 * Reported when a rule throws (by the engine) or a check overruns the language server's time budget
 * (by the server), so a bug is visible instead of silently hiding findings or freezing the editor.
 */
export const internalError: EngineRule = {
  id: 'shipshape/internal-error',
  kind: 'any',
  defaultSeverity: 'error',
  docs: { summary: 'A rule failed on this file, or checking it took too long: a bug in Shipshape, please report it.' },
  aliases: [],
};
