import { z } from 'zod';
import { MoneyInputSchema } from '../model/money.js';
import { RETURN_STATUSES } from '../model/return.js';
import type { ResumeToken } from '../paginate/paginated.js';
import { WindowDateSchema } from '../paginate/time-windows.js';

/** Caller input of the returns services (types.ts), checked with zod: bad input → ValidationError naming the path. */
// The order feeds' date bounds (1995–2100): a year-1 date is a ValidationError, not a RangeError.
const DateInput = WindowDateSchema;
const Resume = z.custom<ResumeToken>((v) => !!v && typeof v === 'object' && (v as ResumeToken).v === 1, 'expected a resume token');

/** returns.list query ({@link ReturnListQuery}): a window of last-change dates, statuses, a resume token. */
export const ReturnListQuerySchema = z.object({
  updatedSince: DateInput.optional(),
  until: DateInput.optional(),
  statuses: z.array(z.enum(RETURN_STATUSES)).optional(),
  resumeFrom: Resume.optional(),
});

/** cancellations.list query ({@link CancellationListQuery}): a window of last-change dates and a resume token. */
export const CancellationListQuerySchema = z.object({
  updatedSince: DateInput.optional(),
  until: DateInput.optional(),
  resumeFrom: Resume.optional(),
});

/** A return, cancellation or order id given by the caller: 1–200 characters. */
export const IdSchema = z.string().min(1).max(200);

const Comment = z.string().max(1000).optional();

/** returns.approve input ({@link ApproveReturnRequest}); may be omitted. */
export const ApproveRequestSchema = z.object({ rma: z.string().min(1).max(100).optional(), comment: Comment }).default({});
/** returns.reject input ({@link RejectReturnRequest}); may be omitted. */
export const RejectRequestSchema = z.object({ comment: Comment }).default({});
/** returns.offer input ({@link OfferRequest}): the partial refund offered instead of the return. */
export const OfferRequestSchema = z.object({ partialRefund: MoneyInputSchema, comment: Comment });

/** One line of a refund by lines: its id, and optionally a quantity and/or an amount. */
export const RefundLineInputSchema = z.object({
  lineId: z.string().min(1),
  quantity: z.number().int().positive().optional(),
  amount: MoneyInputSchema.optional(),
});

/** Exactly one of `lines` or `amount`. */
export const RefundRequestSchema = z
  .object({
    lines: z.array(RefundLineInputSchema).min(1).optional(),
    amount: MoneyInputSchema.optional(),
    comment: Comment,
    reason: z.string().max(100).optional(),
  })
  .superRefine((v, ctx) => {
    if (!!v.lines === (v.amount !== undefined)) ctx.addIssue({ code: 'custom', message: 'give exactly one of lines or amount', path: ['amount'] });
    if (v.amount && v.amount.amount <= 0) ctx.addIssue({ code: 'custom', message: 'a refund must be positive', path: ['amount', 'amount'] });
    v.lines?.forEach((l, i) => {
      if (l.amount && l.amount.amount <= 0) ctx.addIssue({ code: 'custom', message: 'a refund must be positive', path: ['lines', i, 'amount', 'amount'] });
    });
  });
/** A {@link RefundRequest} after parsing (amounts as Money). */
export type ParsedRefundRequest = z.output<typeof RefundRequestSchema>;

/** cancellations.reject input: a reason, a comment and, when already shipped, the shipment details; may be omitted. */
export const RejectCancellationSchema = z
  .object({
    reason: z.string().max(100).optional(),
    comment: Comment,
    shippedAt: z.iso.datetime({ offset: true }).optional(),
    trackingNumber: z.string().min(1).max(100).optional(),
    carrier: z.string().min(1).max(100).optional(),
  })
  .default({});
