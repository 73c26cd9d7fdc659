import type { FixProvider } from '../types';

export const githubActionsFixes: FixProvider[] = [];
