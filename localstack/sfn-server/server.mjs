// The local Step Functions endpoint: the Step Functions JSON 1.0 API (POST /, X-Amz-Target:
// AWSStepFunctions.<Operation>, application/x-amz-json-1.0) on 127.0.0.1, executing state machines with the
// aws-local-stepfunctions library, which answers no API itself.
//
//   node server.mjs [port]          prints "LISTENING <port>" once it accepts connections
//
// Environment: AWS_ENDPOINT_URL_LAMBDA (Lambda tasks), AWS_ENDPOINT_URL_SQS (sqs:sendMessage tasks), AWS_REGION,
// AWS credentials; LTB_SFN_TIME_SCALE (default 1) multiplies Retry intervals and Wait durations, for tests.
//
// Task resources: a plain Lambda function ARN is invoked through the Lambda Invoke API (errors become the
// function's errorType, with the error payload as Cause, as on AWS); `sqs:sendMessage` sends the message;
// `sqs:sendMessage.waitForTaskToken` sends it with a freshly minted task token in place of `$$.Task.Token` and
// waits for SendTaskSuccess/SendTaskFailure, enforcing HeartbeatSeconds (States.HeartbeatTimeout) and
// TimeoutSeconds (States.Timeout). Everything else, and what the library would silently ignore, is refused at
// CreateStateMachine (see asl-guard.mjs).
import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { StateMachine, ExecutionError, ExecutionTimeoutError } from 'aws-local-stepfunctions';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
import { unsupportedConstructs, taskKind } from './asl-guard.mjs';
import { exitWithParent } from '../node/exit-with-parent.mjs';

const REGION = process.env.AWS_REGION ?? 'us-east-1';
const ACCOUNT = process.env.LTB_ACCOUNT_ID ?? '000000000000';
const TIME_SCALE = Number(process.env.LTB_SFN_TIME_SCALE ?? '1');
const PAYLOAD_LIMIT = 262144; // characters, the Step Functions quota for inputs, outputs and task results
const MAX_TIMER_SECONDS = 2147483; // setTimeout's limit, standing in for AWS's "no task timeout"
const TOKEN_SENTINEL = `ltb-local-task-token-${randomUUID()}`;

const lambda = new LambdaClient({ region: REGION, maxAttempts: 1 });
const sqs = new SQSClient({ region: REGION, useQueueUrlAsEndpoint: false });

/** name -> { arn, name, definition (string), program (rewritten object), tasks, roleArn, type, creationDate } */
const stateMachines = new Map();
/** executionArn -> execution record */
const executions = new Map();
/** task token -> { execution, stateName, closed, resolve, reject, heartbeatMs, timers } */
const tokens = new Map();

class ApiError extends Error {
  constructor(type, message, status = 400) {
    super(message);
    this.type = type;
    this.status = status;
  }
}

/** An error a Task state fails with: `name` is what Retry/Catch match, `message` becomes the Cause. */
function taskError(name, cause) {
  const error = new Error(cause);
  error.name = name;
  return error;
}

const now = () => Date.now() / 1000;

// ---------------------------------------------------------------------------------------------------------
// Definitions

/**
 * Prepares a validated definition for the library: tasks without a timeout get the longest one a timer can
 * hold (the library would otherwise fail them after 60 s; AWS has none), and where a task has HeartbeatSeconds,
 * Retry/Catch rules matching States.Timeout also match States.HeartbeatTimeout (as on AWS, where a heartbeat
 * timeout is a kind of timeout). Collects every Task state's runner by state name.
 */
function prepare(definition) {
  const program = structuredClone(definition);
  const tasks = new Map();
  const visit = (machine) => {
    for (const [name, state] of Object.entries(machine.States ?? {})) {
      if (state.Type === 'Task') {
        if (state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined) {
          state.TimeoutSeconds = MAX_TIMER_SECONDS;
        }
        if (state.HeartbeatSeconds !== undefined) {
          for (const rule of [...(state.Retry ?? []), ...(state.Catch ?? [])]) {
            if (rule.ErrorEquals.includes('States.Timeout') && !rule.ErrorEquals.includes('States.HeartbeatTimeout')) {
              rule.ErrorEquals.push('States.HeartbeatTimeout');
            }
          }
        }
        const task = {
          kind: taskKind(state.Resource),
          resource: state.Resource,
          heartbeatSeconds: state.HeartbeatSeconds,
          timeoutSeconds: state.TimeoutSeconds,
        };
        const known = tasks.get(name);
        if (known && known.resource !== task.resource) {
          throw new ApiError('InvalidDefinition', `Two Task states are named '${name}' with different resources`);
        }
        tasks.set(name, task);
      } else if (state.Type === 'Map') {
        visit(state.ItemProcessor ?? state.Iterator ?? {});
      } else if (state.Type === 'Parallel') {
        (state.Branches ?? []).forEach(visit);
      }
    }
  };
  visit(program);
  return { program, tasks };
}

function parseDefinition(text) {
  let definition;
  try {
    definition = JSON.parse(text);
  } catch (e) {
    throw new ApiError('InvalidDefinition', `Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: ${e.message}'`);
  }
  const problems = unsupportedConstructs(definition);
  if (problems.length > 0) {
    throw new ApiError('InvalidDefinition', `Not supported by the local Step Functions server: ${problems.join('; ')}`);
  }
  try {
    new StateMachine(definition); // validates with asl-validator, as the library does before any run
  } catch (e) {
    throw new ApiError('InvalidDefinition', `Invalid State Machine Definition: '${e.message}'`);
  }
  return definition;
}

// ---------------------------------------------------------------------------------------------------------
// Task runners

function runnerFor(task, stateName, execution) {
  switch (task.kind) {
    case 'lambda':
      return (input) => invokeLambda(task.resource, input);
    case 'sqs':
      return (input) => sendMessage(input);
    case 'sqs-wait':
      return (input) => sendAndWaitForToken(task, stateName, execution, input);
    default:
      return () => {
        throw taskError('States.Runtime', `Resource ${task.resource} is not served locally`);
      };
  }
}

function checkSize(value, what) {
  const text = JSON.stringify(value ?? null);
  if (text.length > PAYLOAD_LIMIT) {
    throw taskError('States.DataLimitExceeded', `${what} of ${text.length} characters exceeds the ${PAYLOAD_LIMIT}-character quota`);
  }
  return text;
}

async function invokeLambda(functionArn, input) {
  let response;
  try {
    response = await lambda.send(
      new InvokeCommand({ FunctionName: functionArn, Payload: Buffer.from(JSON.stringify(input ?? null)) }),
    );
  } catch (e) {
    throw taskError(`Lambda.${e.name ?? 'Unknown'}`, e.message ?? String(e));
  }
  const text = response.Payload && response.Payload.length > 0 ? Buffer.from(response.Payload).toString('utf8') : 'null';
  if (response.FunctionError) {
    let type = 'Lambda.Unknown';
    try {
      type = JSON.parse(text)?.errorType ?? type;
    } catch {
      // not JSON: keep Lambda.Unknown
    }
    throw taskError(type, text);
  }
  if (text.length > PAYLOAD_LIMIT) {
    throw taskError('States.DataLimitExceeded', `The Lambda result of ${text.length} characters exceeds the ${PAYLOAD_LIMIT}-character quota`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw taskError('States.Runtime', `The Lambda result is not JSON: ${text.slice(0, 200)}`);
  }
}

async function sendMessage(params) {
  if (!params || typeof params.QueueUrl !== 'string' || params.MessageBody === undefined) {
    throw taskError('States.Runtime', 'sqs:sendMessage needs Parameters with QueueUrl and MessageBody');
  }
  const body = typeof params.MessageBody === 'string' ? params.MessageBody : JSON.stringify(params.MessageBody);
  try {
    const result = await sqs.send(
      new SendMessageCommand({
        QueueUrl: params.QueueUrl,
        MessageBody: body,
        DelaySeconds: params.DelaySeconds,
        MessageAttributes: params.MessageAttributes,
        MessageGroupId: params.MessageGroupId,
        MessageDeduplicationId: params.MessageDeduplicationId,
      }),
    );
    return { MessageId: result.MessageId, MD5OfMessageBody: result.MD5OfMessageBody };
  } catch (e) {
    throw taskError(`SQS.${e.name ?? 'SdkClientException'}`, e.message ?? String(e));
  }
}

function mintToken() {
  // Opaque and unguessable like AWS's tokens (which are also long base64 strings).
  return `AQ${randomBytes(96).toString('base64')}`;
}

function withToken(value, token) {
  if (typeof value === 'string') return value.includes(TOKEN_SENTINEL) ? value.replaceAll(TOKEN_SENTINEL, token) : value;
  if (Array.isArray(value)) return value.map((v) => withToken(v, token));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withToken(v, token)]));
  }
  return value;
}

function sendAndWaitForToken(task, stateName, execution, input) {
  const token = mintToken();
  const params = withToken(input, token);
  if (JSON.stringify(params) === JSON.stringify(input)) {
    console.error(`state '${stateName}' of ${execution.executionArn} passes no $$.Task.Token: it can only time out`);
  }
  const { promise, resolve, reject } = Promise.withResolvers();
  const entry = { token, execution, stateName, closed: false, resolve, reject, heartbeatMs: null, timers: {} };
  tokens.set(token, entry);
  execution.openTokens.add(entry);
  if (task.heartbeatSeconds) {
    entry.heartbeatMs = task.heartbeatSeconds * 1000;
    armHeartbeat(entry);
  }
  if (task.timeoutSeconds && task.timeoutSeconds < MAX_TIMER_SECONDS) {
    // The library rejects the task with States.Timeout at TimeoutSeconds; this only closes the token just after.
    entry.timers.timeout = setTimeout(
      () => closeToken(entry, taskError('States.Timeout', 'TimeoutSeconds elapsed')),
      task.timeoutSeconds * 1000 + 50,
    );
  }
  sendMessage(params).catch((error) => closeToken(entry, error));
  return promise;
}

function armHeartbeat(entry) {
  clearTimeout(entry.timers.heartbeat);
  entry.timers.heartbeat = setTimeout(
    () => closeToken(entry, taskError('States.HeartbeatTimeout', `No heartbeat within ${entry.heartbeatMs / 1000} s`)),
    entry.heartbeatMs,
  );
}

function closeToken(entry, error, result) {
  if (entry.closed) return;
  entry.closed = true;
  clearTimeout(entry.timers.heartbeat);
  clearTimeout(entry.timers.timeout);
  entry.execution.openTokens.delete(entry);
  if (error) entry.reject(error);
  else entry.resolve(result);
}

// ---------------------------------------------------------------------------------------------------------
// Executions

function startExecution(machine, name, inputText) {
  const executionArn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:${machine.name}:${name}`;
  const execution = {
    executionArn,
    stateMachineArn: machine.arn,
    name,
    input: inputText,
    status: 'RUNNING',
    startDate: now(),
    stopDate: undefined,
    output: undefined,
    error: undefined,
    cause: undefined,
    openTokens: new Set(),
    abort: () => {},
  };
  executions.set(executionArn, execution);
  const handlers = {};
  for (const [stateName, task] of machine.tasks) {
    handlers[stateName] = runnerFor(task, stateName, execution);
  }
  const context = {
    Execution: { Id: executionArn, Name: name, RoleArn: machine.roleArn },
    StateMachine: { Id: machine.arn, Name: machine.name },
    Task: { Token: TOKEN_SENTINEL },
  };
  const overrides = { taskResourceLocalHandlers: handlers };
  if (TIME_SCALE !== 1) {
    overrides.retryIntervalOverrides = machine.retryOverrides;
    overrides.waitTimeOverrides = machine.waitOverrides;
  }
  const run = new StateMachine(machine.program, { validationOptions: { noValidate: true } }).run(JSON.parse(inputText), {
    overrides,
    context,
    noThrowOnAbort: true,
  });
  execution.abort = run.abort;
  run.result.then(
    (output) => {
      if (execution.status !== 'RUNNING') return;
      const text = JSON.stringify(output ?? null);
      if (text.length > PAYLOAD_LIMIT) {
        finish(execution, 'FAILED', { error: 'States.DataLimitExceeded', cause: `The execution output of ${text.length} characters exceeds the quota` });
      } else {
        finish(execution, 'SUCCEEDED', { output: text });
      }
    },
    (failure) => {
      if (execution.status !== 'RUNNING') return;
      if (failure instanceof ExecutionTimeoutError) {
        finish(execution, 'TIMED_OUT', { error: 'States.Timeout', cause: 'The execution ran longer than its TimeoutSeconds' });
      } else {
        const cause = failure instanceof ExecutionError ? failure.cause : failure;
        finish(execution, 'FAILED', { error: cause?.name ?? 'States.Runtime', cause: cause?.message ?? String(failure) });
      }
    },
  );
  return execution;
}

function finish(execution, status, { output, error, cause } = {}) {
  execution.status = status;
  execution.stopDate = now();
  execution.output = output;
  execution.error = error;
  execution.cause = cause;
  for (const entry of [...execution.openTokens]) {
    closeToken(entry, taskError('States.Runtime', `Execution ${status}`));
  }
  if (status !== 'SUCCEEDED') {
    console.log(`execution ${execution.name} ${status}${error ? `: ${error}: ${String(cause).slice(0, 500)}` : ''}`);
  }
}

function timeOverrides(program) {
  const retryOverrides = {};
  const waitOverrides = {};
  const visit = (machine) => {
    for (const [name, state] of Object.entries(machine.States ?? {})) {
      if (Array.isArray(state.Retry)) {
        retryOverrides[name] = state.Retry.map((r) => Math.round((r.IntervalSeconds ?? 1) * 1000 * TIME_SCALE));
      }
      if (state.Type === 'Wait' && typeof state.Seconds === 'number') {
        waitOverrides[name] = Math.round(state.Seconds * 1000 * TIME_SCALE);
      }
      if (state.Type === 'Map') visit(state.ItemProcessor ?? state.Iterator ?? {});
      if (state.Type === 'Parallel') (state.Branches ?? []).forEach(visit);
    }
  };
  visit(program);
  return { retryOverrides, waitOverrides };
}

// ---------------------------------------------------------------------------------------------------------
// The API

const NAME = /^[A-Za-z0-9_-]{1,80}$/;

function required(body, field) {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    throw new ApiError('ValidationException', `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

function machineByArn(arn) {
  const match = /^arn:aws:states:[a-z0-9-]+:\d{12}:stateMachine:([A-Za-z0-9_-]+)$/.exec(String(arn));
  if (!match) throw new ApiError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${arn}'`);
  const machine = stateMachines.get(match[1]);
  if (!machine || machine.arn !== arn) throw new ApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  return machine;
}

function executionByArn(arn) {
  if (!/^arn:aws:states:[a-z0-9-]+:\d{12}:execution:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/.test(String(arn))) {
    throw new ApiError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${arn}'`);
  }
  const execution = executions.get(arn);
  if (!execution) throw new ApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
  return execution;
}

function tokenEntry(token) {
  if (typeof token !== 'string' || token.length < 1 || token.length > 2048) {
    throw new ApiError('InvalidToken', 'Invalid Token: the task token is missing or too long');
  }
  const entry = tokens.get(token);
  if (!entry) {
    if (!/^AQ[A-Za-z0-9+/=]{100,}$/.test(token)) throw new ApiError('InvalidToken', "Invalid Token: 'Invalid token'");
    throw new ApiError('TaskDoesNotExist', 'Task does not exist: no task was issued with this token');
  }
  if (entry.closed) throw new ApiError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
  return entry;
}

function describeMachine(m) {
  return {
    stateMachineArn: m.arn,
    name: m.name,
    status: 'ACTIVE',
    definition: m.definition,
    roleArn: m.roleArn,
    type: m.type,
    creationDate: m.creationDate,
  };
}

const operations = {
  CreateStateMachine(body) {
    const name = required(body, 'name');
    if (!NAME.test(name)) throw new ApiError('InvalidName', `Invalid Name: '${name}'`);
    const definitionText = required(body, 'definition');
    const definition = parseDefinition(definitionText);
    const existing = stateMachines.get(name);
    if (existing) {
      if (existing.definition === definitionText && existing.roleArn === body.roleArn) {
        return { stateMachineArn: existing.arn, creationDate: existing.creationDate };
      }
      throw new ApiError('StateMachineAlreadyExists', `State Machine Already Exists: '${existing.arn}'`);
    }
    const machine = {
      arn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`,
      name,
      definition: definitionText,
      roleArn: body.roleArn ?? `arn:aws:iam::${ACCOUNT}:role/local-stepfunctions`,
      type: body.type ?? 'STANDARD',
      creationDate: now(),
      ...prepare(definition),
    };
    Object.assign(machine, timeOverrides(machine.program));
    stateMachines.set(name, machine);
    return { stateMachineArn: machine.arn, creationDate: machine.creationDate };
  },

  UpdateStateMachine(body) {
    const machine = machineByArn(required(body, 'stateMachineArn'));
    if (body.definition !== undefined) {
      const definition = parseDefinition(body.definition);
      Object.assign(machine, { definition: body.definition }, prepare(definition));
      Object.assign(machine, timeOverrides(machine.program));
    }
    if (body.roleArn !== undefined) machine.roleArn = body.roleArn;
    return { updateDate: now() };
  },

  DescribeStateMachine(body) {
    return describeMachine(machineByArn(required(body, 'stateMachineArn')));
  },

  ListStateMachines() {
    return {
      stateMachines: [...stateMachines.values()].map((m) => ({
        stateMachineArn: m.arn,
        name: m.name,
        type: m.type,
        creationDate: m.creationDate,
      })),
    };
  },

  DeleteStateMachine(body) {
    const machine = machineByArn(required(body, 'stateMachineArn'));
    stateMachines.delete(machine.name);
    return {};
  },

  StartExecution(body) {
    const machine = machineByArn(required(body, 'stateMachineArn'));
    const name = body.name ?? randomUUID();
    if (!NAME.test(name)) throw new ApiError('InvalidName', `Invalid Name: '${name}'`);
    const inputText = body.input ?? '{}';
    if (inputText.length > PAYLOAD_LIMIT) {
      throw new ApiError('ValidationException', `Input of ${inputText.length} characters exceeds the ${PAYLOAD_LIMIT}-character quota`);
    }
    try {
      JSON.parse(inputText);
    } catch (e) {
      throw new ApiError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${e.message}'`);
    }
    const executionArn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:${machine.name}:${name}`;
    const existing = executions.get(executionArn);
    if (existing) {
      // As on AWS: the same name and input while the execution runs is the same request; anything else is not.
      if (existing.status === 'RUNNING' && existing.input === inputText) {
        return { executionArn, startDate: existing.startDate };
      }
      throw new ApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const execution = startExecution(machine, name, inputText);
    return { executionArn, startDate: execution.startDate };
  },

  DescribeExecution(body) {
    const e = executionByArn(required(body, 'executionArn'));
    return {
      executionArn: e.executionArn,
      stateMachineArn: e.stateMachineArn,
      name: e.name,
      status: e.status,
      startDate: e.startDate,
      stopDate: e.stopDate,
      input: e.input,
      output: e.output,
      error: e.error,
      cause: e.cause,
    };
  },

  ListExecutions(body) {
    const machine = machineByArn(required(body, 'stateMachineArn'));
    return {
      executions: [...executions.values()]
        .filter((e) => e.stateMachineArn === machine.arn && (!body.statusFilter || e.status === body.statusFilter))
        .map((e) => ({
          executionArn: e.executionArn,
          stateMachineArn: e.stateMachineArn,
          name: e.name,
          status: e.status,
          startDate: e.startDate,
          stopDate: e.stopDate,
        })),
    };
  },

  StopExecution(body) {
    const e = executionByArn(required(body, 'executionArn'));
    if (e.status === 'RUNNING') {
      e.abort();
      finish(e, 'ABORTED', { error: body.error, cause: body.cause });
    }
    return { stopDate: e.stopDate };
  },

  SendTaskSuccess(body) {
    const entry = tokenEntry(body.taskToken);
    const outputText = required(body, 'output');
    if (outputText.length > PAYLOAD_LIMIT) {
      throw new ApiError('ValidationException', `Output of ${outputText.length} characters exceeds the ${PAYLOAD_LIMIT}-character quota`);
    }
    let output;
    try {
      output = JSON.parse(outputText);
    } catch (e) {
      throw new ApiError('InvalidOutput', `Invalid Output: '${e.message}'`);
    }
    closeToken(entry, null, output);
    return {};
  },

  SendTaskFailure(body) {
    const entry = tokenEntry(body.taskToken);
    closeToken(entry, taskError(body.error ?? '', body.cause ?? ''));
    return {};
  },

  SendTaskHeartbeat(body) {
    const entry = tokenEntry(body.taskToken);
    if (entry.heartbeatMs) armHeartbeat(entry);
    return {};
  },
};

function reply(res, status, payload, errorType) {
  const text = JSON.stringify(payload);
  const headers = {
    'Content-Type': 'application/x-amz-json-1.0',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
  };
  if (errorType) headers['x-amzn-ErrorType'] = errorType;
  res.writeHead(status, headers);
  res.end(text);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith('AWSStepFunctions.') ? target.slice('AWSStepFunctions.'.length) : '';
    try {
      if (req.method !== 'POST' || !Object.hasOwn(operations, operation)) {
        throw new ApiError('UnknownOperationException', `Operation ${target || '(none)'} is not served by the local Step Functions server`);
      }
      const text = Buffer.concat(chunks).toString('utf8');
      let body;
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        throw new ApiError('SerializationException', 'The request body is not JSON');
      }
      reply(res, 200, operations[operation](body));
    } catch (e) {
      if (e instanceof ApiError) {
        reply(res, e.status, { __type: e.type, message: e.message }, e.type);
      } else {
        console.error(`${operation} failed:`, e);
        reply(res, 500, { __type: 'InternalFailure', message: String(e?.message ?? e) }, 'InternalFailure');
      }
    }
  });
});

process.on('unhandledRejection', (reason) => console.error('unhandled rejection:', reason));
server.keepAliveTimeout = 60_000;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`LISTENING ${server.address().port}`);
});
exitWithParent(() => server.close());
