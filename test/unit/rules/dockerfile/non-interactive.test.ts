import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const run = (script: string) => `FROM debian:12\nRUN ${script}\n`;

describe('dockerfile/non-interactive', () => {
  checkCases(
    'dockerfile/non-interactive',
    '/repo/Dockerfile',
    [
      {
        name: 'apt-get install without -y',
        text: run('apt-get install curl'),
        want: [{ at: '2:13-2:20', token: 'install' }],
      },
      { name: 'apt install without -y', text: run('apt install curl'), want: ['install'] },
      { name: 'apt-get -y before install', text: run('apt-get -y install curl'), want: [] },
      {
        name: 'apt-get --yes, --assume-yes, -qq, bundle -yq',
        text: run(
          'apt-get install --yes a && apt-get install --assume-yes b && apt-get -qq install c && apt-get install -yq d',
        ),
        want: [],
      },
      { name: 'apt-get -q -q', text: run('apt-get -q -q install curl'), want: [] },
      { name: 'apt-get -q once still asks', text: run('apt-get -q install curl'), want: ['install'] },
      {
        name: 'apt-get -o APT::Get::Assume-Yes=true',
        text: run('apt-get -o APT::Get::Assume-Yes=true install curl'),
        want: [],
      },
      { name: 'apt-get install -s simulates', text: run('apt-get install -s curl'), want: [] },
      { name: 'apt-get update never asks', text: run('apt-get update'), want: [] },
      {
        name: 'DEBIAN_FRONTEND does not answer the prompt',
        text: run('DEBIAN_FRONTEND=noninteractive apt-get install curl'),
        want: ['install'],
      },
      { name: 'yum install', text: run('yum install httpd'), want: ['install'] },
      { name: 'yum groupinstall -y', text: run('yum groupinstall -y "Development Tools"'), want: [] },
      { name: 'yum --assumeyes', text: run('yum --assumeyes install httpd'), want: [] },
      { name: 'dnf install', text: run('dnf install httpd'), want: ['install'] },
      { name: 'dnf -y', text: run('dnf -y install httpd'), want: [] },
      { name: 'microdnf never asks', text: run('microdnf install httpd'), want: [] },
      { name: 'zypper install', text: run('zypper install httpd'), want: ['install'] },
      { name: 'zypper rm', text: run('zypper rm httpd'), want: ['rm'] },
      { name: 'zypper -n global option', text: run('zypper -n in httpd'), want: [] },
      { name: 'zypper --non-interactive', text: run('zypper --non-interactive install httpd'), want: [] },
      { name: 'zypper install -y', text: run('zypper install -y httpd'), want: [] },
      { name: 'zypper refresh never asks', text: run('zypper refresh'), want: [] },
    ],
    test,
  );
});
