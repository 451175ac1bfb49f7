// How a case's status is shown in the admin (a Polaris Badge tone); undefined is neutral.
export type StatusTone = "info" | "success" | "warning" | "critical" | "attention" | undefined;
