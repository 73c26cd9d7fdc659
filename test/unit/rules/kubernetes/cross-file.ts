/** Other files of the workspace for the cross-file rule tables. */
export const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web, tier: frontend}
    spec:
      containers: [{name: app, image: "web:1"}]
`;
