import type { AnyRule } from '../../engine/types';
import { absoluteWorkdir } from './absolute-workdir';
import { apkNoCache } from './apk-no-cache';
import { aptCleanLists } from './apt-clean-lists';
import { aptNoInstallRecommends } from './apt-no-install-recommends';
import { aptUpdateAlone } from './apt-update-alone';
import { casing } from './casing';
import { copyIgnoredFile } from './copy-ignored-file';
import { dependencyCacheOrder } from './dependency-cache-order';
import { deprecatedMaintainer } from './deprecated-maintainer';
import { dockerignore } from './dockerignore';
import { exposePort } from './expose-port';
import { healthcheck } from './healthcheck';
import { insecureDownload } from './insecure-download';
import { jsonExecForm } from './json-exec-form';
import { legacyEnvFormat } from './legacy-env-format';
import { multiStage } from './multi-stage';
import { noCurlPipeShell } from './no-curl-pipe-shell';
import { noSudo } from './no-sudo';
import { nonInteractive } from './non-interactive';
import { nonRootUser } from './non-root-user';
import { npmCi } from './npm-ci';
import { pinBaseImage } from './pin-base-image';
import { pinPackages } from './pin-packages';
import { pipNoCacheDir } from './pip-no-cache-dir';
import { pipefail } from './pipefail';
import { preferCopy } from './prefer-copy';
import { secretInEnv } from './secret-in-env';
import { singleCmd } from './single-cmd';
import { syntax } from './syntax';
import { trustedRegistry } from './trusted-registry';
import { undefinedVariable } from './undefined-variable';
import { useWorkdir } from './use-workdir';

import { containerCommands } from './container-commands';
import { preferAptGet } from './prefer-apt-get';
import { useShellInstruction } from './use-shell-instruction';
import { wgetAndCurl } from './wget-and-curl';
import { wgetProgress } from './wget-progress';
import { cleanPackageCache } from './clean-package-cache';
import { copyDestinationDir } from './copy-destination-dir';
import { copyRelativeDestination } from './copy-relative-destination';
import { copyWholeFilesystem } from './copy-whole-filesystem';
import { envSameStatement } from './env-same-statement';
import { fromPlatform } from './from-platform';
import { mergeRuns } from './merge-runs';
import { noDistUpgrade } from './no-dist-upgrade';
import { redundantPlatform } from './redundant-platform';
import { reservedStageName } from './reserved-stage-name';
import { useraddHighUid } from './useradd-high-uid';
import { extractWithAdd } from './extract-with-add';
import { inlineIgnore } from './inline-ignore';
import { numericUser } from './numeric-user';
import { labelKey } from './label-key';
import { labelSchema } from './label-schema';
export const dockerfileRules: AnyRule[] = [
  syntax,
  absoluteWorkdir,
  apkNoCache,
  aptCleanLists,
  aptNoInstallRecommends,
  aptUpdateAlone,
  casing,
  cleanPackageCache,
  copyIgnoredFile,
  containerCommands,
  dependencyCacheOrder,
  deprecatedMaintainer,
  dockerignore,
  exposePort,
  healthcheck,
  insecureDownload,
  jsonExecForm,
  legacyEnvFormat,
  multiStage,
  noCurlPipeShell,
  noSudo,
  nonInteractive,
  nonRootUser,
  npmCi,
  pinBaseImage,
  pinPackages,
  pipNoCacheDir,
  pipefail,
  preferAptGet,
  preferCopy,
  secretInEnv,
  singleCmd,
  trustedRegistry,
  undefinedVariable,
  useShellInstruction,
  useWorkdir,
  wgetAndCurl,
  wgetProgress,
  copyDestinationDir,
  copyRelativeDestination,
  copyWholeFilesystem,
  envSameStatement,
  fromPlatform,
  mergeRuns,
  noDistUpgrade,
  redundantPlatform,
  reservedStageName,
  useraddHighUid,
  extractWithAdd,
  inlineIgnore,
  numericUser,
  labelKey,
  labelSchema,
];
