export const APP_INSTALLATION_ID_QUERY = `#graphql
  query AppInstallationId {
    currentAppInstallation {
      id
    }
    shop {
      id
    }
  }
` as const;

export const METAFIELDS_SET_MUTATION = `#graphql
  mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
        namespace
        key
        compareDigest
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
