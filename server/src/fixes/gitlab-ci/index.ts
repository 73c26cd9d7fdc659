import type { FixProvider } from '../types';

export const gitlabCiFixes: FixProvider[] = [];
