import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SandboxContext } from '../../../src/sandbox/module.js';

/**
 * An SQS standard queue as the SQS Developer Guide describes it, for the sandbox: a received message
 * stays in the queue, invisible until its visibility timeout ends or it is deleted ("Amazon SQS
 * visibility timeout", docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html).
 * Durations are AWS time on the sandbox clock, divided by the sandbox's time scale.
 */
export interface QueuedMessage {
  id: string;
  body: string;
  md5: string;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  /** Only the latest receipt handle deletes the message (API_DeleteMessage). */
  handle?: string;
}

export class SqsError extends Error {
  constructor(readonly type: string, readonly queryError: string, message: string, readonly status = 400) {
    super(message);
  }
}

/** Default VisibilityTimeout of a new queue: 30 s (API_CreateQueue Attributes.VisibilityTimeout). */
const DEFAULT_VISIBILITY_S = 30;

export class SandboxQueue {
  readonly messages = new Map<string, QueuedMessage>();
  deleted = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(readonly name: string, readonly accountId: string, readonly region: string, private readonly ctx: SandboxContext) {}

  get arn(): string {
    return `arn:aws:sqs:${this.region}:${this.accountId}:${this.name}`;
  }

  url(): string {
    return `${this.ctx.baseUrl()}/sqs/${this.accountId}/${this.name}`;
  }

  private ms(seconds: number): number {
    return (seconds * 1000) / this.ctx.timeScale;
  }

  /** Enqueues a body; with a delay it stays invisible that long first (DelaySeconds semantics). */
  send(body: string, delayMs = 0): QueuedMessage {
    const now = this.ctx.clock.now();
    const m: QueuedMessage = { id: randomUUID(), body, md5: createHash('md5').update(body, 'utf8').digest('hex'), sentAt: now, visibleAt: now + delayMs, receiveCount: 0 };
    this.messages.set(m.id, m);
    this.wake();
    return m;
  }

  /** Visible messages, oldest first, up to `max`; each gets a fresh receipt handle and becomes invisible. */
  receive(max: number, visibilitySeconds = DEFAULT_VISIBILITY_S): QueuedMessage[] {
    const now = this.ctx.clock.now();
    const out: QueuedMessage[] = [];
    for (const m of this.messages.values()) {
      if (out.length >= max) break;
      if (m.visibleAt > now) continue;
      m.receiveCount++;
      m.firstReceivedAt ??= now;
      m.handle = `${m.id}#${randomBytes(12).toString('base64url')}`;
      m.visibleAt = now + this.ms(visibilitySeconds);
      out.push(m);
    }
    return out;
  }

  hasVisible(): boolean {
    const now = this.ctx.clock.now();
    for (const m of this.messages.values()) if (m.visibleAt <= now) return true;
    return false;
  }

  private byHandle(handle: string): QueuedMessage | undefined | 'unknown' {
    const id = handle.split('#')[0]!;
    if (!handle.includes('#')) return 'unknown';
    return this.messages.get(id);
  }

  /**
   * API_DeleteMessage: deletes even while another reader holds it; a receipt handle that is not the
   * latest one "will still succeed, but the message might not be deleted" (here: is not deleted).
   */
  delete(handle: string): void {
    const m = this.byHandle(handle);
    if (m === 'unknown') throw new SqsError('com.amazonaws.sqs#ReceiptHandleIsInvalid', 'ReceiptHandleIsInvalid;Sender', `The input receipt handle "${handle}" is not a valid receipt handle.`);
    if (!m || m.handle !== handle) return;
    this.messages.delete(m.id);
    this.deleted++;
  }

  /**
   * API_ChangeMessageVisibility: the new timeout counts from now; a message that is not in flight
   * cannot be changed (MessageNotInflight), nor one that no longer exists.
   */
  changeVisibility(handle: string, seconds: number): void {
    const m = this.byHandle(handle);
    if (m === 'unknown') throw new SqsError('com.amazonaws.sqs#ReceiptHandleIsInvalid', 'ReceiptHandleIsInvalid;Sender', `The input receipt handle "${handle}" is not a valid receipt handle.`);
    if (!m || m.handle !== handle) throw new SqsError('com.amazonaws.sqs#InvalidParameterValue', 'InvalidParameterValue;Sender', `Value ${handle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.`);
    const now = this.ctx.clock.now();
    if (m.visibleAt <= now) throw new SqsError('com.amazonaws.sqs#MessageNotInflight', 'AWS.SimpleQueueService.MessageNotInflight;Sender', 'The message referred to isn\'t in flight.');
    m.visibleAt = now + this.ms(seconds);
    if (seconds === 0) this.wake();
  }

  /**
   * Long polling (sqs-short-and-long-polling.html): resolves as soon as a message is visible or
   * the wait ends. The wait is real time (scaled); visibility is checked on the sandbox clock, so a
   * test that moves a manual clock sees messages come back within one check interval.
   */
  async waitForVisible(waitSeconds: number, onCheck?: () => void): Promise<void> {
    const until = Date.now() + this.ms(waitSeconds);
    while (Date.now() < until) {
      onCheck?.();
      if (this.hasVisible()) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(25, Math.max(1, until - Date.now())));
        timer.unref?.();
        this.waiters.push(done);
        const waiters = this.waiters;
        function done() {
          clearTimeout(timer);
          const i = waiters.indexOf(done);
          if (i >= 0) waiters.splice(i, 1);
          resolve();
        }
      });
    }
  }

  private wake(): void {
    [...this.waiters].forEach((f) => f());
  }
}
