import type { EngineRule } from '../../engine/types';

/** Reported by the engine when a rule throws, so a bug is visible instead of silently hiding findings. */
export const internalError: EngineRule = {
  id: 'shipshape/internal-error',
  kind: 'any',
  defaultSeverity: 'error',
  docs: { summary: 'A rule failed on this file: a bug in Shipshape, please report it.' },
  aliases: [],
};
