// A Relay connection over a list the sandbox already has: `first`/`last`/`after` (an offset
// cursor), `nodes`, `edges` and `pageInfo`, for the connections the returns feature reads.

type Args = Record<string, unknown>;

const cursor = (i: number) => Buffer.from(`i${i}`).toString("base64");
const offset = (c: unknown) =>
  typeof c === "string" ? Number(Buffer.from(c, "base64").toString().slice(1)) + 1 : 0;

export function connection<T>(typename: string, all: T[], args: Args = {}) {
  const list = args.reverse ? [...all].reverse() : all;
  const start = offset(args.after);
  const first = typeof args.first === "number" ? args.first : undefined;
  const last = typeof args.last === "number" ? args.last : undefined;
  let page = list.slice(start, first === undefined ? undefined : start + first);
  if (last !== undefined) page = page.slice(Math.max(0, page.length - last));
  const from = page.length ? list.indexOf(page[0] as T) : start;
  return {
    __typename: `${typename}Connection`,
    nodes: page,
    edges: page.map((node, i) => ({
      __typename: `${typename}Edge`,
      cursor: cursor(from + i),
      node,
    })),
    pageInfo: {
      __typename: "PageInfo",
      hasNextPage: from + page.length < list.length,
      hasPreviousPage: from > 0,
      startCursor: page.length ? cursor(from) : null,
      endCursor: page.length ? cursor(from + page.length - 1) : null,
    },
  };
}
