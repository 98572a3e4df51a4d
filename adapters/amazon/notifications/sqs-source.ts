import { z } from 'zod';
import { parseInput } from '../../../src/errors/from-response.js';
import { systemClock, type Clock } from '../../../src/http/clock.js';
import type { EventHandler, MarketplaceEvent, NotificationSource } from '../../../src/notifications/event.js';
import { parseNotification, type RejectReason } from './envelope.js';
import { loadSqs, sqsError, type SqsClientLike, type SqsMessage, type SqsModule } from './sqs-sdk.js';

/**
 * Limits from the SQS API reference (ReceiveMessage: MaxNumberOfMessages 1–10, WaitTimeSeconds
 * 0–20; VisibilityTimeout 0–43,200 s), docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html.
 */
const OptionsSchema = z.object({
  applicationId: z.string().min(1),
  queueUrl: z.url().optional(),
  queueName: z.string().min(1).max(80).optional(),
  waitTimeSeconds: z.number().int().min(0).max(20).default(20),
  maxMessages: z.number().int().min(1).max(10).default(10),
  visibilityTimeoutSeconds: z.number().int().min(2).max(43_200).default(60),
  timeScale: z.number().positive().default(1),
}).refine((o) => !!o.queueUrl || !!o.queueName, { message: 'queueUrl or queueName is required', path: ['queueUrl'] });

/** Options of {@link AmazonSqsSource}: which queue, whose application, SQS client settings, hooks. */
export type AmazonSqsSourceOptions = z.input<typeof OptionsSchema> & {
  /** Options for `new SQSClient(…)`: region, credentials, `endpoint` (e.g. the sandbox's `${url}/sqs`). */
  sqs?: Record<string, unknown>;
  /** A client you built yourself (`sqs` is then ignored). */
  client?: SqsClientLike;
  clock?: Clock;
  /** A message that is not ours or not a valid notification: left on the queue, never handled. */
  onReject?: (r: { reason: RejectReason; detail: string; messageId?: string }) => void;
  /** The handler threw: the message stays and comes back after its visibility timeout. */
  onHandlerError?: (error: unknown, event: MarketplaceEvent) => void;
  /** For tests: how `@aws-sdk/client-sqs` is loaded. */
  loadSdk?: () => Promise<SqsModule>;
};

/** Counters of an {@link AmazonSqsSource} (rejections count every receipt of a rejected message). */
export interface AmazonSqsStats {
  received: number;
  handled: number;
  deleted: number;
  failed: number;
  extended: number;
  rejected: Record<RejectReason, number>;
  receiveErrors: number;
  deleteErrors: number;
}

/**
 * Consumes the SQS queue an SP-API destination writes to, as a NotificationSource: long polling,
 * each message deleted only after the handler resolved, its visibility extended while the handler
 * runs, left on the queue when the handler throws (SQS delivers it again after the visibility
 * timeout: at-least-once, so handlers dedupe by `eventId`).
 *
 * @example
 * ```ts
 * await eu.notifications.setupNotifications({ queueArn, types: ['ORDER_CHANGE'] });
 * const source = eu.notifications.sqsSource({ applicationId: 'amzn1.sp.solution.…', queueUrl, sqs: { region: 'eu-west-1' } });
 * await hub.orders.watch({ sources: [source], poll: { checkpoints }, handle, signal });
 * ```
 */
export class AmazonSqsSource implements NotificationSource {
  readonly marketplace = 'amazon';
  readonly stats: AmazonSqsStats = { received: 0, handled: 0, deleted: 0, failed: 0, extended: 0, rejected: { malformed: 0, foreign_application: 0 }, receiveErrors: 0, deleteErrors: 0 };
  private readonly o: z.output<typeof OptionsSchema>;
  private readonly clock: Clock;

  constructor(private readonly opts: AmazonSqsSourceOptions) {
    const { sqs: _s, client: _c, clock: _k, onReject: _r, onHandlerError: _h, loadSdk: _l, ...plain } = opts ?? ({} as AmazonSqsSourceOptions);
    this.o = parseInput(OptionsSchema, plain, 'options');
    this.clock = opts.clock ?? systemClock;
  }

  /** Polls until the signal aborts; the batch in hand is finished (handled and deleted) before it resolves. */
  async run(handle: EventHandler, runOpts: { signal?: AbortSignal } = {}): Promise<void> {
    const signal = runOpts.signal;
    const sdk = await (this.opts.loadSdk ?? loadSqs)();
    const client = this.opts.client ?? new sdk.SQSClient({ ...this.opts.sqs });
    try {
      const queueUrl = await this.queueUrl(sdk, client, signal);
      let backoffMs = 0;
      while (queueUrl && !signal?.aborted) {
        const messages = await this.receive(sdk, client, queueUrl, signal).catch((e: unknown) => e as Error);
        if (messages instanceof Error) {
          if (signal?.aborted) break;
          const { error, fatal } = sqsError(messages, 'ReceiveMessage');
          if (fatal) throw error;
          this.stats.receiveErrors++;
          backoffMs = Math.min(30_000, Math.max(1000, backoffMs * 2));
          await this.clock.sleep(backoffMs / this.o.timeScale, signal).catch(() => undefined);
          continue;
        }
        backoffMs = 0;
        // A batch is handled concurrently; the next long poll starts when it is done (backpressure).
        await Promise.all(messages.map((m) => this.process(sdk, client, queueUrl, m, handle)));
      }
    } finally {
      if (!this.opts.client) client.destroy?.();
    }
  }

  private async queueUrl(sdk: SqsModule, client: SqsClientLike, signal?: AbortSignal): Promise<string | undefined> {
    if (this.o.queueUrl) return this.o.queueUrl;
    try {
      const out = await client.send(new sdk.GetQueueUrlCommand({ QueueName: this.o.queueName }), { abortSignal: signal });
      return out.QueueUrl as string;
    } catch (e) {
      if (signal?.aborted) return undefined;
      throw sqsError(e, 'GetQueueUrl').error;
    }
  }

  private async receive(sdk: SqsModule, client: SqsClientLike, queueUrl: string, signal?: AbortSignal): Promise<SqsMessage[]> {
    const out = await client.send(
      new sdk.ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: this.o.maxMessages,
        WaitTimeSeconds: this.o.waitTimeSeconds,
        VisibilityTimeout: this.o.visibilityTimeoutSeconds,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
      { abortSignal: signal },
    );
    const messages = (out.Messages ?? []) as SqsMessage[];
    this.stats.received += messages.length;
    return messages;
  }

  private async process(sdk: SqsModule, client: SqsClientLike, queueUrl: string, m: SqsMessage, handle: EventHandler): Promise<void> {
    const parsed = parseNotification(m.Body, this.o.applicationId, this.clock.now());
    if (!parsed.ok) {
      // Left on the queue: the queue's redrive policy (maxReceiveCount) moves it to a dead-letter queue.
      this.stats.rejected[parsed.reason]++;
      this.opts.onReject?.({ reason: parsed.reason, detail: parsed.detail, messageId: m.MessageId });
      return;
    }
    const stop = new AbortController();
    const extending = this.extendWhileRunning(sdk, client, queueUrl, m.ReceiptHandle!, stop.signal);
    let done = false;
    try {
      await handle(parsed.event);
      done = true;
      this.stats.handled++;
    } catch (e) {
      this.stats.failed++;
      this.opts.onHandlerError?.(e, parsed.event);
    } finally {
      stop.abort();
      await extending;
    }
    if (!done) return;
    try {
      await client.send(new sdk.DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
      this.stats.deleted++;
    } catch {
      // Not deleted: SQS delivers it again and the handler sees it twice (at-least-once).
      this.stats.deleteErrors++;
    }
  }

  /** Every half visibility timeout, pushes the message's visibility out by a full timeout again. */
  private async extendWhileRunning(sdk: SqsModule, client: SqsClientLike, queueUrl: string, receiptHandle: string, signal: AbortSignal): Promise<void> {
    const everyMs = (this.o.visibilityTimeoutSeconds * 1000) / 2 / this.o.timeScale;
    for (;;) {
      try {
        await this.clock.sleep(everyMs, signal);
      } catch {
        return;
      }
      if (signal.aborted) return;
      try {
        await client.send(new sdk.ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: receiptHandle, VisibilityTimeout: this.o.visibilityTimeoutSeconds }));
        this.stats.extended++;
      } catch {
        // The next tick tries again; if the message became visible meanwhile, a duplicate delivery follows.
      }
    }
  }
}
