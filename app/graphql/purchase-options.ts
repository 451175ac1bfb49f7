// The trial's purchase option on Shopify: a TRY_BEFORE_YOU_BUY selling plan group on the eligible
// products, created once and kept in line with the policy.

export const PRODUCTS_BY_QUERY = `#graphql
  query ProductsForPurchaseOption($query: String!, $after: String) {
    products(first: 250, query: $query, after: $after) {
      nodes {
        id
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
` as const;

export const SELLING_PLAN_GROUP_QUERY = `#graphql
  query PurchaseOptionGroup($id: ID!) {
    sellingPlanGroup(id: $id) {
      id
      sellingPlans(first: 5) {
        nodes {
          id
        }
      }
      products(first: 250) {
        nodes {
          id
        }
      }
    }
  }
` as const;

export const SELLING_PLAN_GROUP_CREATE = `#graphql
  mutation PurchaseOptionCreate($input: SellingPlanGroupInput!, $resources: SellingPlanGroupResourceInput) {
    sellingPlanGroupCreate(input: $input, resources: $resources) {
      sellingPlanGroup {
        id
        sellingPlans(first: 5) {
          nodes {
            id
          }
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

export const SELLING_PLAN_GROUP_UPDATE = `#graphql
  mutation PurchaseOptionUpdate($id: ID!, $input: SellingPlanGroupInput!) {
    sellingPlanGroupUpdate(id: $id, input: $input) {
      sellingPlanGroup {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

export const SELLING_PLAN_GROUP_ADD_PRODUCTS = `#graphql
  mutation PurchaseOptionAddProducts($id: ID!, $productIds: [ID!]!) {
    sellingPlanGroupAddProducts(id: $id, productIds: $productIds) {
      sellingPlanGroup {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

export const SELLING_PLAN_GROUP_REMOVE_PRODUCTS = `#graphql
  mutation PurchaseOptionRemoveProducts($id: ID!, $productIds: [ID!]!) {
    sellingPlanGroupRemoveProducts(id: $id, productIds: $productIds) {
      removedProductIds
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

// The trial's checkout rules: the validation Function `trial-validation`, configured by its
// metafield fitting_room.trial_rules.
export const VALIDATION_CREATE = `#graphql
  mutation TrialValidationCreate($validation: ValidationCreateInput!) {
    validationCreate(validation: $validation) {
      validation {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

export const VALIDATION_UPDATE = `#graphql
  mutation TrialValidationUpdate($id: ID!, $validation: ValidationUpdateInput!) {
    validationUpdate(id: $id, validation: $validation) {
      validation {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

// The trial box fee: its own product (unlisted, no shipping, no stock tracking) so it is a
// separate cart line paid at checkout, not part of the deferred trial balance.
export const FEE_PRODUCT_SET = `#graphql
  mutation TrialFeeProductSet($input: ProductSetInput!) {
    productSet(input: $input, synchronous: true) {
      product {
        id
        variants(first: 1) {
          nodes {
            id
          }
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

export const PUBLICATIONS_QUERY = `#graphql
  query TrialFeePublications {
    publications(first: 20) {
      nodes {
        id
        name
      }
    }
  }
` as const;

export const PUBLISHABLE_PUBLISH = `#graphql
  mutation TrialFeePublish($id: ID!, $input: [PublicationInput!]!) {
    publishablePublish(id: $id, input: $input) {
      userErrors {
        field
        message
      }
    }
  }
` as const;
