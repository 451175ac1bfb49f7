import { Badge } from "@shopify/polaris";
import type { StatusTone } from "~/domain/status-tone";

export function StatusBadge({ label, tone }: { label: string; tone: StatusTone }) {
  return <Badge tone={tone}>{label}</Badge>;
}
