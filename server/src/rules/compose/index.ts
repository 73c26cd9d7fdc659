import type { AnyRule } from '../../engine/types';
import { buildContext } from './build-context';
import { healthcheckDependency } from './healthcheck-dependency';
import { imageTag } from './image-tag';
import { plaintextSecret } from './plaintext-secret';
import { privileged } from './privileged';
import { syntax } from './syntax';

export const composeRules: AnyRule[] = [
  syntax,
  imageTag,
  plaintextSecret,
  healthcheckDependency,
  privileged,
  buildContext,
];
