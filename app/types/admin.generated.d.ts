/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type AppInstallationIdQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type AppInstallationIdQuery = { currentAppInstallation: Pick<AdminTypes.AppInstallation, 'id'> };

export type MetafieldsSetMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type MetafieldsSetMutation = { metafieldsSet?: AdminTypes.Maybe<{ metafields?: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, 'id' | 'namespace' | 'key' | 'compareDigest'>>>, userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message' | 'code'>> }> };

export type PaymentScheduleOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type PaymentScheduleOrderQuery = { node?: AdminTypes.Maybe<(
    Pick<AdminTypes.PaymentSchedule, 'id' | 'dueAt'>
    & { paymentTerms: { order?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id'>> } }
  )> };

export type ShopDetailsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopDetailsQuery = { shop: (
    Pick<AdminTypes.Shop, 'myshopifyDomain' | 'currencyCode' | 'ianaTimezone'>
    & { plan: Pick<AdminTypes.ShopPlan, 'shopifyPlus'> }
  ), currentAppInstallation: Pick<AdminTypes.AppInstallation, 'id'> };

interface GeneratedQueryTypes {
  "#graphql\n  query AppInstallationId {\n    currentAppInstallation {\n      id\n    }\n  }\n": {return: AppInstallationIdQuery, variables: AppInstallationIdQueryVariables},
  "#graphql\n  query PaymentScheduleOrder($id: ID!) {\n    node(id: $id) {\n      ... on PaymentSchedule {\n        id\n        dueAt\n        paymentTerms {\n          order {\n            id\n          }\n        }\n      }\n    }\n  }\n": {return: PaymentScheduleOrderQuery, variables: PaymentScheduleOrderQueryVariables},
  "#graphql\n  query ShopDetails {\n    shop {\n      myshopifyDomain\n      currencyCode\n      ianaTimezone\n      plan {\n        shopifyPlus\n      }\n    }\n    currentAppInstallation {\n      id\n    }\n  }\n": {return: ShopDetailsQuery, variables: ShopDetailsQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields {\n        id\n        namespace\n        key\n        compareDigest\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: MetafieldsSetMutation, variables: MetafieldsSetMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
