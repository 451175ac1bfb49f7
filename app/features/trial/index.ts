// The trial box's browser-safe surface: what the admin pages show about a trial. Server code
// imports ./index.server; nothing outside this folder imports anything else in it.
export {
  OPEN_TRIAL_STATUSES,
  TRIAL_STATUSES,
  TRIAL_STATUS_LABELS,
  TRIAL_STATUS_TONES,
  type TrialStatus,
} from "./domain/status";
