/** The one registry of rules. Each kind keeps its own list; add a rule there. */
import { RuleRegistry } from '../engine/registry';
import { composeRules } from './compose';
import { dockerfileRules } from './dockerfile';
import { githubActionsRules } from './github-actions';
import { gitlabCiRules } from './gitlab-ci';
import { kubernetesRules } from './kubernetes';
import { shellcheckRules } from './shared/shellcheck/rules';
import { isPatchFile } from './kubernetes/model/kustomize';
import { config } from './shipshape/config';
import { internalError } from './shipshape/internal-error';
import { template } from './shipshape/template';
import { unusedSuppression } from './shipshape/unused-suppression';

export const registry = new RuleRegistry(
  [
    config,
    internalError,
    template,
    unusedSuppression,
    ...dockerfileRules,
    ...kubernetesRules,
    ...githubActionsRules,
    ...gitlabCiRules,
    ...composeRules,
  ],
  // A kustomize patch is a piece of an object: only its syntax and schema (as a piece) are judged.
  { kubernetes: (file, workspace) => file.kind === 'kubernetes' && isPatchFile(file, workspace) },
  // ShellCheck's codes, one rule each, made when a finding, a setting or a suppression names one.
  [shellcheckRules],
);
