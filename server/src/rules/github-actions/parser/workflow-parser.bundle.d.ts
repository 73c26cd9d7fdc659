// Types of workflow-parser.bundle.js, taken from the installed packages it was built from.
export { parseWorkflow, NoOperationTraceWriter, convertWorkflowTemplate } from '@actions/workflow-parser';
export { ErrorPolicy } from '@actions/workflow-parser/model/convert';
export { parseAction } from '@actions/workflow-parser/actions/action-parser';
export { hasCronIntervalLessThan5Minutes } from '@actions/workflow-parser/model/converter/cron';
