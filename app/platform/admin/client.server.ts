import type {
  AdminOperations,
  ApiClientRequestOptions,
  ReturnData,
} from "@shopify/admin-api-client";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { RetryableJobError, TerminalJobError, isThrottled } from "~/platform/jobs/errors.server";

export type AdminGraphql = AdminApiContext["graphql"];

export type Operation = keyof AdminOperations;
export type OperationVariables<O extends Operation> = ApiClientRequestOptions<
  O,
  AdminOperations
>["variables"];
export type OperationData<O extends Operation> = ReturnData<O, AdminOperations>;

/**
 * Runs one typed operation and returns its data. GraphQL errors become job errors: THROTTLED is
 * retryable, anything else (a schema rejection, access denied) is not.
 */
export async function adminRequest<O extends Operation>(
  graphql: AdminGraphql,
  operation: O,
  variables?: OperationVariables<O>,
): Promise<OperationData<O>> {
  let response: Response;
  try {
    response = await graphql(operation, variables ? { variables } : undefined);
  } catch (error) {
    // The client library throws on GraphQL errors; a throttled call was never acted on.
    if (isThrottled(error))
      throw new RetryableJobError(`throttled: ${(error as Error).message}`, 2000, true);
    throw error;
  }
  const body = await response.json();
  const errors = (body as { errors?: { message: string; extensions?: { code?: string } }[] })
    .errors;
  if (errors && errors.length > 0) {
    const text = errors.map((e) => e.message).join("; ");
    if (errors.some((e) => e.extensions?.code === "THROTTLED"))
      throw new RetryableJobError(`throttled: ${text}`, 1000, true);
    throw new TerminalJobError(`GraphQL error: ${text}`);
  }
  if (!body.data) throw new RetryableJobError("GraphQL response without data");
  return body.data as OperationData<O>;
}

export interface UserError {
  field?: readonly string[] | null;
  message: string;
  code?: string | null;
}

/** Every mutation's userErrors are checked: a non-empty list is a terminal failure, named. */
export function assertNoUserErrors(
  operation: string,
  userErrors: readonly UserError[] | null | undefined,
): void {
  if (userErrors && userErrors.length > 0) {
    const detail = userErrors
      .map((e) => `${e.field?.join(".") ?? "(input)"}: ${e.message}${e.code ? ` [${e.code}]` : ""}`)
      .join("; ");
    throw new TerminalJobError(`${operation} rejected: ${detail}`);
  }
}
