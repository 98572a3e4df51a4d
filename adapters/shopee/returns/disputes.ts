import { z } from 'zod';
import { parseInput } from '../../../src/errors/from-response.js';
import { parseCallOptions, type CallOptions } from '../../../src/http/call-options.js';
import type { Return } from '../../../src/model/return.js';
import { journaledAction, type Outcome } from '../../../src/returns/journaled-action.js';
import { IdSchema } from '../../../src/returns/schemas.js';
import type { IntentJournal } from '../../../src/state/intent-journal.js';
import { shopPipeline, type AdapterContext } from '../context.js';
import { returnOps } from './operations.js';
import type { ShopeeReturnReader } from './read.js';

/** What a Shopee-only return write (dispute, cancel dispute, upload proof) came to. */
export interface ShopeeReturnActionResult {
  returnId: string;
  action: 'dispute' | 'cancel_dispute' | 'upload_proof';
  outcome: Outcome;
  return?: Return;
  warnings: string[];
}

/** A dispute reason and the evidence modules it asks for (specs/shopee/v2.returns.get_return_dispute_reason.json). */
export interface ShopeeDisputeReason {
  /** dispute_reason: pass it as `reasonId` to returns.dispute (dispute_reason_id). */
  id: string;
  requirement?: string;
  evidence: Array<{ moduleIndex: number; requirement: string; required: boolean }>;
}

const Email = z.string().email().max(200);
const Url = z.string().url().max(2000);

/**
 * v2.returns.dispute request_params: email, dispute_reason_id ("call v2.returns.get_return_dispute_reason
 * to get it"), dispute_text_reason and image_list per evidence module (module_index, requirement,
 * image_url; "images max size is 3 per module": error_list).
 */
export const DisputeSchema = z.object({
  email: Email,
  reasonId: z.coerce.number().int().nonnegative(),
  text: z.string().min(1).max(2000),
  evidence: z.array(z.object({ moduleIndex: z.number().int().nonnegative(), requirement: z.string().min(1).max(2000), imageUrls: z.array(Url).min(1).max(3) })).default([]),
});
/** returns.dispute input (DisputeSchema in disputes.ts). */
export type DisputeRequest = z.input<typeof DisputeSchema>;

/** v2.returns.upload_proof request_params: photo[] { url, thumbnail } and a description. */
export const UploadProofSchema = z.object({
  photos: z.array(z.object({ url: Url, thumbnail: Url })).min(1),
  description: z.string().min(1).max(2000),
});
/** returns.uploadProof input (UploadProofSchema in disputes.ts). */
export type UploadProofRequest = z.input<typeof UploadProofSchema>;

/** Evidence as query_proof answers it. */
export interface ShopeeProof {
  images: Array<{ url: string; thumbnail?: string }>;
  videos: Array<{ url: string; thumbnail?: string }>;
  description?: string;
}

export interface DisputeDeps {
  ctx: AdapterContext;
  reader: ShopeeReturnReader;
  journal: IntentJournal;
}

const raw = (r: Return) => r.raw as Record<string, unknown> & { seller_compensation?: { seller_compensation_status?: string } };

export function shopeeDisputes(d: DisputeDeps) {
  const { ctx, reader } = d;
  const unknown = (returnId: string, action: ShopeeReturnActionResult['action']) => (): ShopeeReturnActionResult =>
    ({ returnId, action, outcome: 'unknown', warnings: ['Shopee did not answer clearly; retry with the same idempotency key'] });

  /** A journaled write whose effect shows as a change of `mark` on the return (read back before any resend). */
  function write(id: string, action: ShopeeReturnActionResult['action'], opts: CallOptions, mark: (r: Return) => Promise<string>, send: (shopId: number) => Promise<unknown>) {
    const done = (now: Return, outcome: Outcome): ShopeeReturnActionResult => ({ returnId: id, action, outcome, return: now, warnings: [] });
    return journaledAction<ShopeeReturnActionResult, string>({
      marketplace: 'shopee', account: ctx.account, action: `return.${action}`, target: id, journal: d.journal, clock: ctx.clock, idempotencyKey: opts.idempotencyKey,
      before: async () => mark(await reader.read(id, opts)),
      readBack: async (before) => {
        const now = await reader.read(id, opts);
        return before !== undefined && (await mark(now)) !== before ? { done: true, result: done(now, 'already_done') } : { done: false };
      },
      send: async () => {
        const ret = await reader.read(id, opts);
        await send(reader.shopOf(ret));
        return done(await reader.read(id, opts), 'confirmed');
      },
      unknown: unknown(id, action),
      withOutcome: (x, outcome) => ({ ...x, outcome }),
    });
  }

  async function disputeReasons(returnId: string, o?: CallOptions): Promise<ShopeeDisputeReason[]> {
    const id = parseInput(IdSchema, returnId, 'returnId');
    const opts = parseCallOptions(o ?? {});
    const ret = await reader.read(id, opts);
    const res = await ctx.client.call(shopPipeline(ctx, reader.shopOf(ret)), returnOps.get_return_dispute_reason, { query: { return_sn: id } }, opts);
    return res.data.response.dispute_reason_list.map((r) => ({
      id: r.dispute_reason, ...(r.dispute_requirement ? { requirement: r.dispute_requirement } : {}),
      evidence: r.evidence_module_list.map((m) => ({ moduleIndex: m.module_index, requirement: m.requirement, required: m.is_required === true })),
    }));
  }

  /**
   * v2.returns.dispute: "Support to raise dispute when return_status in REQUESTED / PROCESSING/ACCEPTED".
   * Read back through the return: its status and dispute_reason (get_return_detail: "While the
   * return has been disputed, this field is useful") change once the dispute is raised.
   */
  async function dispute(returnId: string, req: DisputeRequest, o?: CallOptions): Promise<ShopeeReturnActionResult> {
    const id = parseInput(IdSchema, returnId, 'returnId');
    const r = parseInput(DisputeSchema, req, 'request');
    const opts = parseCallOptions(o ?? {});
    const body = {
      return_sn: id, email: r.email, dispute_reason_id: r.reasonId, dispute_text_reason: r.text,
      image_list: r.evidence.map((e) => ({ module_index: e.moduleIndex, requirement: e.requirement, image_url: e.imageUrls })),
    };
    return write(id, 'dispute', opts, async (x) => JSON.stringify([x.marketplaceStatus, raw(x).dispute_reason ?? null]),
      (shopId) => ctx.client.call(shopPipeline(ctx, shopId), returnOps.dispute, { body }, opts));
  }

  /**
   * v2.returns.cancel_dispute: "sellers can only cancel disputes when the return_status is ACCEPTED
   * and the compensation_status is COMPENSATION_REQUESTED"; read back through seller_compensation_status.
   */
  async function cancelDispute(returnId: string, req: { email: string }, o?: CallOptions): Promise<ShopeeReturnActionResult> {
    const id = parseInput(IdSchema, returnId, 'returnId');
    const r = parseInput(z.object({ email: Email }), req, 'request');
    const opts = parseCallOptions(o ?? {});
    return write(id, 'cancel_dispute', opts, async (x) => JSON.stringify([x.marketplaceStatus, raw(x).seller_compensation?.seller_compensation_status ?? null]),
      (shopId) => ctx.client.call(shopPipeline(ctx, shopId), returnOps.cancel_dispute, { body: { return_sn: id, email: r.email } }, opts));
  }

  async function proofsOf(id: string, shopId: number, opts: CallOptions): Promise<ShopeeProof> {
    const res = await ctx.client.call(shopPipeline(ctx, shopId), returnOps.query_proof, { query: { return_sn: id } }, opts);
    const p = res.data.response;
    return { images: p.image, videos: p.video, ...(p.description !== undefined ? { description: p.description } : {}) };
  }

  /** v2.returns.query_proof: the evidence the seller uploaded. */
  async function proofs(returnId: string, o?: CallOptions): Promise<ShopeeProof> {
    const id = parseInput(IdSchema, returnId, 'returnId');
    const opts = parseCallOptions(o ?? {});
    return proofsOf(id, reader.shopOf(await reader.read(id, opts)), opts);
  }

  /** v2.returns.upload_proof, journaled: a retry reads query_proof back (same description and photos = done). */
  async function uploadProof(returnId: string, req: UploadProofRequest, o?: CallOptions): Promise<ShopeeReturnActionResult> {
    const id = parseInput(IdSchema, returnId, 'returnId');
    const r = parseInput(UploadProofSchema, req, 'request');
    const opts = parseCallOptions(o ?? {});
    const ret = await reader.read(id, opts);
    const shopId = reader.shopOf(ret);
    const uploaded = (p: ShopeeProof) => p.description === r.description && r.photos.every((ph) => p.images.some((i) => i.url === ph.url));
    return journaledAction<ShopeeReturnActionResult>({
      marketplace: 'shopee', account: ctx.account, action: 'return.upload_proof', target: id, journal: d.journal, clock: ctx.clock, idempotencyKey: opts.idempotencyKey,
      readBack: async () => (uploaded(await proofsOf(id, shopId, opts)) ? { done: true, result: { returnId: id, action: 'upload_proof', outcome: 'already_done', return: ret, warnings: [] } } : { done: false }),
      send: async () => {
        await ctx.client.call(shopPipeline(ctx, shopId), returnOps.upload_proof, { body: { return_sn: id, photo: r.photos, description: r.description } }, opts);
        return { returnId: id, action: 'upload_proof', outcome: 'confirmed', return: ret, warnings: [] };
      },
      unknown: unknown(id, 'upload_proof'),
      withOutcome: (x, outcome) => ({ ...x, outcome }),
    });
  }

  return { disputeReasons, dispute, cancelDispute, proofs, uploadProof };
}
