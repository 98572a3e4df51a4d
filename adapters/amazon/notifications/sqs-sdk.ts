import { AuthError, NetworkError, NotFoundError, ValidationError } from '../../../src/errors/classes.js';
import type { XborderError } from '../../../src/errors/xborder-error.js';

/**
 * The slice of @aws-sdk/client-sqs the consumer uses. The SDK is an optional peer: it is loaded
 * with a dynamic import on first use, so users who never consume SQS need not install it.
 */
export interface SqsMessage {
  MessageId?: string;
  ReceiptHandle?: string;
  Body?: string;
  Attributes?: Record<string, string>;
}

export interface SqsClientLike {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<any>;
  destroy?(): void;
}

export interface SqsModule {
  SQSClient: new (config: Record<string, unknown>) => SqsClientLike;
  ReceiveMessageCommand: new (input: Record<string, unknown>) => unknown;
  DeleteMessageCommand: new (input: Record<string, unknown>) => unknown;
  ChangeMessageVisibilityCommand: new (input: Record<string, unknown>) => unknown;
  GetQueueUrlCommand: new (input: Record<string, unknown>) => unknown;
}

const SPECIFIER = '@aws-sdk/client-sqs';

export async function loadSqs(load: (specifier: string) => Promise<unknown> = (s) => import(s)): Promise<SqsModule> {
  try {
    return (await load(SPECIFIER)) as SqsModule;
  } catch (e) {
    throw new ValidationError({ message: 'Amazon SQS notifications need the optional peer dependency @aws-sdk/client-sqs (npm install @aws-sdk/client-sqs@^3)', path: 'sqs', cause: e });
  }
}

/** SQS errors the consumer cannot wait out (the queue or the permission is missing). */
const FATAL: Record<string, 'not_found' | 'auth'> = {
  QueueDoesNotExist: 'not_found',
  'AWS.SimpleQueueService.NonExistentQueue': 'not_found',
  AccessDenied: 'auth',
  AccessDeniedException: 'auth',
  InvalidSecurity: 'auth',
  InvalidClientTokenId: 'auth',
  SignatureDoesNotMatch: 'auth',
  UnrecognizedClientException: 'auth',
};

/** AWS SDK error → XborderError; `fatal` when retrying cannot help. */
export function sqsError(e: unknown, operation: string): { error: XborderError; fatal: boolean } {
  const name = (e as { name?: string } | undefined)?.name ?? 'Error';
  const status = (e as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  const base = { marketplace: 'amazon', operation: `sqs.${operation}`, status, message: `SQS ${operation} failed (${name})`, cause: e };
  const kind = FATAL[name];
  if (kind === 'not_found') return { error: new NotFoundError(base), fatal: true };
  if (kind === 'auth') return { error: new AuthError({ ...base, code: 'FORBIDDEN' }), fatal: true };
  return { error: new NetworkError({ ...base, retryable: true }), fatal: false };
}
