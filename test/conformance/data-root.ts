/**
 * Where other tools' test suites are read from: `SHIPSHAPE_CONFORMANCE_DIR`, else `../shared/conformance`
 * beside the checkout. They are data we may not copy into the project, so a checkout without them (a clone
 * elsewhere, a contributor's machine) skips those suites with a notice instead of failing.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Exit code of a suite whose data is missing; run.ts reports it as skipped. */
export const SKIPPED_EXIT_CODE = 3;

export function conformanceData(...parts: string[]): string {
  const base = process.env.SHIPSHAPE_CONFORMANCE_DIR ?? join(__dirname, '../../../shared/conformance');
  const path = resolve(base, ...parts);
  if (!existsSync(path)) {
    console.log(
      `skipped: ${path} not found (put the suites under ../shared/conformance or set SHIPSHAPE_CONFORMANCE_DIR)`,
    );
    process.exit(SKIPPED_EXIT_CODE);
  }
  return path;
}
