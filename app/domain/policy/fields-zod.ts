import { z } from "zod";
import { COUNTRY_CODES, CURRENCY_CODES } from "../codes";
import { isIsoDate } from "../calendar";

// The building blocks of the policy's fields, each with the error a merchant reads.

export const countryCode = z
  .string()
  .transform((c) => c.trim().toUpperCase())
  .refine(
    (c) => COUNTRY_CODES.includes(c),
    (c) => ({ message: `Unknown country code "${c}"` }),
  );

export const currencyCode = z.string().refine(
  (c) => CURRENCY_CODES.includes(c),
  (c) => ({ message: `Unknown currency "${c}"` }),
);

export const moneySchema = z.object({
  amount: z
    .number({ invalid_type_error: "Enter an amount" })
    .int("Must be a whole number of cents")
    .nonnegative("Must not be negative")
    .max(100_000_000, "Amount is too large"),
  currency: currencyCode,
});

export const percent = z
  .number({ invalid_type_error: "Enter a percentage" })
  .int("Use a whole percentage")
  .min(0, "Must not be negative")
  .max(100, "Must be 100% or less");

export const days = (max: number) =>
  z
    .number({ invalid_type_error: "Enter a number of days" })
    .int("Use whole days")
    .min(0, "Must not be negative")
    .max(max, `At most ${max} days`);

export const positiveDays = (max: number) =>
  days(max).refine((d) => d >= 1, "Must be at least 1 day");

export const isoDate = z.string().refine(isIsoDate, "Use a date like 2027-01-31");

export const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

export const gidList = (type: string) =>
  z.array(
    z
      .string()
      .trim()
      .regex(
        new RegExp(`^gid://shopify/${type}/\\d+$`),
        `Use a ${type} id like gid://shopify/${type}/123`,
      ),
  );

export const countries = (emptyMessage: string) =>
  z
    .array(countryCode)
    .min(1, emptyMessage)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((c, i) => {
        if (seen.has(c))
          ctx.addIssue({ code: "custom", path: [i], message: `${c} is listed twice` });
        seen.add(c);
      });
    });

export const dayRange = z.object({ min: days(60), max: days(60) }).refine((r) => r.min <= r.max, {
  message: "The minimum must not exceed the maximum",
  path: ["max"],
});
