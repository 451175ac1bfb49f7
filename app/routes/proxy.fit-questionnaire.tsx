import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { SIZES, WIDTHS } from "~/domain/fit-profile";
import { escapeHtml, proxyPage } from "~/storefront/html";
import { questionnaireTrials, saveQuestionnaire } from "~/features/trial/index.server";
import { proxyShopper } from "~/storefront/proxy-shopper.server";

// /apps/fitting-room/fit-questionnaire: the trial box questionnaire (usual size, width, fit
// issues, colours, new or sample), saved against the shopper's trial for the fitting team.

const schema = z.object({
  trialId: z.string().min(1, "Choose the trial box"),
  usualSize: z.string().regex(/^(?:[4-9]|1[0-2])(?:\.5)?$/, "Choose a US size between 4 and 12"),
  width: z.enum(WIDTHS, { errorMap: () => ({ message: "Choose a width" }) }),
  fitIssues: z.string().trim().max(500, "At most 500 characters"),
  colours: z.string().trim().max(200, "At most 200 characters"),
  newOrSample: z.enum(["new", "sample", "either"], {
    errorMap: () => ({ message: "Choose new, sample or either" }),
  }),
});

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
<label>Fit issues (bunions, narrow heel, half sizes…) <textarea name="fitIssues" maxlength="500"></textarea></label>
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
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return form(
      shop,
      customerGid,
      `${String(issue?.path[0] ?? "form")}: ${issue?.message ?? "Invalid"}`,
      true,
    );
  }
  const { trialId, ...answers } = parsed.data;
  const result = await saveQuestionnaire(shop, customerGid, trialId, answers);
  return form(
    shop,
    customerGid,
    result.ok ? result.message : `${result.field}: ${result.message}`,
    !result.ok,
  );
};
