import type { SandboxMetafield } from "../store";

/** A metafield as the Admin API shows it. */
export function metafieldObject(m: SandboxMetafield) {
  return {
    __typename: "Metafield",
    id: m.id,
    namespace: m.namespace,
    key: m.key,
    type: m.type,
    value: m.value,
    compareDigest: m.compareDigest,
    updatedAt: m.updatedAt,
  };
}
