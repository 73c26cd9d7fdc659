import type { FixProvider } from '../types';
import { addJobKeywordFix } from './add-job-keyword';
import { imageTagFix } from './image-tag';
import { onlyExceptFix } from './only-except';

export const gitlabCiFixes: FixProvider[] = [imageTagFix, onlyExceptFix, addJobKeywordFix];
