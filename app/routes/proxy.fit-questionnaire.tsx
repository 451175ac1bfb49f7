import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { SIZES, WIDTHS } from "~/domain/fit-profile";
import { escapeHtml, proxyPage } from "~/storefront/html";
import { questionnaireTrials, saveQuestionnaire } from "~/features/trial/index.server";
import { proxyShopper, readProxyForm } from "~/storefront/proxy-shopper.server";
import { widthCode, type FootNote } from "~/domain/fit-recommend";
import { finderProduct, recommendForShopper } from "~/services/fit-finder.server";
import { getCurrentPolicy } from "~/services/policy.server";
import { unauthenticated } from "~/shopify.server";
import { FOOT_NOTES } from "~/storefront/fit-finder-page";

// /apps/fitting-room/fit-questionnaire: the trial box questionnaire (usual size, width, fit
// issues, colours, new or sample), saved against the shopper's trial for the fitting team, with
// the fit finder's size for each pair in the box: the same recommender as the product page,
// its answers tied to the box's lines so what she keeps teaches the next shopper.

const schema = z.object({
  trialId: z.string().min(1, "Choose the trial box"),
  usualSize: z.string().regex(/^(?:[4-9]|1[0-2])(?:\.5)?$/, "Choose a US size between 4 and 12"),
  width: z.enum(WIDTHS, { errorMap: () => ({ message: "Choose a width" }) }),
  fitIssues: z.string().trim().max(500, "At most 500 characters"),
  colours: z.string().trim().max(200, "At most 200 characters"),
  newOrSample: z.enum(["new", "sample", "either"], {
    errorMap: () => ({ message: "Choose new, sample or either" }),
  }),
  between: z.boolean(),
  notes: z.array(
    z.enum(FOOT_NOTES as [FootNote, ...FootNote[]], { message: "Choose from the list" }),
  ),
});

type Trials = Awaited<ReturnType<typeof questionnaireTrials>>;

/** The finder's size for each product in the box ("Little Black Heels 8 W"), answers linked to the lines. */
async function suggestions(
  shop: string,
  customerGid: string,
  trial: Trials[number],
  answers: z.infer<typeof schema>,
): Promise<string[]> {
  if (!(await getCurrentPolicy(shop)).document.fit.finderEnabled) return [];
  const { admin } = await unauthenticated.admin(shop);
  const out: string[] = [];
  for (const line of trial.lines) {
    if (!line.productGid) continue;
    const product = await finderProduct(admin.graphql, line.productGid);
    if (!product) continue;
    const { recommendation } = await recommendForShopper({
      shop,
      customerGid,
      product: {
        productGid: product.id,
        productTitle: product.title,
        productType: product.productType,
      },
      answers: {
        usualSize: answers.usualSize,
        usualWidth: answers.width,
        between: answers.between,
        notes: answers.notes,
        brands: "",
      },
      line: { orderGid: trial.orderGid, lineItemGid: line.lineItemGid },
    });
    out.push(`${line.title} ${recommendation.size} ${widthCode(recommendation.width)}`);
  }
  return out;
}

async function form(shop: string, customerGid: string, notice: string | null, error: boolean) {
  const trials = await questionnaireTrials(shop, customerGid);
  const banner = notice
    ? `<p class="${error ? "fr-error" : "fr-note"}" role="status">${escapeHtml(notice)}</p>`
    : "";
  if (trials.length === 0)
    return proxyPage(
      "Fit questionnaire",
      `<h1>Fit questionnaire</h1>${banner}<p>There is no trial box waiting to be packed on your account.</p>`,
    );
  const sizes = SIZES;
  return proxyPage(
    "Fit questionnaire",
    `<h1>Fit questionnaire</h1>${banner}
<form method="post">
<label>Trial box <select name="trialId">${trials.map((t) => `<option value="${escapeHtml(t.id)}">${escapeHtml(t.orderName)}</option>`).join("")}</select></label>
<label>Usual US size <select name="usualSize">${sizes.map((s) => `<option>${s}</option>`).join("")}</select></label>
<label>Width <select name="width">${WIDTHS.map((w) => `<option>${w}</option>`).join("")}</select></label>
<label><input type="checkbox" name="between" value="1"> I'm often between sizes (I chose the smaller)</label>
<fieldset><legend>Your feet</legend>
<label><input type="checkbox" name="notes" value="wide_forefoot"> Wide forefoot</label>
<label><input type="checkbox" name="notes" value="narrow_heel"> Narrow heel</label>
<label><input type="checkbox" name="notes" value="high_instep"> High instep</label>
</fieldset>
<label>Other fit issues (bunions, half sizes…) <textarea name="fitIssues" maxlength="500"></textarea></label>
<label>Colour preferences <input name="colours" maxlength="200"></label>
<label>New pairs or samples (at a discount) <select name="newOrSample"><option value="new">New</option><option value="sample">Sample</option><option value="either">Either</option></select></label>
<p><button type="submit">Send to the fitting team</button></p>
</form>`,
    error ? 422 : 200,
  );
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const shopper = await proxyShopper(request, "Fit questionnaire");
  if (!shopper.ok) return shopper.response;
  return form(shopper.shop, shopper.customerGid, null, false);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const shopper = await proxyShopper(request, "Fit questionnaire");
  if (!shopper.ok) return shopper.response;
  const { shop, customerGid } = shopper;
  const body = await readProxyForm(request);
  const parsed = schema.safeParse({
    ...Object.fromEntries(body),
    between: body.get("between") === "1",
    notes: body.getAll("notes"),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return form(
      shop,
      customerGid,
      `${String(issue?.path[0] ?? "form")}: ${issue?.message ?? "Invalid"}`,
      true,
    );
  }
  const { trialId, usualSize, width, fitIssues, colours, newOrSample } = parsed.data;
  const trial = (await questionnaireTrials(shop, customerGid)).find((t) => t.id === trialId);
  let suggested: string[] = [];
  const result = await saveQuestionnaire(
    shop,
    customerGid,
    trialId,
    { usualSize, width, fitIssues, colours, newOrSample },
    async () => {
      suggested = trial ? await suggestions(shop, customerGid, trial, parsed.data) : [];
      return suggested;
    },
  );
  const message = result.ok
    ? `${result.message}${suggested.length ? ` Our fit finder suggests: ${suggested.join(", ")}.` : ""}`
    : `${result.field}: ${result.message}`;
  return form(shop, customerGid, message, !result.ok);
};
