import type { FixProvider } from '../types';
import { jobKeyFixes } from './job-keys';
import { outdatedActionFix } from './outdated-action';
import { scriptInjectionFix } from './script-injection';
import { stepInputFixes } from './step-inputs';
import { workflowBlockFixes } from './workflow-blocks';

export const githubActionsFixes: FixProvider[] = [
  scriptInjectionFix,
  workflowBlockFixes,
  jobKeyFixes,
  outdatedActionFix,
  stepInputFixes,
];
