// Returns' browser-safe surface: what the admin pages show about a return. Server code imports
// ./index.server; nothing outside this folder imports anything else in it.
export { RETURN_STATUSES, RETURN_STATUS_LABELS, type ReturnStatus } from "./domain/next-action";
export { CONDITIONS, type Condition, type Resolution } from "./domain/eligibility";
export type { ItemDecision, ReturnDecision } from "./domain/decide";
export {
  RETURN_OUTCOMES,
  RETURN_QUEUES,
  RETURN_QUEUE_LABELS,
  RETURN_REASONS,
  RETURN_STATUS_TONES,
  type ReturnQueue,
} from "./domain/queues";
