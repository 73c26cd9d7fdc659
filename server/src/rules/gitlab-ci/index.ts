import type { AnyRule } from '../../engine/types';
import { dependencyCache } from './dependency-cache';
import { imageTag } from './image-tag';
import { interruptible } from './interruptible';
import { jobTimeout } from './job-timeout';
import { manualProduction } from './manual-production';
import { onlyExcept } from './only-except';
import { secretInVariables } from './secret-in-variables';
import { syntax } from './syntax';

export const gitlabCiRules: AnyRule[] = [
  syntax,
  manualProduction,
  onlyExcept,
  imageTag,
  secretInVariables,
  dependencyCache,
  jobTimeout,
  interruptible,
];
