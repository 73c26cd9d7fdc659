import type { FixProvider } from '../types';

export const composeFixes: FixProvider[] = [];
