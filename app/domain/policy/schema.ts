import { z } from "zod";
import { WEEKDAYS, isIsoDate, isValidTimeZone, rangesOverlap } from "../calendar";
import {
  countries,
  currencyCode,
  dayRange,
  gidList,
  isoDate,
  moneySchema,
  percent,
  positiveDays,
  text,
} from "./fields-zod";

export { moneySchema } from "./fields-zod";

// The policy set a shop configures. Every saved version is kept (PolicyVersion) and every
// decision the app makes cites the version it used. Money is integer minor units + currency.

export const trialSchema = z.object({
  enabled: z.boolean(),
  eligibleProductIds: gidList("Product"),
  eligibleCollectionIds: gidList("Collection"),
  eligibleProductTags: z.array(text(255)),
  countries: countries("List at least one country"),
  boxFee: moneySchema,
  holdAmount: moneySchema,
  windowDays: positiveDays(60),
  fallbackStartDaysAfterFulfillment: positiveDays(60),
  reminderLeadHours: z
    .number()
    .int("Use whole hours")
    .min(0, "Must not be negative")
    .max(240, "At most 240 hours"),
  exchangesAllowed: z
    .number()
    .int("Use a whole number")
    .min(0, "Must not be negative")
    .max(5, "At most 5"),
  damageFee: moneySchema,
  maxPairs: z
    .number()
    .int("Use a whole number")
    .min(1, "At least 1 pair")
    .max(10, "At most 10 pairs"),
  sampleDiscountPercent: percent,
  returnInTransitCapDays: positiveDays(60),
  onAuthorizationFailure: z.enum(["cancel", "wait_for_card_update"]),
  allowRegularItemsInTrialCart: z.boolean(),
});

export const seasonalOverrideSchema = z.object({
  name: text(80).min(1, "Name the override"),
  start: isoDate,
  end: isoDate,
  extraDays: positiveDays(120),
  message: text(300).min(1, "Tell shoppers why it takes longer"),
});

export const madeToOrderSchema = z.object({
  enabled: z.boolean(),
  leadDays: positiveDays(180),
  seasonalOverrides: z.array(seasonalOverrideSchema).superRefine((list, ctx) => {
    list.forEach((o, i) => {
      if (isIsoDate(o.start) && isIsoDate(o.end) && o.start > o.end) {
        ctx.addIssue({ code: "custom", path: [i, "end"], message: "Ends before it starts" });
      }
      list.slice(0, i).forEach((other, j) => {
        if (rangesOverlap(o, other)) {
          ctx.addIssue({
            code: "custom",
            path: [i, "start"],
            message: `Overlaps "${other.name}" (row ${j + 1})`,
          });
        }
      });
    });
  }),
  eligibleProductTags: z.array(text(255)),
  fittingPairProductId: z.union([gidList("Product").element, z.literal("")]),
  skipFittingWhenSizeConfirmed: z.boolean(),
  fitReminderAfterDays: positiveDays(60),
  fitEscalateAfterDays: positiveDays(90),
  fittingPairReturnDays: positiveDays(90),
  unreturnedFittingPairFee: moneySchema,
  splitSizesAreFinalSale: z.boolean(),
});

export const marketRuleSchema = z.object({
  name: text(60).min(1, "Name the market"),
  countries: z.union([z.literal("*"), countries("List countries or *")]),
  restockingFeePercent: percent,
  wornOrDamagedOutcome: z.enum(["store_credit_or_send_back", "send_back", "refuse"]),
  freeExchanges: z.boolean(),
  customerPaysReturnShipping: z.boolean(),
  trackingRequired: z.boolean(),
  coveredOutboundExchangeShipments: z
    .number()
    .int()
    .min(0, "Must not be negative")
    .max(5, "At most 5"),
});

export const marketplaceChannelSchema = z.object({
  sourceName: text(80).min(1, "Enter the order source name"),
  label: text(80).min(1, "Enter the channel's name"),
  instructions: text(500).min(1, "Tell shoppers where to return"),
});

export const returnsSchema = z.object({
  windowDays: positiveDays(365),
  handlingFee: moneySchema,
  handlingFeeWaivedFor: z.array(z.enum(["store_credit", "exchange"])),
  saleItemsStoreCreditOnly: z.boolean(),
  saleTags: z.array(text(255)),
  nonReturnableTags: z.array(text(255)),
  nonReturnableProductTypes: z.array(text(255)),
  markets: z
    .array(marketRuleSchema)
    .min(1, "Add at least one market")
    .superRefine((list, ctx) => {
      const wildcard = list.filter((m) => m.countries === "*").length;
      if (wildcard > 1)
        ctx.addIssue({ code: "custom", path: [], message: "Only one market may use *" });
      const owner = new Map<string, string>();
      list.forEach((m, i) => {
        if (m.countries === "*") return;
        m.countries.forEach((c, k) => {
          const other = owner.get(c);
          if (other) {
            ctx.addIssue({
              code: "custom",
              path: [i, "countries", k],
              message: `${c} is already in ${other}`,
            });
          }
          owner.set(c, m.name);
        });
      });
    }),
  marketplaceChannels: z.array(marketplaceChannelSchema),
  internationalHsCode: text(20),
  // Versions saved before these settings existed read as the reference store's rules.
  /** What makes a line a sale item: a sale tag, a price below compare-at, a line discount. */
  saleWhen: z
    .array(z.enum(["tagged", "below_compare_at", "line_discount"]))
    .default(["tagged", "below_compare_at"]),
  sampleTags: z.array(text(255)).default(["sample"]),
  /** Made to order with two sizes for one pair: custom final sale. */
  customFinalSaleTags: z.array(text(255)).default(["custom-final-sale"]),
  /** Requests the rules decide cleanly are approved at once; the rest wait for the merchant. */
  autoApprove: z.boolean().default(true),
  /** A requested or approved return with no parcel moving after this many days is flagged. */
  parcelReminderDays: positiveDays(60).default(7),
  /** An approved return never shipped is closed after this many days. */
  approvedReturnExpiryDays: positiveDays(120).default(30),
});

export const referralsSchema = z.object({
  enabled: z.boolean(),
  friendReward: moneySchema,
  referrerReward: moneySchema,
  referrerRewardForm: z.enum(["store_credit", "discount_code"]),
  minimumOrder: moneySchema,
  holdUntilReturnWindowEnds: z.boolean(),
  ambassadorProgramEnabled: z.boolean(),
  ambassadorReward: moneySchema,
  newsletterFirstOrderDiscount: moneySchema,
  // Versions saved before these settings existed read as the reference store's program.
  /** The friend's reward: `friendReward` off, or `friendRewardPercent` % of the subtotal. */
  friendRewardKind: z.enum(["amount", "percent"]).default("amount"),
  friendRewardPercent: percent.default(0),
  /** What makes a friend "not new": an earlier order by the customer, the email, the address. */
  newFriendChecks: z
    .array(z.enum(["customer", "email", "address"]))
    .default(["customer", "email", "address"]),
  /** A code used by more friends than this in 30 days (and far more than others) is "leaked". */
  leakedCodeFriends: z.number().int().min(2, "At least 2").max(10_000).default(25),
  /** This many friends of one referrer at one shipping address flag the next. */
  friendsPerAddress: z.number().int().min(2, "At least 2").max(100).default(3),
  /** A paid reward after the friend's refund or return: shown only, or unspent credit debited. */
  clawBack: z.enum(["none", "debit_store_credit"]).default("none"),
});

export const shippingTierSchema = z.object({
  name: text(60).min(1, "Name the tier"),
  countries: countries("List at least one country"),
  estimatedCost: moneySchema,
  deliveryBusinessDays: dayRange,
});

export const holidaySchema = z.object({ date: isoDate, name: text(80).min(1, "Name the holiday") });

export const shippingSchema = z.object({
  timezone: z.string().refine(isValidTimeZone, "Unknown time zone"),
  businessDays: z
    .array(z.enum(WEEKDAYS as unknown as [string, ...string[]]))
    .min(1, "Pick at least one business day"),
  holidays: z.array(holidaySchema).superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((h, i) => {
      if (seen.has(h.date))
        ctx.addIssue({ code: "custom", path: [i, "date"], message: "Listed twice" });
      seen.add(h.date);
    });
  }),
  inStockShipBusinessDays: dayRange,
  trialShipBusinessDays: dayRange,
  /** Orders placed after this local time start being handled the next business day. */
  dailyCutOff: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time such as 14:00")
    .default("14:00"),
  tiers: z
    .array(shippingTierSchema)
    .min(1, "Add at least one shipping tier")
    .superRefine((list, ctx) => {
      const owner = new Map<string, string>();
      list.forEach((t, i) =>
        t.countries.forEach((c, k) => {
          const other = owner.get(c);
          if (other)
            ctx.addIssue({
              code: "custom",
              path: [i, "countries", k],
              message: `${c} is already in ${other}`,
            });
          owner.set(c, t.name);
        }),
      );
    }),
});

export const sizeChartSchema = z.object({
  /** The product type the chart is for; "*" for every product without its own chart. */
  family: text(80).min(1, "Name the product type, or * for all"),
  /** Half sizes added to the usual size: 1 = half a size up. */
  offsetHalves: z.number().int().min(-4, "At most 2 sizes down").max(4, "At most 2 sizes up"),
  widthRule: z.enum(["as_usual", "one_wider", "one_narrower"]),
  between: z.enum(["up", "down"]),
});

export const fitSchema = z
  .object({
    finderEnabled: z.boolean(),
    /** Outcomes of shoppers like the one asking before the store's data overrides the chart. */
    minimumOutcomes: z.number().int().min(1, "At least 1").max(1000, "At most 1000"),
    charts: z.array(sizeChartSchema).superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((c, i) => {
        if (seen.has(c.family))
          ctx.addIssue({ code: "custom", path: [i, "family"], message: "Listed twice" });
        seen.add(c.family);
      });
    }),
    /** Where the store already keeps customers' sizes: a customer tag prefix such as "size:". */
    knownSizeTagPrefix: text(40),
  })
  .default({
    finderEnabled: true,
    minimumOutcomes: 10,
    charts: [{ family: "*", offsetHalves: 0, widthRule: "as_usual", between: "up" }],
    knownSizeTagPrefix: "size:",
  });

export const POLICY_SECTIONS = [
  "trial",
  "madeToOrder",
  "returns",
  "referrals",
  "shipping",
  "fit",
] as const;
export type PolicySection = (typeof POLICY_SECTIONS)[number];

export const policyDocumentSchema = z
  .object({
    schemaVersion: z.literal(1),
    currency: currencyCode,
    trial: trialSchema,
    madeToOrder: madeToOrderSchema,
    returns: returnsSchema,
    referrals: referralsSchema,
    shipping: shippingSchema,
    fit: fitSchema,
  })
  .superRefine((doc, ctx) => {
    // Every amount is in the shop's currency: mixing currencies would make fees meaningless.
    walkMoney(doc, [], (value, path) => {
      if (value.currency !== doc.currency) {
        ctx.addIssue({
          code: "custom",
          path: [...path, "currency"],
          message: `Use ${doc.currency}`,
        });
      }
    });
    const shipped = new Set(doc.shipping.tiers.flatMap((t) => t.countries));
    doc.trial.countries.forEach((c, i) => {
      if (!shipped.has(c)) {
        ctx.addIssue({
          code: "custom",
          path: ["trial", "countries", i],
          message: `${c} is not in any shipping tier`,
        });
      }
    });
    if (doc.madeToOrder.fitEscalateAfterDays <= doc.madeToOrder.fitReminderAfterDays) {
      ctx.addIssue({
        code: "custom",
        path: ["madeToOrder", "fitEscalateAfterDays"],
        message: "Escalate after the reminder, not before",
      });
    }
  });

export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
export type TrialPolicy = z.infer<typeof trialSchema>;
export type MadeToOrderPolicy = z.infer<typeof madeToOrderSchema>;
export type ReturnsPolicy = z.infer<typeof returnsSchema>;
export type ReferralsPolicy = z.infer<typeof referralsSchema>;
export type ShippingPolicy = z.infer<typeof shippingSchema>;
export type FitPolicy = z.infer<typeof fitSchema>;

function walkMoney(
  node: unknown,
  path: (string | number)[],
  visit: (value: { amount: number; currency: string }, path: (string | number)[]) => void,
): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => walkMoney(child, [...path, i], visit));
  } else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (
      typeof record.amount === "number" &&
      typeof record.currency === "string" &&
      path.length > 0
    ) {
      visit(record as { amount: number; currency: string }, path);
      return;
    }
    for (const [key, child] of Object.entries(record)) walkMoney(child, [...path, key], visit);
  }
}
