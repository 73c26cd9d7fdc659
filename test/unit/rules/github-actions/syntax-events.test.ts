import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const on = (events: string) => `on:\n${events}jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`;

describe('github-actions/syntax: event configuration', () => {
  checkCases(
    'github-actions/syntax',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'IANA time zones',
        text: on(
          "  schedule:\n    - cron: '0 1 * * *'\n      timezone: Europe/Paris\n    - cron: '0 2 * * *'\n      timezone: UTC\n",
        ),
        want: [],
      },
      {
        name: 'a time zone that does not exist',
        text: on(
          "  schedule:\n    - cron: '0 1 * * *'\n      timezone: Europe/Atlantis\n    - cron: '0 2 * * *'\n      timezone: local\n",
        ),
        want: [
          { at: '4:17-4:32', token: 'Europe/Atlantis' },
          { at: '6:17-6:22', token: 'local' },
        ],
      },
      {
        name: 'a schedule named without its cron times: alone, or in a list of events',
        text: 'on: schedule\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
        want: [{ at: '1:5-1:13', token: 'schedule' }],
      },
      {
        name: 'schedule in a list of events',
        text: 'on: [push, schedule]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
        want: [{ at: '1:12-1:20', token: 'schedule' }],
      },
      {
        name: 'events named in a list, and a schedule with its times',
        text: on("  push:\n  schedule:\n    - cron: '0 1 * * *'\n"),
        want: [],
      },
      {
        name: 'input defaults that are not of the input type, also after an input the parser stops at',
        text: on(
          "  workflow_call:\n    inputs:\n      early:\n      flag:\n        type: boolean\n        default: 123\n      quoted:\n        type: boolean\n        default: 'true'\n      count:\n        type: number\n        default: many\n  workflow_dispatch:\n    inputs:\n      dry:\n        type: boolean\n        default: yes\n",
        ),
        want: [
          { at: '4:7-4:12', token: 'early' },
          { at: '7:18-7:21', token: '123' },
          { at: '10:18-10:24', token: "'true'" },
          { at: '13:18-13:22', token: 'many' },
          { at: '18:18-18:21', token: 'yes' },
        ],
      },
      {
        name: 'boolean and number defaults of the right type, and expressions (workflow_call takes them)',
        text: on(
          '  workflow_dispatch:\n    inputs:\n      dry:\n        type: boolean\n        default: false\n      n:\n        type: number\n        default: 2.5\n  workflow_call:\n    inputs:\n      e:\n        type: boolean\n        default: ${{ false }}\n',
        ),
        want: [],
      },
      {
        name: 'a required input with a default',
        text: on(
          '  workflow_call:\n    inputs:\n      env:\n        type: string\n        required: true\n        default: dev\n',
        ),
        want: [{ at: '7:18-7:21', token: 'dev', severity: 'warning' }],
      },
      {
        name: 'a required dispatch input with a default (it pre-fills the form)',
        text: on('  workflow_dispatch:\n    inputs:\n      env:\n        required: true\n        default: dev\n'),
        want: [],
      },
      {
        name: 'an optional input with a default, a required one without',
        text: on(
          '  workflow_dispatch:\n    inputs:\n      env:\n        default: dev\n      tag:\n        required: true\n',
        ),
        want: [],
      },
      {
        name: 'a reusable workflow input without a type, an output without a value',
        text: on(
          '  workflow_call:\n    inputs:\n      env:\n        description: where\n      tag:\n        type: string\n      bare:\n    outputs:\n      url:\n        description: the url\n      none:\n',
        ),
        want: [
          { at: '4:7-4:10', token: 'env' },
          { at: '8:7-8:11', token: 'bare' },
          { at: '10:7-10:10', token: 'url' },
          { at: '12:7-12:11', token: 'none' },
        ],
      },
      {
        name: 'options on an input that is not a choice are reported on the input',
        text: on('  workflow_dispatch:\n    inputs:\n      env:\n        type: string\n        options: [a, b]\n'),
        want: [{ at: '4:7-4:10', token: 'env' }],
      },
    ],
    test,
  );
});
