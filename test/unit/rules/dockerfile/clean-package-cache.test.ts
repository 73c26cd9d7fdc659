import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const run = (script: string, from = 'fedora:40') => `FROM ${from}\nRUN ${script}\n`;

describe('dockerfile/clean-package-cache', () => {
  checkCases(
    'dockerfile/clean-package-cache',
    '/repo/Dockerfile',
    [
      {
        name: 'yum install without clean',
        text: run('yum install -y httpd-2.4.6'),
        want: [{ at: '2:9-2:16', token: 'install' }],
      },
      { name: 'yum clean all after', text: run('yum install -y httpd-2.4.6 && yum clean all'), want: [] },
      {
        name: 'yum clean before install does not help',
        text: run('yum clean all && yum install -y httpd-2.4.6'),
        want: ['install'],
      },
      { name: 'rm of the yum cache', text: run('yum install -y httpd-2.4.6 && rm -rf /var/cache/yum'), want: [] },
      {
        name: 'rm of the dnf cache before the install does not help',
        text: run('rm -rf /var/cache/libdnf5 && dnf install -y httpd-2.4.6'),
        want: ['install'],
      },
      { name: 'dnf without clean', text: run('dnf install -y httpd-2.4.6'), want: ['install'] },
      {
        name: 'microdnf is told to clean itself (ubi-minimal has no dnf)',
        text: run('microdnf install -y httpd-2.4.6'),
        want: ['install'],
      },
      { name: 'microdnf clean all', text: run('microdnf install -y httpd-2.4.6 && microdnf clean all'), want: [] },
      {
        name: 'dnf cache mount',
        text: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd-2.4.6\n',
        want: [],
      },
      { name: 'dnf5 cache removed', text: run('dnf5 install -y httpd-2.4.6 && rm -rf /var/cache/libdnf5*'), want: [] },
      { name: 'zypper without clean', text: run('zypper install -y httpd=2.4', 'opensuse/leap:15'), want: ['install'] },
      { name: 'zypper cc', text: run('zypper install -y httpd=2.4 && zypper cc', 'opensuse/leap:15'), want: [] },
      {
        name: 'zypper clean --all',
        text: run('zypper -n in httpd=2.4 && zypper clean --all', 'opensuse/leap:15'),
        want: [],
      },
      {
        name: 'yarn install without cache clean',
        text: run('yarn install --frozen-lockfile', 'node:20'),
        want: ['install'],
      },
      {
        name: 'yarn cache clean',
        text: run('yarn install --frozen-lockfile && yarn cache clean', 'node:20'),
        want: [],
      },
      {
        name: 'yarn cache mount',
        text: 'FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n',
        want: [],
      },
      { name: 'yarn build is no install', text: run('yarn build', 'node:20'), want: [] },
      {
        name: 'a build stage is not shipped',
        text: 'FROM node:20 AS build\nRUN yarn install && yarn build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
        want: [],
      },
      { name: 'yum search is no install', text: run('yum search httpd'), want: [] },
    ],
    test,
  );
});
