import type { EngineRule } from '../../engine/types';

/** Reported by the engine after suppressions are applied (see engine/check.ts). */
export const unusedSuppression: EngineRule = {
  id: 'shipshape/unused-suppression',
  kind: 'any',
  defaultSeverity: 'info',
  docs: { summary: 'A shipshape-ignore comment that suppresses nothing, or names an unknown rule.' },
  aliases: [],
};
