import type { FixProvider } from '../types';
import { imageTagFix } from './image-tag';
import { plaintextSecretFix } from './plaintext-secret';

export const composeFixes: FixProvider[] = [imageTagFix, plaintextSecretFix];
