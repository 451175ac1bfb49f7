// Made-to-order's browser-safe surface: what the admin pages show about a case. Server code
// imports ./index.server; nothing outside this folder imports anything else in it.
export {
  MTO_QUEUES,
  MTO_STATUS_LABELS,
  MTO_STATUS_TONES,
  QUEUE_LABELS,
  type MtoQueue,
  type MtoStatus,
} from "./domain/status";
