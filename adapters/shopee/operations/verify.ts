import type { Operation, RequestParts, VerifyOutcome } from '../../../src/http/operation.js';

/** Binds a verify step to an operation, keeping its request/response types. */
export function withVerify<Req extends RequestParts, Out>(op: Operation<Req, Out>, verify: (req: Req) => Promise<VerifyOutcome<Out>>): Operation<Req, Out> {
  return { ...op, verify: (req) => verify(req) };
}

export const done = <Out>(data: Out): VerifyOutcome<Out> => ({ state: 'done', data });
export const notDone = <Out>(): VerifyOutcome<Out> => ({ state: 'not_done' });
