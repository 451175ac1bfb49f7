import { Badge } from "@shopify/polaris";
import { TRIAL_STATUS_LABELS, type TrialStatus } from "~/features/trial/domain/status";

type Tone = "info" | "success" | "warning" | "critical" | "attention" | undefined;

const TONES: Record<TrialStatus, Tone> = {
  awaiting_authorization: "info",
  awaiting_shipment: "info",
  in_transit: "info",
  delivered: "success",
  ending_soon: "attention",
  awaiting_returns: "warning",
  charged: undefined,
  closed: undefined,
  needs_attention: "critical",
  cancelled: undefined,
};

export function TrialStatusBadge({ status }: { status: TrialStatus }) {
  return <Badge tone={TONES[status]}>{TRIAL_STATUS_LABELS[status]}</Badge>;
}
