import type { FixProvider } from '../types';

export const dockerfileFixes: FixProvider[] = [];
