import type { AnyRule } from '../../engine/types';
import { syntax } from './syntax';

export const composeRules: AnyRule[] = [syntax];
