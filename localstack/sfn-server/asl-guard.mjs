// What the local Step Functions server cannot run faithfully. aws-local-stepfunctions silently ignores JSONata,
// variables and Distributed Map's ItemReader/ItemBatcher/ResultWriter/tolerated failures (wrong results, no
// error), and fails on the optimized `lambda:invoke` integration; the server serves only plain Lambda ARNs and
// SQS sendMessage (with or without .waitForTaskToken) as task resources. A definition using any of these is
// refused here with a precise list, instead of running differently from AWS.

const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$/;

export const SQS_SEND = 'arn:aws:states:::sqs:sendMessage';
export const SQS_SEND_WAIT = 'arn:aws:states:::sqs:sendMessage.waitForTaskToken';

/** How the server runs a task resource: 'lambda', 'sqs', 'sqs-wait', or null when it cannot. */
export function taskKind(resource) {
  if (typeof resource !== 'string') return null;
  if (LAMBDA_ARN.test(resource)) return 'lambda';
  if (resource === SQS_SEND) return 'sqs';
  if (resource === SQS_SEND_WAIT) return 'sqs-wait';
  return null;
}

const DISTRIBUTED_MAP_FIELDS = [
  'ItemReader',
  'ItemBatcher',
  'ResultWriter',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'Label',
];

/** Returns the list of problems (empty when the definition only uses what runs locally as on AWS). */
export function unsupportedConstructs(definition) {
  const problems = [];
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    return ['the definition is not a JSON object'];
  }
  checkMachine(definition, '', problems);
  return problems;
}

function checkMachine(machine, path, problems) {
  if (machine.QueryLanguage === 'JSONata') {
    problems.push(`${path || '/'}: QueryLanguage JSONata is not supported locally (use JSONPath)`);
  }
  for (const [name, state] of Object.entries(machine.States ?? {})) {
    checkState(name, state, `${path}/States/${name}`, problems);
  }
}

function checkState(name, state, path, problems) {
  if (state === null || typeof state !== 'object') return;
  if (state.QueryLanguage === 'JSONata') {
    problems.push(`${path}: QueryLanguage JSONata is not supported locally (use JSONPath)`);
  }
  for (const field of ['Arguments', 'Output', 'Assign']) {
    if (field in state) {
      problems.push(`${path}: field ${field} (JSONata / variables) is ignored by the local executor`);
    }
  }
  findJsonataExpressions(state, path, problems);
  if (state.Type === 'Task') {
    const resource = state.Resource;
    if (typeof resource === 'string' && resource.startsWith('arn:aws:states:::lambda:invoke')) {
      problems.push(
        `${path}: Resource ${resource} (the optimized Lambda integration) fails locally; use the plain Lambda function ARN`,
      );
    } else if (taskKind(resource) === null) {
      problems.push(
        `${path}: Resource ${JSON.stringify(resource)} is not served locally (plain Lambda ARNs, ${SQS_SEND} and ${SQS_SEND_WAIT} are)`,
      );
    }
    if ('HeartbeatSecondsPath' in state) {
      problems.push(`${path}: HeartbeatSecondsPath is not enforced locally; use HeartbeatSeconds`);
    }
    if ('Credentials' in state) {
      problems.push(`${path}: Credentials (cross-account tasks) are not supported locally`);
    }
  }
  if (state.Type === 'Map') {
    for (const field of DISTRIBUTED_MAP_FIELDS) {
      if (field in state) {
        problems.push(`${path}: Map field ${field} (Distributed Map) is ignored by the local executor`);
      }
    }
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor?.ProcessorConfig?.Mode === 'DISTRIBUTED') {
      problems.push(`${path}: ItemProcessor.ProcessorConfig.Mode DISTRIBUTED is not supported locally (use INLINE)`);
    }
    if (processor) {
      checkMachine(processor, `${path}/${state.ItemProcessor ? 'ItemProcessor' : 'Iterator'}`, problems);
    }
  }
  if (state.Type === 'Parallel') {
    (state.Branches ?? []).forEach((branch, i) => checkMachine(branch, `${path}/Branches/${i}`, problems));
  }
}

function findJsonataExpressions(value, path, problems) {
  if (typeof value === 'string') {
    if (/^\{%[\s\S]*%\}$/.test(value.trim())) {
      problems.push(`${path}: JSONata expression ${value} is not evaluated locally`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findJsonataExpressions(item, `${path}/${i}`, problems));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'States' || key === 'ItemProcessor' || key === 'Iterator' || key === 'Branches') continue;
      findJsonataExpressions(item, `${path}/${key}`, problems);
    }
  }
}
