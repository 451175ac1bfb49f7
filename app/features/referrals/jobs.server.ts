import type { PolicyJobHandler } from "~/policy-module";
import { advanceReferralCase } from "./advance.server";
import { REFERRALS_ADVANCE_JOB } from "./case.server";
import { REFERRALS_CODE_REMOVE_JOB } from "./actions.server";
import { REFERRALS_AMBASSADOR_APPLIED_JOB, ambassadorAppliedJob } from "./ambassadors.server";
import { REFERRALS_CODE_SYNC_JOB, removeCode, syncCode } from "./codes.server";
import { rebuildProgram } from "./discount-deleted.server";
import { REFERRALS_PROGRAM_REBUILD_JOB } from "./forget-discount.server";

// Referrals' jobs: a referral case's next step (decide, wait for the window, pay), and a new
// code's trip to Shopify, and the program's discounts made again after a merchant deleted one.

export const referralsJobs: Record<string, PolicyJobHandler> = {
  [REFERRALS_AMBASSADOR_APPLIED_JOB]: ambassadorAppliedJob,
  [REFERRALS_ADVANCE_JOB]: async (context) => {
    const { caseId } = context.payload as { caseId: string };
    await advanceReferralCase(
      { id: caseId, shop: context.shop },
      await context.admin(),
      context.log.child({ caseId }),
    );
  },
  [REFERRALS_CODE_SYNC_JOB]: async (context) => {
    const { codeId } = context.payload as { codeId: string };
    await syncCode(context.shop, codeId, await context.admin());
  },
  [REFERRALS_PROGRAM_REBUILD_JOB]: async (context) => {
    const { generation } = context.payload as { generation: number };
    await rebuildProgram(context.shop, generation, await context.admin(), context.log);
  },
  [REFERRALS_CODE_REMOVE_JOB]: async (context) => {
    const { codeId } = context.payload as { codeId: string };
    await removeCode(context.shop, codeId, await context.admin());
  },
};
