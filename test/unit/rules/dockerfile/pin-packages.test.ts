import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const run = (script: string) => `FROM debian:12\nRUN ${script}\n`;

describe('dockerfile/pin-packages', () => {
  checkCases(
    'dockerfile/pin-packages',
    '/repo/Dockerfile',
    [
      { name: 'pipx install unpinned', text: run('pipx install black'), want: ['black'] },
      { name: 'pipx install pinned', text: run('pipx install black==24.4.2'), want: [] },
      {
        name: 'gem build options after --',
        text: run('gem install nokogiri:1.16.5 -- --use-system-libraries true'),
        want: [],
      },
      // go (DL3062)
      {
        name: 'go get without a version',
        text: run('go get github.com/example/tool'),
        want: [{ at: '2:12-2:35', token: 'github.com/example/tool' }],
      },
      {
        name: 'go install @latest',
        text: run('go install -ldflags "-s -w" github.com/example/tool/cmd/x@latest'),
        want: ['github.com/example/tool/cmd/x@latest'],
      },
      {
        name: 'go run @latest',
        text: run('go run golang.org/x/tools/cmd/stringer@latest -type=Kind'),
        want: ['golang.org/x/tools/cmd/stringer@latest'],
      },
      { name: 'go install pinned', text: run('go install github.com/example/tool@v1.2.3'), want: [] },
      { name: 'go get @none removes a dependency', text: run('go get github.com/example/tool@none'), want: [] },
      {
        name: 'go install of a package of the main module',
        text: run('go install github.com/example/app/cmd/server'),
        want: [],
      },
      {
        name: 'go local paths and patterns',
        text: run('go get -d -v ./... && go install . && go run main.go'),
        want: [],
      },
      { name: 'go mod download', text: run('go mod download'), want: [] },
      { name: 'go get with no package', text: run('go get'), want: [] },
      {
        name: 'go managers option off',
        text: run('go get github.com/example/tool'),
        want: [],
        options: { settings: { 'dockerfile/pin-packages': { options: { managers: ['apt'] } } } },
      },
      // apt (DL3008)
      {
        name: 'apt-get install unpinned',
        text: run('apt-get install -y curl'),
        want: [{ at: '2:24-2:28', token: 'curl' }],
      },
      { name: 'apt-get install pinned', text: run('apt-get install -y curl=7.88.1-10'), want: [] },
      {
        name: 'apt release pin',
        text: run('apt-get install -y -t bookworm-backports git/bookworm-backports'),
        want: [],
      },
      {
        name: 'apt value option is not a package',
        text: run('apt-get install -y -o Dpkg::Options::=--force-confold vim=2:9.0'),
        want: [],
      },
      { name: 'a local .deb', text: run('apt install -y ./tool.deb'), want: [] },
      { name: 'apt-get install -s only simulates', text: run('apt-get install -s curl'), want: [] },
      { name: 'apt-get update is no install', text: run('apt-get update'), want: [] },
      { name: 'a variable may carry the version', text: run('apt-get install -y curl=$CURL_VERSION $EXTRA'), want: [] },
      { name: 'two of three unpinned', text: run('apt-get install -y a=1 b c'), want: ['b', 'c'] },
      // pip (DL3013)
      { name: 'pip install unpinned', text: run('pip install --no-cache-dir flask'), want: ['flask'] },
      { name: 'pip pinned forms', text: run('pip install "flask==3.0" "x>=1" "y~=2.1" z!=3'), want: [] },
      { name: 'pip requirements file', text: run('pip install -r requirements.txt'), want: [] },
      { name: 'pip constraints', text: run('pip install -c constraints.txt flask'), want: [] },
      { name: 'pip install of the project', text: run('pip install .'), want: [] },
      { name: 'pip editable value is a path', text: run('pip install -e ./lib'), want: [] },
      { name: 'pip wheel file', text: run('pip install dist/app-1.0-py3-none-any.whl'), want: [] },
      {
        name: 'pip vcs without ref',
        text: run('pip install git+https://github.com/org/repo.git'),
        want: ['git+https://github.com/org/repo.git'],
      },
      { name: 'pip vcs with ref', text: run('pip install git+https://github.com/org/repo.git@v1.2'), want: [] },
      { name: 'python -m pip', text: run('python3 -m pip install --upgrade pip'), want: ['pip'] },
      { name: 'pip index url value', text: run('pip install -i https://pypi.example/simple flask==3'), want: [] },
      // npm (DL3016)
      { name: 'npm install -g unpinned', text: run('npm install -g typescript'), want: ['typescript'] },
      { name: 'npm pinned and scoped', text: run('npm install -g typescript@5.4 @angular/cli@17'), want: [] },
      { name: 'npm scoped unpinned', text: run('npm i -g @angular/cli'), want: ['@angular/cli'] },
      { name: 'npm install from package.json', text: run('npm install'), want: [] },
      { name: 'npm ci', text: run('npm ci'), want: [] },
      {
        name: 'npm git without commit',
        text: run('npm install git+https://github.com/org/repo.git'),
        want: ['git+https://github.com/org/repo.git'],
      },
      {
        name: 'npm git with commit, tarball, folder',
        text: run('npm install git+https://g.com/o/r.git#abc pkg.tgz ./local'),
        want: [],
      },
      { name: 'npm registry value', text: run('npm install --registry https://r.example x@1'), want: [] },
      // apk (DL3018)
      { name: 'apk add unpinned', text: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', want: ['curl'] },
      { name: 'apk add pinned', text: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.0-r0 git~2.45\n', want: [] },
      {
        name: 'apk virtual name is no package',
        text: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0\n',
        want: [],
      },
      // gem (DL3028)
      { name: 'gem install unpinned', text: run('gem install --no-document bundler'), want: ['bundler'] },
      { name: 'gem pinned', text: run('gem install bundler:2.5.6'), want: [] },
      { name: 'gem -v', text: run('gem install bundler -v 2.5.6'), want: [] },
      { name: 'gem install dir value', text: run('gem install -i /opt/gems rake:13.0'), want: [] },
      // yum, dnf, zypper (DL3033, DL3041, DL3037)
      { name: 'yum unpinned', text: run('yum install -y httpd'), want: ['httpd'] },
      { name: 'yum pinned', text: run('yum install -y httpd-2.4.6 nginx-1:1.20.1-10.el9'), want: [] },
      { name: 'yum name with dash but no version', text: run('yum install -y epel-release'), want: ['epel-release'] },
      { name: 'yum group', text: run('yum install -y @development'), want: [] },
      { name: 'dnf module stream', text: run('dnf module install -y nodejs:18'), want: [] },
      { name: 'dnf module unpinned', text: run('dnf module install -y nodejs'), want: ['nodejs'] },
      { name: 'microdnf unpinned', text: run('microdnf install -y tar'), want: ['tar'] },
      { name: 'dnf rpm file', text: run('dnf install -y https://example.com/x-latest.noarch.rpm'), want: [] },
      { name: 'dnf enablerepo value', text: run('dnf install -y --enablerepo crb gcc-11.4.1'), want: [] },
      { name: 'zypper unpinned', text: run('zypper --non-interactive in git'), want: ['git'] },
      { name: 'zypper pinned', text: run('zypper install -y "git>=2.40" vim=9.0'), want: [] },
      {
        name: 'managers option limits the check',
        text: run('apt-get install -y curl && pip install flask'),
        want: ['flask'],
        options: { settings: { 'dockerfile/pin-packages': { severity: 'info', options: { managers: ['pip'] } } } },
      },
    ],
    test,
  );
});
