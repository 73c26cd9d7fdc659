import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const job = (run: string, extra = '') =>
  `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n${extra}    steps:\n      - run: ${run}\n`;

describe('github-actions/deploy-environment', () => {
  checkCases(
    'github-actions/deploy-environment',
    '/repo/.github/workflows/cd.yml',
    [
      {
        name: 'kubectl apply',
        text: job('kubectl apply -f k8s/'),
        want: [{ at: '6:14-6:27', token: 'kubectl apply' }],
      },
      {
        name: 'helm upgrade in a block',
        text: job('|\n          helm repo update\n          helm upgrade --install app ./chart'),
        want: ['helm upgrade'],
      },
      { name: 'terraform apply', text: job('terraform apply -auto-approve'), want: ['terraform apply'] },
      {
        name: 'docker push of a production tag',
        text: job('docker push ghcr.io/me/app:latest'),
        want: ['docker push ghcr.io/me/app:latest'],
      },
      { name: 'with an environment', text: job('kubectl apply -f k8s/', '    environment: production\n'), want: [] },
      { name: 'dry run and plan', text: job('kubectl apply --dry-run=client -f k8s/ && terraform plan'), want: [] },
      {
        name: 'local test cluster',
        text: job('|\n          kind create cluster\n          kubectl apply -f k8s/'),
        want: [],
      },
      { name: 'docker push of a version tag', text: job('docker push ghcr.io/me/app:1.2.3'), want: [] },
    ],
    test,
  );
});
