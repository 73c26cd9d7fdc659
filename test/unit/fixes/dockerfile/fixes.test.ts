import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, lint } from '../../../helpers/lint';
import { fixesFor } from '../../../../server/src/fixes';
import { Linter } from '../../../../server/src/engine/linter';
import { registry } from '../../../../server/src/rules';

const PATH = '/repo/Dockerfile';

interface FixCase {
  name: string;
  rule: string;
  title: string;
  text: string;
  fixed: string;
  files?: Record<string, string>;
}

const cases: FixCase[] = [
  {
    name: 'add -l to useradd with a high UID',
    rule: 'dockerfile/useradd-high-uid',
    title: 'Add -l',
    text: 'FROM debian:12\nRUN useradd -u 1000001 app\n',
    fixed: 'FROM debian:12\nRUN useradd -l -u 1000001 app\n',
  },
  {
    name: 'end a quoted COPY destination with /',
    rule: 'dockerfile/copy-destination-dir',
    title: 'Write "lib/"',
    text: 'FROM debian:12\nCOPY a.so b.so "lib"\n',
    fixed: 'FROM debian:12\nCOPY a.so b.so "lib/"\n',
  },
  {
    name: 'end a COPY destination with /',
    rule: 'dockerfile/copy-destination-dir',
    title: 'Write /opt/lib/',
    text: 'FROM debian:12\nCOPY a.so b.so /opt/lib\n',
    fixed: 'FROM debian:12\nCOPY a.so b.so /opt/lib/\n',
  },
  {
    name: 'pin latest with a placeholder',
    rule: 'dockerfile/pin-base-image',
    title: 'Pin a version tag',
    text: 'FROM node:latest\n',
    fixed: 'FROM node:tag\n',
  },
  {
    name: 'tag an untagged image',
    rule: 'dockerfile/pin-base-image',
    title: 'Add a version tag',
    text: 'FROM --platform=$BUILDPLATFORM golang AS build\n',
    fixed: 'FROM --platform=$BUILDPLATFORM golang:tag AS build\n',
  },
  {
    name: 'add --no-install-recommends',
    rule: 'dockerfile/apt-no-install-recommends',
    title: 'Add --no-install-recommends',
    text: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    fixed:
      'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    name: 'append the apt list cleanup',
    rule: 'dockerfile/apt-clean-lists',
    title: 'Append && rm',
    text: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\nUSER nobody\n',
    fixed:
      'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\nUSER nobody\n',
  },
  {
    name: 'append the cleanup inside a heredoc',
    rule: 'dockerfile/apt-clean-lists',
    title: 'Append rm',
    text: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y --no-install-recommends curl\nEOF\n',
    fixed:
      'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y --no-install-recommends curl\nrm -rf /var/lib/apt/lists/*\nEOF\n',
  },
  {
    name: 'apk --no-cache',
    rule: 'dockerfile/apk-no-cache',
    title: 'Add --no-cache',
    text: 'FROM alpine:3.20\nRUN apk add curl\n',
    fixed: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
  },
  {
    name: 'pip --no-cache-dir',
    rule: 'dockerfile/pip-no-cache-dir',
    title: 'Add --no-cache-dir',
    text: 'FROM python:3.12\nRUN pip install flask\n',
    fixed: 'FROM python:3.12\nRUN pip install --no-cache-dir flask\n',
  },
  {
    name: 'answer the apt-get prompt',
    rule: 'dockerfile/non-interactive',
    title: 'Add -y',
    text: 'FROM debian:12\nRUN apt-get install --no-install-recommends curl\n',
    fixed: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n',
  },
  {
    name: 'apt to apt-get',
    rule: 'dockerfile/prefer-apt-get',
    title: 'Write apt-get',
    text: 'FROM debian:12\nRUN apt update\n',
    fixed: 'FROM debian:12\nRUN apt-get update\n',
  },
  {
    name: 'append dnf clean all',
    rule: 'dockerfile/clean-package-cache',
    title: 'Append && dnf clean all',
    text: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.6\n',
    fixed: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.6 \\\n && dnf clean all\n',
  },
  {
    name: 'microdnf cleans with microdnf',
    rule: 'dockerfile/clean-package-cache',
    title: 'Append && microdnf clean all',
    text: 'FROM fedora:40\nRUN microdnf install -y tar-1.34\n',
    fixed: 'FROM fedora:40\nRUN microdnf install -y tar-1.34 \\\n && microdnf clean all\n',
  },
  {
    name: 'ADD to COPY',
    rule: 'dockerfile/prefer-copy',
    title: 'Replace ADD with COPY',
    text: 'FROM alpine:3.20\nADD app.py /app/\n',
    fixed: 'FROM alpine:3.20\nCOPY app.py /app/\n',
  },
  {
    name: 'shell form to JSON',
    rule: 'dockerfile/json-exec-form',
    title: 'Rewrite as',
    text: 'FROM node:20\nCMD node server.js --port=3000\n',
    fixed: 'FROM node:20\nCMD ["node", "server.js", "--port=3000"]\n',
  },
  {
    name: 'non-root user on Debian',
    rule: 'dockerfile/non-root-user',
    title: 'Create a non-root user',
    text: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n',
    fixed:
      'FROM python:3.12-slim\nCOPY app.py /app/\nRUN useradd --create-home --uid 10001 app\nUSER app\nCMD ["python", "/app/app.py"]\n',
  },
  {
    name: 'non-root user on Alpine',
    rule: 'dockerfile/non-root-user',
    title: 'Create a non-root user',
    text: 'FROM alpine:3.20\nENTRYPOINT ["/app"]\n',
    fixed: 'FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER app\nENTRYPOINT ["/app"]\n',
  },
  {
    name: 'pipefail SHELL for Debian',
    rule: 'dockerfile/pipefail',
    title: 'Insert SHELL',
    text: 'FROM debian:12\nRUN wget -qO- https://x.example | tar xz\n',
    fixed: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://x.example | tar xz\n',
  },
  {
    name: 'pipefail SHELL for Alpine',
    rule: 'dockerfile/pipefail',
    title: 'Insert SHELL',
    text: 'FROM alpine:3.20\nRUN wget -qO- https://x.example | tar xz\n',
    fixed: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://x.example | tar xz\n',
  },
  {
    name: 'dependency cache order for npm',
    rule: 'dockerfile/dependency-cache-order',
    title: 'Copy package*.json',
    text: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\n',
    fixed: 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
  },
  {
    name: 'dependency cache order for pip into a folder',
    rule: 'dockerfile/dependency-cache-order',
    title: 'Copy requirements',
    text: 'FROM python:3.12\nCOPY . /app\nRUN pip install --no-cache-dir \\\n    -r /app/requirements.txt\n',
    fixed:
      'FROM python:3.12\nCOPY requirements*.txt /app/\nRUN pip install --no-cache-dir \\\n    -r /app/requirements.txt\nCOPY . /app\n',
  },
  {
    name: 'npm install to npm ci',
    rule: 'dockerfile/npm-ci',
    title: 'npm ci',
    text: 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm install\n',
    fixed: 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\n',
  },
  {
    name: 'MAINTAINER to LABEL',
    rule: 'dockerfile/deprecated-maintainer',
    title: 'LABEL',
    text: 'FROM alpine:3.20\nMAINTAINER Jane "JD" Doe\n',
    fixed: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane \\"JD\\" Doe"\n',
  },
  {
    name: 'legacy ENV',
    rule: 'dockerfile/legacy-env-format',
    title: 'Write',
    text: 'FROM alpine:3.20\nENV GREETING hello world\n',
    fixed: 'FROM alpine:3.20\nENV GREETING="hello world"\n',
  },
  {
    name: 'casing',
    rule: 'dockerfile/casing',
    title: 'Write',
    text: 'FROM alpine:3.20 as build\n',
    fixed: 'FROM alpine:3.20 AS build\n',
  },
];

describe('dockerfile quick fixes', () => {
  for (const c of cases) {
    test(c.name, () => assert.equal(applyFix(PATH, c.text, c.rule, c.title, { files: c.files }), c.fixed));
  }

  test('no cache-order fix when the RUN also builds', () => {
    const text = 'FROM node:20\nCOPY . .\nRUN npm ci && npm run build\n';
    assert.throws(() => applyFix(PATH, text, 'dockerfile/dependency-cache-order', 'Copy package'), /no fix titled/);
  });

  test('no JSON rewrite for commands with shell syntax', () => {
    assert.throws(
      () => applyFix(PATH, 'FROM node:20\nCMD node server.js > /log 2>&1\n', 'dockerfile/json-exec-form', 'Rewrite as'),
      /no fix titled/,
    );
  });

  test('create a .dockerignore beside the Dockerfile', () => {
    const text = 'FROM node:20\nCOPY . .\n';
    const finding = lint(PATH, text).find((f) => f.ruleId === 'dockerfile/dockerignore');
    assert.ok(finding);
    const linter = new Linter(registry, { readFile: () => undefined, exists: () => false });
    linter.workspace.set(PATH, text);
    const fix = fixesFor(finding, linter.workspace.parsed(PATH)!).find((f) => f.title === 'Create a .dockerignore');
    assert.equal(fix?.createFiles?.[0].path, '/repo/.dockerignore');
    assert.match(fix!.createFiles![0].text, /^\.git$/m);
    assert.match(fix!.createFiles![0].text, /^node_modules$/m);
    assert.match(fix!.createFiles![0].text, /^\.env$/m);
  });
});
