/** The outside script checkers, each known by its id (settings, CLI options and messages name them). */
import { pyflakesChecker } from '../pyflakes/findings';
import { shellcheckChecker } from '../shellcheck/findings';
import type { CheckerId, ScriptChecker } from './checker';

export const scriptCheckers: Record<CheckerId, ScriptChecker> = {
  shellcheck: shellcheckChecker,
  pyflakes: pyflakesChecker,
};
