// Types of workflow-parser.bundle.js, taken from the installed packages it was built from.
export { parseWorkflow, NoOperationTraceWriter, convertWorkflowTemplate } from '@actions/workflow-parser';
export { ErrorPolicy } from '@actions/workflow-parser/model/convert';
export { parseAction } from '@actions/workflow-parser/actions/action-parser';
export { hasCronIntervalLessThan5Minutes } from '@actions/workflow-parser/model/converter/cron';
export { TemplateContext, TemplateValidationErrors } from '@actions/workflow-parser/templates/template-context';
export { readTemplate } from '@actions/workflow-parser/templates/template-reader';
export { YamlObjectReader } from '@actions/workflow-parser/workflows/yaml-object-reader';
export { WORKFLOW_ROOT } from '@actions/workflow-parser/workflows/workflow-constants';
export { getWorkflowSchema } from '@actions/workflow-parser/workflows/workflow-schema';
export { ACTION_ROOT } from '@actions/workflow-parser/actions/action-constants';
export { getActionSchema } from '@actions/workflow-parser/actions/action-schema';
