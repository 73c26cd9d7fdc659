import type { AnyRule } from '../../engine/types';
import { actionInputs } from './action-inputs';
import { concurrency } from './concurrency';
import { dangerousTrigger } from './dangerous-trigger';
import { dependencyCache } from './dependency-cache';
import { deployEnvironment } from './deploy-environment';
import { filterPattern } from './filter-pattern';
import { ifCondition } from './if-condition';
import { deprecatedCommand } from './deprecated-command';
import { shellName } from './shell-name';
import { hardcodedCredentials } from './hardcoded-credentials';
import { jobTimeout } from './job-timeout';
import { outdatedAction } from './outdated-action';
import { permissions } from './permissions';
import { persistCredentials } from './persist-credentials';
import { pinAction } from './pin-action';
import { pyflakes } from './pyflakes';
import { runnerLabel } from './runner-label';
import { scriptInjection } from './script-injection';
import { secretInRun } from './secret-in-run';
import { syntax } from './syntax';
import { workflowCall } from './workflow-call';

export const githubActionsRules: AnyRule[] = [
  syntax,
  scriptInjection,
  dangerousTrigger,
  permissions,
  pinAction,
  secretInRun,
  persistCredentials,
  outdatedAction,
  actionInputs,
  jobTimeout,
  concurrency,
  dependencyCache,
  deployEnvironment,
  runnerLabel,
  filterPattern,
  ifCondition,
  deprecatedCommand,
  shellName,
  hardcodedCredentials,
  pyflakes,
  workflowCall,
];
