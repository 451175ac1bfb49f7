// A policy's purchase option on Shopify: a selling plan group on the eligible products, created
// once and kept in line with the policy (app/services/selling-plans.server.ts).

// A purchase option's group and the plan it holds.
export const SELLING_PLAN_GROUP_PLANS_FRAGMENT = `#graphql
  fragment PurchaseOptionPlans on SellingPlanGroup {
    id
    sellingPlans(first: 5) {
      nodes {
        id
      }
    }
  }
` as const;

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
      ...PurchaseOptionPlans
      products(first: 250) {
        nodes {
          id
        }
      }
    }
  }
  ${SELLING_PLAN_GROUP_PLANS_FRAGMENT}
` as const;

export const SELLING_PLAN_GROUP_CREATE = `#graphql
  mutation PurchaseOptionCreate($input: SellingPlanGroupInput!, $resources: SellingPlanGroupResourceInput) {
    sellingPlanGroupCreate(input: $input, resources: $resources) {
      sellingPlanGroup {
        ...PurchaseOptionPlans
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${SELLING_PLAN_GROUP_PLANS_FRAGMENT}
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
