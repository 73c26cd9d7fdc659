import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/insecure-download', () => {
  checkCases(
    'dockerfile/insecure-download',
    '/repo/Dockerfile',
    [
      {
        name: 'curl -k',
        text: 'FROM debian:12\nRUN curl -k https://x.example\n',
        want: [{ at: '2:10-2:12', token: '-k' }],
      },
      { name: 'curl bundled -fsSLk', text: 'FROM debian:12\nRUN curl -fsSLk https://x.example\n', want: ['-fsSLk'] },
      {
        name: 'curl --insecure',
        text: 'FROM debian:12\nRUN curl --insecure https://x.example\n',
        want: ['--insecure'],
      },
      {
        name: 'wget',
        text: 'FROM debian:12\nRUN wget --no-check-certificate https://x.example\n',
        want: ['--no-check-certificate'],
      },
      {
        name: 'pip trusted host',
        text: 'FROM python:3.12\nRUN pip install --trusted-host pypi.example flask\n',
        want: ['--trusted-host'],
      },
      { name: 'npm strict-ssl', text: 'FROM node:20\nRUN npm config set strict-ssl false\n', want: ['strict-ssl'] },
      {
        name: 'git -c sslVerify',
        text: 'FROM debian:12\nRUN git -c http.sslVerify=false clone https://x.example/r.git\n',
        want: ['http.sslVerify=false'],
      },
      {
        name: 'apk allow-untrusted from a repository',
        text: 'FROM alpine:3.20\nRUN apk add --allow-untrusted --repository http://dl.example.com/alpine/edge x\n',
        want: ['--allow-untrusted'],
      },
      {
        name: 'apk allow-untrusted for a named package (from the configured repositories)',
        text: 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted x /tmp/y.apk\n',
        want: ['--allow-untrusted'],
      },
      {
        name: 'apk allow-untrusted on local .apk files built or copied into the image: nothing is downloaded',
        text: 'FROM alpine:3.20\nCOPY packages/ /tmp/packages/\nRUN apk add --no-cache --allow-untrusted /tmp/packages/*.apk "$HOME/extra-$VERSION.apk"\n',
        want: [],
      },
      {
        name: 'apk allow-untrusted on an .apk URL is a download',
        text: 'FROM alpine:3.20\nRUN apk add --allow-untrusted https://example.com/x.apk\n',
        want: ['--allow-untrusted'],
      },
      {
        name: 'apt allow-unauthenticated',
        text: 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated x\n',
        want: ['--allow-unauthenticated'],
      },
      {
        name: 'ENV NODE_TLS_REJECT_UNAUTHORIZED=0',
        text: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n',
        want: ['NODE_TLS_REJECT_UNAUTHORIZED=0'],
      },
      { name: 'curl -o is not -k', text: 'FROM debian:12\nRUN curl -fsSLo /tmp/x https://x.example\n', want: [] },
      { name: 'wget -k converts links, not TLS', text: 'FROM debian:12\nRUN wget -k https://x.example\n', want: [] },
      { name: 'NODE_TLS_REJECT_UNAUTHORIZED=1', text: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n', want: [] },
      { name: 'strict-ssl true', text: 'FROM node:20\nRUN npm config set strict-ssl true\n', want: [] },
    ],
    test,
  );
});
