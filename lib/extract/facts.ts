import { z } from 'zod';

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

/** ★ Contract 1: the facts read off one page. Fields are absent when the page does not show them. */
export const PageFacts = z.object({
  kind: PageKind,
  order: z
    .object({
      orderId: z.string().optional(),
      amount: z.number().optional(),
      placedAt: z.string().optional(),
      product: z.string().optional(),
      quantity: z.number().optional(),
      status: z.string().optional(),
      cardKeys: z.array(z.string()).optional(),
      paymentMethod: z.string().optional(),
      tradeNo: z.string().optional(),
    })
    .optional(),
  promises: z.array(z.object({ text: z.string(), category: PromiseCategory })),
  chat: z
    .object({
      messages: z.array(
        z.object({
          from: z.enum(['customer', 'merchant', 'system']),
          name: z.string().optional(),
          at: z.string().optional(),
          text: z.string(),
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
});
export type PageFacts = z.infer<typeof PageFacts>;
