import type { AnyRule } from '../../engine/types';
import { imageTag } from './image-tag';
import { syntax } from './syntax';

export const kubernetesRules: AnyRule[] = [syntax, imageTag];
