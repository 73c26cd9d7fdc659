import type { AnyRule } from '../../engine/types';
import { pinBaseImage } from './pin-base-image';
import { syntax } from './syntax';

export const dockerfileRules: AnyRule[] = [syntax, pinBaseImage];
