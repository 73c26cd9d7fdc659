import type { AnyRule } from '../../engine/types';
import { syntax } from './syntax';

export const gitlabCiRules: AnyRule[] = [syntax];
