import type { AnyRule } from '../../engine/types';
import { scriptInjection } from './script-injection';
import { syntax } from './syntax';

export const githubActionsRules: AnyRule[] = [syntax, scriptInjection];
