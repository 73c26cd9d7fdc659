import type { FixProvider } from '../types';
import { addOption } from './add-option';
import { cacheOrder } from './cache-order';
import { cleanAptLists } from './clean-apt-lists';
import { createDockerignore } from './create-dockerignore';
import { execForm } from './exec-form';
import { maintainerLabel } from './maintainer-label';
import { addNonRootUser } from './non-root-user';
import { pinTag } from './pin-tag';
import { pipefailShell } from './pipefail-shell';
import { replaceToken } from './replace-token';

export const dockerfileFixes: FixProvider[] = [
  addOption,
  cacheOrder,
  cleanAptLists,
  createDockerignore,
  execForm,
  maintainerLabel,
  addNonRootUser,
  pinTag,
  pipefailShell,
  replaceToken,
];
