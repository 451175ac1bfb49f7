import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { ActionButton, CaseCard, CasePage, Timeline } from "~/components/CasePage";
import { isIsoDate } from "~/domain/calendar";
import { MTO_STATUS_TONES } from "~/features/made-to-order";
import {
  cancelCase,
  confirmFit,
  markFittingPairReturned,
  MtoActionError,
  mtoCaseInShop,
  requestSizeChange,
  rescheduleCase,
  resendFitLink,
} from "~/features/made-to-order/index.server";
import { caseDetail } from "~/features/made-to-order/index.server";
import { SIZES as SIZE_CHOICES, WIDTHS as WIDTH_CHOICES } from "~/domain/fit-profile";
import { invalidForm, readAdminForm } from "~/platform/form-errors.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const detail = await caseDetail(session.shop, params.id ?? "");
  if (!detail) throw new Response("Case not found", { status: 404 });
  return json({ detail });
};

const fit = {
  size: z.enum(SIZE_CHOICES as [string, ...string[]], { message: "Pick a size" }),
  width: z.enum(WIDTH_CHOICES, { message: "Pick a width" }),
};
const actionSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("confirm"),
    ...fit,
    feel: z.enum(["right", "too_small", "too_large"]),
    notes: z.string().trim().max(1000, "Keep notes under 1000 characters"),
  }),
  z.object({ action: z.literal("change_size"), ...fit }),
  z.object({
    action: z.literal("reschedule"),
    shipDate: z.string().refine(isIsoDate, "Use a date like 2026-12-31"),
  }),
  z.object({ action: z.literal("resend_link") }),
  z.object({ action: z.literal("fitting_pair_returned") }),
  z.object({ action: z.literal("cancel") }),
]);

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  if (!(await mtoCaseInShop(session.shop, params.id ?? "")))
    throw new Response("Case not found", { status: 404 });
  const parsed = actionSchema.safeParse(Object.fromEntries(await readAdminForm(request)));
  if (!parsed.success) return invalidForm(parsed.error);
  const shop = session.shop;
  const id = params.id ?? "";
  const input = parsed.data;
  try {
    switch (input.action) {
      case "confirm": {
        const r = await confirmFit(shop, id, { ...input, by: "merchant" });
        return json({ ok: true as const, message: `Fit confirmed; ships ${r.shipDate}.` });
      }
      case "change_size":
        await requestSizeChange(shop, id, input.size, input.width);
        return json({
          ok: true as const,
          message: `Changing the order to ${input.size} / ${input.width}.`,
        });
      case "reschedule":
        await rescheduleCase(shop, id, input.shipDate);
        return json({ ok: true as const, message: `Ship date moved to ${input.shipDate}.` });
      case "resend_link":
        await resendFitLink(shop, id, admin.graphql);
        return json({ ok: true as const, message: "Fit link sent again (Flow)." });
      case "fitting_pair_returned":
        await markFittingPairReturned(shop, id);
        return json({ ok: true as const, message: "Fitting pair marked returned." });
      case "cancel":
        await cancelCase(shop, id);
        return json({ ok: true as const, message: "Made-to-order cancelled; holds released." });
    }
  } catch (error) {
    if (!(error instanceof MtoActionError)) throw error;
    return json(
      { ok: false as const, field: error.field ?? "action", message: error.message },
      { status: 422 },
    );
  }
};

function Hidden({ action }: { action: string }) {
  return <input type="hidden" name="action" value={action} />;
}

export default function MadeToOrderCase() {
  const { detail } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [size, setSize] = useState(detail.size ?? "8");
  const [width, setWidth] = useState(detail.width ?? "Medium");
  const [feel, setFeel] = useState("right");
  const [notes, setNotes] = useState("");
  const [shipDate, setShipDate] = useState(detail.shipDate);
  const sizeFields = (
    <InlineStack gap="200">
      <Select
        label="Size"
        name="size"
        options={[...SIZE_CHOICES]}
        value={size}
        onChange={setSize}
      />
      <Select
        label="Width"
        name="width"
        options={[...WIDTH_CHOICES]}
        value={width}
        onChange={setWidth}
      />
    </InlineStack>
  );
  const dates = (
    <CaseCard title="Dates">
      <Text as="p">
        Promised at order:{" "}
        <strong data-promised-ship-date={detail.promisedShipDate}>{detail.promisedShipDate}</strong>
        {detail.expectedConfirmationDate
          ? ` (counting on the fit being confirmed by ${detail.expectedConfirmationDate})`
          : " (size already known)"}
      </Text>
      <Text as="p">
        Scheduled:{" "}
        <strong data-scheduled-ship-date={detail.scheduledShipDate ?? ""}>
          {detail.scheduledShipDate ?? "not yet: waiting for the fit"}
        </strong>
        {detail.late ? " · late" : ""}
      </Text>
      <Text as="p" tone="subdued">
        {detail.leadDays} days of production from the day the size is known, on the shop's business
        days.
      </Text>
    </CaseCard>
  );
  const fit = detail.fit && (
    <CaseCard title="Fit">
      <Text as="p">
        {detail.fit.size} / {detail.fit.width} ({detail.fit.feel?.replace("_", " ")}), confirmed by
        the {detail.fitConfirmedBy} on {detail.fitConfirmedAt?.slice(0, 10)}
      </Text>
      {detail.fit.notes && <Text as="p">“{detail.fit.notes}”</Text>}
    </CaseCard>
  );
  const confirm = detail.canConfirm && (
    <Card>
      <Form method="post">
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Confirm the size for the shopper
          </Text>
          <Hidden action="confirm" />
          <Select
            label="How it felt"
            name="feel"
            options={[
              { label: "Just right", value: "right" },
              { label: "Too small", value: "too_small" },
              { label: "Too large", value: "too_large" },
            ]}
            value={feel}
            onChange={setFeel}
          />
          {sizeFields}
          <TextField
            label="Notes"
            name="notes"
            value={notes}
            onChange={setNotes}
            autoComplete="off"
            multiline={2}
          />
          <Button submit variant="primary" disabled={busy}>
            Confirm size
          </Button>
        </BlockStack>
      </Form>
    </Card>
  );
  const changeSize = detail.canChangeSize && (
    <Card>
      <Form method="post">
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Change size
          </Text>
          <Hidden action="change_size" />
          {sizeFields}
          <Button submit disabled={busy}>
            Change the made-to-order pair
          </Button>
        </BlockStack>
      </Form>
    </Card>
  );
  const reschedule = detail.canReschedule && (
    <Card>
      <Form method="post">
        <BlockStack gap="200">
          <Hidden action="reschedule" />
          <TextField
            label="New ship date"
            name="shipDate"
            type="date"
            value={shipDate}
            onChange={setShipDate}
            autoComplete="off"
          />
          <Button submit disabled={busy}>
            Reschedule
          </Button>
        </BlockStack>
      </Form>
    </Card>
  );
  return (
    <CasePage
      title={`Made-to-order ${detail.orderName}`}
      subtitle={`${detail.customer}${detail.email ? ` · ${detail.email}` : ""} · ${detail.item} · policy v${detail.policyVersion}`}
      status={{ label: detail.statusLabel, tone: MTO_STATUS_TONES[detail.status] }}
      back={{ content: "Made-to-order", url: "/app/made-to-order" }}
      result={result}
      attention={
        detail.attention
          ? [
              {
                tone: "warning",
                text: `${detail.attention}${detail.sizeChange?.reason ? `: ${detail.sizeChange.reason}` : ""}`,
              },
            ]
          : []
      }
      main={
        <>
          {dates}
          {fit}
          <Timeline events={detail.timeline} />
        </>
      }
      side={
        <>
          {confirm}
          {changeSize}
          {reschedule}
          <Card>
            <BlockStack gap="200">
              {detail.canConfirm && (
                <ActionButton action="resend_link" label="Resend the fit link" busy={busy} />
              )}
              {detail.fittingPairOut && (
                <ActionButton
                  action="fitting_pair_returned"
                  label="Fitting pair received back"
                  busy={busy}
                />
              )}
              {detail.canCancel && (
                <ActionButton action="cancel" label="Cancel made-to-order" busy={busy} critical />
              )}
            </BlockStack>
          </Card>
        </>
      }
    />
  );
}
