import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { SandboxQueue, SqsError } from './sqs-queue.js';

/**
 * The SQS endpoint of the Amazon sandbox: the AWS JSON 1.0 protocol subset @aws-sdk/client-sqs
 * (v3.1178) sends: `POST` with `X-Amz-Target: AmazonSQS.<Action>` and
 * `Content-Type: application/x-amz-json-1.0`; errors as `{ "__type", "message" }` plus
 * `x-amzn-query-error` ("Interpreting Amazon SQS JSON API responses",
 * docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-api-responses.html).
 * Point the SDK at it with `new SQSClient({ endpoint: `${amazonUrl}/sqs`, region, credentials })`.
 * SigV4 signatures are not verified (the sandbox has no AWS account); their presence is.
 */
export class SqsWorld {
  readonly queues = new Map<string, SandboxQueue>();
  /** Requests per action, for tests and benchmarks. */
  readonly calls: Record<string, number> = {};
  /** Runs before a receive looks at the queue and on every long-poll check (the publisher hooks in here). */
  beforeReceive?: () => void;

  constructor(private readonly ctx: SandboxContext, readonly region = 'eu-west-1', readonly accountId = '000000000000') {}

  /** The queue with this name (created on first use, as a user creates it in their AWS account). */
  queue(name: string): SandboxQueue {
    let q = this.queues.get(name);
    if (!q) {
      q = new SandboxQueue(name, this.accountId, this.region, this.ctx);
      this.queues.set(name, q);
    }
    return q;
  }

  /** An existing queue by ARN (arn:aws:sqs:region:account:name) or undefined. */
  byArn(arn: string): SandboxQueue | undefined {
    return this.queues.get(arn.split(':').pop() ?? '');
  }

  /** QueueUrl → queue: the last path segment is the queue name (…/<account>/<name>). */
  private byUrl(url: unknown): SandboxQueue {
    const name = typeof url === 'string' ? url.replace(/\/+$/, '').split('/').pop() : undefined;
    const q = name ? this.queues.get(name) : undefined;
    if (!q) throw new SqsError('com.amazonaws.sqs#QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue;Sender', 'The specified queue does not exist.');
    return q;
  }

  async dispatch(action: string, input: Record<string, unknown>): Promise<unknown> {
    this.calls[action] = (this.calls[action] ?? 0) + 1;
    switch (action) {
      case 'GetQueueUrl': {
        const q = this.queues.get(String(input.QueueName ?? ''));
        if (!q) throw new SqsError('com.amazonaws.sqs#QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue;Sender', 'The specified queue does not exist.');
        return { QueueUrl: q.url() };
      }
      case 'ReceiveMessage':
        return this.receive(input);
      case 'DeleteMessage':
        this.byUrl(input.QueueUrl).delete(String(input.ReceiptHandle ?? ''));
        return {};
      case 'ChangeMessageVisibility': {
        const seconds = intIn(input.VisibilityTimeout, 0, 43_200, 'VisibilityTimeout');
        this.byUrl(input.QueueUrl).changeVisibility(String(input.ReceiptHandle ?? ''), seconds ?? 0);
        return {};
      }
      default:
        throw new SqsError('com.amazonaws.sqs#InvalidAction', 'InvalidAction;Sender', `The action ${action} is not valid for this endpoint.`);
    }
  }

  /** API_ReceiveMessage: MaxNumberOfMessages 1–10 (default 1), WaitTimeSeconds 0–20, VisibilityTimeout 0–43,200. */
  private async receive(input: Record<string, unknown>): Promise<unknown> {
    const q = this.byUrl(input.QueueUrl);
    const max = intIn(input.MaxNumberOfMessages, 1, 10, 'MaxNumberOfMessages') ?? 1;
    const wait = intIn(input.WaitTimeSeconds, 0, 20, 'WaitTimeSeconds') ?? 0;
    const visibility = intIn(input.VisibilityTimeout, 0, 43_200, 'VisibilityTimeout');
    this.beforeReceive?.();
    if (wait > 0) await q.waitForVisible(wait, this.beforeReceive);
    const names = new Set([...(asStrings(input.MessageSystemAttributeNames)), ...(asStrings(input.AttributeNames))]);
    const all = names.has('All');
    const messages = q.receive(max, visibility).map((m) => {
      const attrs: Record<string, string> = {};
      if (all || names.has('ApproximateReceiveCount')) attrs.ApproximateReceiveCount = String(m.receiveCount);
      if (all || names.has('SentTimestamp')) attrs.SentTimestamp = String(m.sentAt);
      if (all || names.has('ApproximateFirstReceiveTimestamp')) attrs.ApproximateFirstReceiveTimestamp = String(m.firstReceivedAt);
      return { MessageId: m.id, ReceiptHandle: m.handle, MD5OfBody: m.md5, Body: m.body, ...(Object.keys(attrs).length ? { Attributes: attrs } : {}) };
    });
    return messages.length ? { Messages: messages } : {};
  }
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function intIn(v: unknown, min: number, max: number, name: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new SqsError('com.amazonaws.sqs#InvalidParameterValue', 'InvalidParameterValue;Sender', `Value ${String(v)} for parameter ${name} is invalid. Must be between ${min} and ${max}.`);
  }
  return v;
}

const JSON_1_0 = 'application/x-amz-json-1.0';

function reply(status: number, body: unknown, extra: Record<string, string> = {}): SandboxResponse {
  return { status, body: JSON.stringify(body), headers: { 'content-type': JSON_1_0, 'x-amzn-RequestId': randomUUID(), ...extra } };
}

function header(req: SandboxRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function installSqs(router: Router, world: SqsWorld): void {
  const handler = async (req: SandboxRequest): Promise<SandboxResponse> => {
    const target = header(req, 'x-amz-target') ?? '';
    if (!target.startsWith('AmazonSQS.') || !(header(req, 'content-type') ?? '').startsWith(JSON_1_0)) {
      return reply(400, { __type: 'com.amazonaws.sqs#InvalidAction', message: 'Expected X-Amz-Target AmazonSQS.<Action> with application/x-amz-json-1.0' }, { 'x-amzn-query-error': 'InvalidAction;Sender' });
    }
    // AWS API requests are signed with Signature Version 4 (Authorization: AWS4-HMAC-SHA256 …,
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html); unsigned ones are refused.
    if (!(header(req, 'authorization') ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
      return reply(400, { __type: 'com.amazonaws.sqs#MissingAuthenticationToken', message: 'Request is missing Authentication Token' }, { 'x-amzn-query-error': 'MissingAuthenticationToken;Sender' });
    }
    try {
      return reply(200, await world.dispatch(target.slice('AmazonSQS.'.length), req.json<Record<string, unknown>>() ?? {}));
    } catch (e) {
      if (!(e instanceof SqsError)) throw e;
      return reply(e.status, { __type: e.type, message: e.message }, { 'x-amzn-query-error': e.queryError });
    }
  };
  // The SDK posts to the endpoint's path with a trailing slash (`/sqs/`) or to a queue URL path.
  router.add('POST', '/sqs', handler);
  router.add('POST', '/sqs/', handler);
  router.add('POST', '/sqs/{account}/{queue}', handler);
}
