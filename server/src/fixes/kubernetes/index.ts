import type { FixProvider } from '../types';

export const kubernetesFixes: FixProvider[] = [];
