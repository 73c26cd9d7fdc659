/** Value formats of hadolint's `label-schema` (text, url, hash, rfc3339, semver, spdx, email) and their checks. */
import licenseIds from 'spdx-license-ids/index.json';
import deprecatedIds from 'spdx-license-ids/deprecated.json';

export const LABEL_FORMATS = ['text', 'url', 'hash', 'rfc3339', 'semver', 'spdx', 'email'] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];

/** The hadolint code for each format check (an empty value is DL3051 for every format). */
export const FORMAT_CODES: Record<Exclude<LabelFormat, 'text'>, string> = {
  url: 'DL3052',
  rfc3339: 'DL3053',
  spdx: 'DL3054',
  hash: 'DL3055',
  semver: 'DL3056',
  email: 'DL3058',
};

const LICENSES = new Set([...licenseIds, ...deprecatedIds].map((id) => id.toLowerCase()));

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-((0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(\+[0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*)?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
/** RFC 5322 addr-spec, dot-atom form (quoted local parts are rare enough in labels to leave out). */
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/;

export function matchesFormat(format: LabelFormat, value: string): boolean {
  switch (format) {
    case 'text':
      return true;
    case 'url':
      return isUrl(value);
    case 'hash':
      return /^[0-9a-f]+$/.test(value);
    case 'rfc3339':
      return RFC3339.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T')));
    case 'semver':
      return SEMVER.test(value);
    case 'spdx':
      return isSpdxExpression(value);
    case 'email':
      return EMAIL.test(value);
  }
}

function isUrl(value: string): boolean {
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** `MIT`, `Apache-2.0 OR MIT`, `(GPL-2.0-only WITH Classpath-exception-2.0)`, `LicenseRef-acme`. */
function isSpdxExpression(value: string): boolean {
  const tokens = value.replace(/[()]/g, ' ').trim().split(/\s+/);
  if (tokens.length === 0 || tokens[0] === '') return false;
  let expectId = true;
  let afterWith = false;
  for (const token of tokens) {
    if (expectId) {
      const id = token.replace(/\+$/, '').toLowerCase();
      if (!afterWith && !LICENSES.has(id) && !/^(documentref-[\w.-]+:)?licenseref-[\w.-]+$/.test(id)) return false;
      expectId = false;
      afterWith = false;
    } else {
      const operator = token.toUpperCase();
      if (operator !== 'AND' && operator !== 'OR' && operator !== 'WITH') return false;
      afterWith = operator === 'WITH';
      expectId = true;
    }
  }
  return !expectId;
}
