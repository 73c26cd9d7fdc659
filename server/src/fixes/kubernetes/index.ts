import type { FixProvider } from '../types';
import { imageTagFix } from './image-tag';
import { probeFix } from './probes';
import { renameFieldFix } from './rename-field';
import { resourcesFix } from './resources';
import { securityContextFix } from './security-context';

export const kubernetesFixes: FixProvider[] = [securityContextFix, resourcesFix, probeFix, renameFieldFix, imageTagFix];
