/** The outside script checkers the front ends run, by id (the id names their settings and CLI options). */
import type { CheckerId } from '../rules/shared/scripts/checker';
import { pyflakesProgram } from './pyflakes';
import type { ScriptProgram } from './script-runner';
import { shellcheckProgram } from './shellcheck';

export const scriptPrograms: Record<CheckerId, ScriptProgram> = {
  shellcheck: shellcheckProgram,
  pyflakes: pyflakesProgram,
};
