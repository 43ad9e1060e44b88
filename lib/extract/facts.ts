import { z } from 'zod';
import { FactSource } from './sources';

/** ★ Contract 1: the kinds of page the extension tells apart. */
export const PageKind = z.enum(['promise', 'order', 'payment', 'chat', 'licence', 'other']);
export type PageKind = z.infer<typeof PageKind>;

export const PromiseCategory = z.enum([
  'delivery',
  'compensation',
  'refund',
  'authenticity',
  'after-sales',
  'other',
]);

/** Contract 1's order facts, shared by `order` and each of `orders`. */
const OrderShape = z.object({
  orderId: z.string().optional(),
  amount: z.number().optional(),
  placedAt: z.string().optional(),
  product: z.string().optional(),
  quantity: z.number().optional(),
  status: z.string().optional(),
  cardKeys: z.array(z.string()).optional(),
  paymentMethod: z.string().optional(),
  tradeNo: z.string().optional(),
  /** Extension: delivered cards with their card numbers, when the page shows both. */
  cards: z.array(z.object({ number: z.string().optional(), secret: z.string() })).optional(),
});

/**
 * ★ Contract 1: the facts read off one page. Fields are absent when the page does not
 * show them. Extensions beyond the contract (issue #4) are optional: `order.cards`,
 * `orders`, `payment`, `promises[].detail`, `chat.messages[].image` and `sources`.
 */
export const PageFacts = z.object({
  kind: PageKind,
  order: OrderShape.optional(),
  /**
   * Extension: every order on an order list (订单列表, 我的订单, 查询结果), in page order,
   * each in `order`'s shape. Present only when the page shows two or more orders with
   * distinct numbers; a single-order detail page has no `orders`, only `order`. On a
   * list, `order` is the order the URL names, else the first, for compatibility.
   * Sources are keyed "orders.<i>.<field>".
   */
  orders: z.array(OrderShape).optional(),
  /** Extension: a payment provider's bill detail (Alipay, WeChat Pay and look-alikes). */
  payment: z
    .object({
      provider: z.string().optional(),
      tradeNo: z.string().optional(),
      merchantOrderNo: z.string().optional(),
      merchant: z.string().optional(),
      amount: z.number().optional(),
      createdAt: z.string().optional(),
      paidAt: z.string().optional(),
      status: z.string().optional(),
      method: z.string().optional(),
      product: z.string().optional(),
    })
    .optional(),
  promises: z.array(
    z.object({
      text: z.string(),
      category: PromiseCategory,
      /** Extension: the explanation under a headline promise. */
      detail: z.string().optional(),
    }),
  ),
  chat: z
    .object({
      messages: z.array(
        z.object({
          from: z.enum(['customer', 'merchant', 'system']),
          name: z.string().optional(),
          at: z.string().optional(),
          text: z.string(),
          /** Extension: the message is a picture, `text` is its alt text. */
          image: z.boolean().optional(),
        }),
      ),
    })
    .optional(),
  site: z.object({
    name: z.string().optional(),
    icp: z.string().optional(),
    company: z.string().optional(),
    creditCode: z.string().optional(),
    contacts: z.array(z.string()),
  }),
  /** Extension: where each fact was read, keyed by its path ("order.orderId", "promises.0"). */
  sources: z.record(z.string(), FactSource).optional(),
});
export type PageFacts = z.infer<typeof PageFacts>;
