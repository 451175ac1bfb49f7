/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type MtoOrderLineFragment = (
  Pick<AdminTypes.LineItem, 'id' | 'currentQuantity'>
  & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
);

export type MtoFulfillmentOrderStateFragment = Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'fulfillAt'>;

export type MtoOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type MtoOrderQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'cancelledAt'>
    & { lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'sku' | 'id' | 'currentQuantity'>
        & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
      )> }, fulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'fulfillAt'>
        & { lineItems: { nodes: Array<{ lineItem: Pick<AdminTypes.LineItem, 'id'> }> }, fulfillmentHolds: Array<Pick<AdminTypes.FulfillmentHold, 'id' | 'handle'>> }
      )> } }
  )> };

export type MtoProductVariantsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type MtoProductVariantsQuery = { product?: AdminTypes.Maybe<(
    Pick<AdminTypes.Product, 'id' | 'title'>
    & { variants: { nodes: Array<(
        Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'price'>
        & { selectedOptions: Array<Pick<AdminTypes.SelectedOption, 'name' | 'value'>> }
      )> } }
  )> };

export type MtoFittingPairProductQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type MtoFittingPairProductQuery = { products: { nodes: Array<Pick<AdminTypes.Product, 'id'>> } };

export type MtoFulfillmentOrderHoldMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  fulfillmentHold: AdminTypes.FulfillmentOrderHoldInput;
}>;


export type MtoFulfillmentOrderHoldMutation = { fulfillmentOrderHold?: AdminTypes.Maybe<{ fulfillmentHold?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentHold, 'id' | 'handle'>>, fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'fulfillAt'>>, userErrors: Array<Pick<AdminTypes.FulfillmentOrderHoldUserError, 'field' | 'message' | 'code'>> }> };

export type MtoFulfillmentOrderReleaseHoldMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  holdIds?: AdminTypes.InputMaybe<Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input']>;
}>;


export type MtoFulfillmentOrderReleaseHoldMutation = { fulfillmentOrderReleaseHold?: AdminTypes.Maybe<{ fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'fulfillAt'>>, userErrors: Array<Pick<AdminTypes.FulfillmentOrderReleaseHoldUserError, 'field' | 'message' | 'code'>> }> };

export type MtoFulfillmentOrderRescheduleMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  fulfillAt: AdminTypes.Scalars['DateTime']['input'];
}>;


export type MtoFulfillmentOrderRescheduleMutation = { fulfillmentOrderReschedule?: AdminTypes.Maybe<{ fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'fulfillAt'>>, userErrors: Array<Pick<AdminTypes.FulfillmentOrderRescheduleUserError, 'field' | 'message' | 'code'>> }> };

export type MtoOrderEditBeginMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type MtoOrderEditBeginMutation = { orderEditBegin?: AdminTypes.Maybe<{ calculatedOrder?: AdminTypes.Maybe<(
      Pick<AdminTypes.CalculatedOrder, 'id'>
      & { lineItems: { nodes: Array<(
          Pick<AdminTypes.CalculatedLineItem, 'id' | 'quantity'>
          & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
        )> } }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type MtoOrderEditAddVariantMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  variantId: AdminTypes.Scalars['ID']['input'];
  quantity: AdminTypes.Scalars['Int']['input'];
}>;


export type MtoOrderEditAddVariantMutation = { orderEditAddVariant?: AdminTypes.Maybe<{ calculatedLineItem?: AdminTypes.Maybe<Pick<AdminTypes.CalculatedLineItem, 'id'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type MtoOrderEditSetQuantityMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  lineItemId: AdminTypes.Scalars['ID']['input'];
  quantity: AdminTypes.Scalars['Int']['input'];
}>;


export type MtoOrderEditSetQuantityMutation = { orderEditSetQuantity?: AdminTypes.Maybe<{ calculatedOrder?: AdminTypes.Maybe<(
      Pick<AdminTypes.CalculatedOrder, 'id'>
      & { totalOutstandingSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type MtoOrderEditCommitMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  staffNote?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type MtoOrderEditCommitMutation = { orderEditCommit?: AdminTypes.Maybe<{ order?: AdminTypes.Maybe<(
      Pick<AdminTypes.Order, 'id'>
      & { lineItems: { nodes: Array<(
          Pick<AdminTypes.LineItem, 'id' | 'currentQuantity'>
          & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
        )> } }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type MtoSoldOutVariantsQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type MtoSoldOutVariantsQuery = { productVariants: { nodes: Array<(
      Pick<AdminTypes.ProductVariant, 'id' | 'inventoryPolicy'>
      & { inventoryItem: Pick<AdminTypes.InventoryItem, 'id'>, madeToOrderOnly?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'value'>>, product: Pick<AdminTypes.Product, 'id'> }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type MtoStockVariantQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type MtoStockVariantQuery = { inventoryItem?: AdminTypes.Maybe<(
    Pick<AdminTypes.InventoryItem, 'id'>
    & { variant: (
      Pick<AdminTypes.ProductVariant, 'id' | 'inventoryQuantity' | 'inventoryPolicy'>
      & { madeToOrderOnly?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'value'>>, product: Pick<AdminTypes.Product, 'id' | 'tags'> }
    ) }
  )> };

export type MtoContinueSellingMutationVariables = AdminTypes.Exact<{
  productId: AdminTypes.Scalars['ID']['input'];
  variants: Array<AdminTypes.ProductVariantsBulkInput> | AdminTypes.ProductVariantsBulkInput;
}>;


export type MtoContinueSellingMutation = { productVariantsBulkUpdate?: AdminTypes.Maybe<{ productVariants?: AdminTypes.Maybe<Array<Pick<AdminTypes.ProductVariant, 'id' | 'inventoryPolicy'>>>, userErrors: Array<Pick<AdminTypes.ProductVariantsBulkUpdateUserError, 'field' | 'message' | 'code'>> }> };

export type ReferralsDiscountErrorsFragment = Pick<AdminTypes.DiscountUserError, 'field' | 'message' | 'code'>;

export type ReferralsCodeDiscountCreateMutationVariables = AdminTypes.Exact<{
  discount: AdminTypes.DiscountCodeAppInput;
}>;


export type ReferralsCodeDiscountCreateMutation = { discountCodeAppCreate?: AdminTypes.Maybe<{ codeAppDiscount?: AdminTypes.Maybe<Pick<AdminTypes.DiscountCodeApp, 'discountId'>>, userErrors: Array<Pick<AdminTypes.DiscountUserError, 'field' | 'message' | 'code'>> }> };

export type ReferralsCodeDiscountUpdateMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  discount: AdminTypes.DiscountCodeAppInput;
}>;


export type ReferralsCodeDiscountUpdateMutation = { discountCodeAppUpdate?: AdminTypes.Maybe<{ codeAppDiscount?: AdminTypes.Maybe<Pick<AdminTypes.DiscountCodeApp, 'discountId'>>, userErrors: Array<Pick<AdminTypes.DiscountUserError, 'field' | 'message' | 'code'>> }> };

export type ReferralsAutomaticDiscountCreateMutationVariables = AdminTypes.Exact<{
  discount: AdminTypes.DiscountAutomaticAppInput;
}>;


export type ReferralsAutomaticDiscountCreateMutation = { discountAutomaticAppCreate?: AdminTypes.Maybe<{ automaticAppDiscount?: AdminTypes.Maybe<Pick<AdminTypes.DiscountAutomaticApp, 'discountId'>>, userErrors: Array<Pick<AdminTypes.DiscountUserError, 'field' | 'message' | 'code'>> }> };

export type ReferralsAutomaticDiscountUpdateMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  discount: AdminTypes.DiscountAutomaticAppInput;
}>;


export type ReferralsAutomaticDiscountUpdateMutation = { discountAutomaticAppUpdate?: AdminTypes.Maybe<{ automaticAppDiscount?: AdminTypes.Maybe<Pick<AdminTypes.DiscountAutomaticApp, 'discountId'>>, userErrors: Array<Pick<AdminTypes.DiscountUserError, 'field' | 'message' | 'code'>> }> };

export type ReferralsCodesAddMutationVariables = AdminTypes.Exact<{
  discountId: AdminTypes.Scalars['ID']['input'];
  codes: Array<AdminTypes.DiscountRedeemCodeInput> | AdminTypes.DiscountRedeemCodeInput;
}>;


export type ReferralsCodesAddMutation = { discountRedeemCodeBulkAdd?: AdminTypes.Maybe<{ bulkCreation?: AdminTypes.Maybe<Pick<AdminTypes.DiscountRedeemCodeBulkCreation, 'id'>>, userErrors: Array<Pick<AdminTypes.DiscountUserError, 'field' | 'message' | 'code'>> }> };

export type ReferralsCodesAddedQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReferralsCodesAddedQuery = { discountRedeemCodeBulkCreation?: AdminTypes.Maybe<(
    Pick<AdminTypes.DiscountRedeemCodeBulkCreation, 'done'>
    & { codes: { nodes: Array<(
        Pick<AdminTypes.DiscountRedeemCodeBulkCreationCode, 'code'>
        & { discountRedeemCode?: AdminTypes.Maybe<Pick<AdminTypes.DiscountRedeemCode, 'id'>>, errors: Array<Pick<AdminTypes.DiscountUserError, 'message'>> }
      )> } }
  )> };

export type ReferralsCodeRemoveMutationVariables = AdminTypes.Exact<{
  discountId: AdminTypes.Scalars['ID']['input'];
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type ReferralsCodeRemoveMutation = { discountCodeRedeemCodeBulkDelete?: AdminTypes.Maybe<{ job?: AdminTypes.Maybe<Pick<AdminTypes.Job, 'id'>>, userErrors: Array<Pick<AdminTypes.DiscountUserError, 'field' | 'message' | 'code'>> }> };

export type ReferralsOwnCodeSetMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type ReferralsOwnCodeSetMutation = { metafieldsSet?: AdminTypes.Maybe<{ metafields?: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, 'id'>>>, userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message' | 'code'>> }> };

type ReferralsStoreCreditTransaction_StoreCreditAccountCreditTransaction_Fragment = (
  Pick<AdminTypes.StoreCreditAccountCreditTransaction, 'id'>
  & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
);

type ReferralsStoreCreditTransaction_StoreCreditAccountDebitRevertTransaction_Fragment = (
  Pick<AdminTypes.StoreCreditAccountDebitRevertTransaction, 'id'>
  & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
);

type ReferralsStoreCreditTransaction_StoreCreditAccountDebitTransaction_Fragment = (
  Pick<AdminTypes.StoreCreditAccountDebitTransaction, 'id'>
  & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
);

type ReferralsStoreCreditTransaction_StoreCreditAccountExpirationTransaction_Fragment = { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> };

export type ReferralsStoreCreditTransactionFragment = ReferralsStoreCreditTransaction_StoreCreditAccountCreditTransaction_Fragment | ReferralsStoreCreditTransaction_StoreCreditAccountDebitRevertTransaction_Fragment | ReferralsStoreCreditTransaction_StoreCreditAccountDebitTransaction_Fragment | ReferralsStoreCreditTransaction_StoreCreditAccountExpirationTransaction_Fragment;

export type ReferralsStoreCreditMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  credit: AdminTypes.StoreCreditAccountCreditInput;
}>;


export type ReferralsStoreCreditMutation = { storeCreditAccountCredit?: AdminTypes.Maybe<{ storeCreditAccountTransaction?: AdminTypes.Maybe<(
      Pick<AdminTypes.StoreCreditAccountCreditTransaction, 'id'>
      & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
    )>, userErrors: Array<Pick<AdminTypes.StoreCreditAccountCreditUserError, 'field' | 'message' | 'code'>> }> };

export type ReferralsStoreCreditHistoryQueryVariables = AdminTypes.Exact<{
  customerId: AdminTypes.Scalars['ID']['input'];
}>;


export type ReferralsStoreCreditHistoryQuery = { customer?: AdminTypes.Maybe<{ storeCreditAccounts: { nodes: Array<{ transactions: { nodes: Array<(
            { __typename: 'StoreCreditAccountCreditTransaction' }
            & Pick<AdminTypes.StoreCreditAccountCreditTransaction, 'id' | 'createdAt'>
            & { amount: Pick<AdminTypes.MoneyV2, 'amount'> }
          ) | { __typename: 'StoreCreditAccountDebitRevertTransaction' | 'StoreCreditAccountExpirationTransaction' } | (
            { __typename: 'StoreCreditAccountDebitTransaction' }
            & Pick<AdminTypes.StoreCreditAccountDebitTransaction, 'id' | 'createdAt'>
            & { amount: Pick<AdminTypes.MoneyV2, 'amount'> }
          )> } }> } }> };

export type ReferralsRewardCodeCreateMutationVariables = AdminTypes.Exact<{
  discount: AdminTypes.DiscountCodeBasicInput;
}>;


export type ReferralsRewardCodeCreateMutation = { discountCodeBasicCreate?: AdminTypes.Maybe<{ codeDiscountNode?: AdminTypes.Maybe<Pick<AdminTypes.DiscountCodeNode, 'id'>>, userErrors: Array<Pick<AdminTypes.DiscountUserError, 'field' | 'message' | 'code'>> }> };

export type ReferralsCodeLookupQueryVariables = AdminTypes.Exact<{
  code: AdminTypes.Scalars['String']['input'];
}>;


export type ReferralsCodeLookupQuery = { codeDiscountNodeByCode?: AdminTypes.Maybe<Pick<AdminTypes.DiscountCodeNode, 'id'>> };

export type ReferralsAppDiscountsQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type ReferralsAppDiscountsQuery = { discountNodes: { nodes: Array<(
      Pick<AdminTypes.DiscountNode, 'id'>
      & { discount: (
        { __typename: 'DiscountAutomaticApp' }
        & Pick<AdminTypes.DiscountAutomaticApp, 'discountId' | 'title'>
      ) | { __typename: 'DiscountAutomaticBasic' | 'DiscountAutomaticBxgy' | 'DiscountAutomaticFreeShipping' | 'DiscountCodeBasic' | 'DiscountCodeBxgy' | 'DiscountCodeFreeShipping' } | (
        { __typename: 'DiscountCodeApp' }
        & Pick<AdminTypes.DiscountCodeApp, 'discountId' | 'title'>
      ) }
    )> } };

export type ReferralsStoreCreditBalanceQueryVariables = AdminTypes.Exact<{
  customerId: AdminTypes.Scalars['ID']['input'];
}>;


export type ReferralsStoreCreditBalanceQuery = { customer?: AdminTypes.Maybe<{ storeCreditAccounts: { nodes: Array<(
        Pick<AdminTypes.StoreCreditAccount, 'id'>
        & { balance: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
      )> } }> };

export type ReferralsStoreCreditDebitMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  debit: AdminTypes.StoreCreditAccountDebitInput;
}>;


export type ReferralsStoreCreditDebitMutation = { storeCreditAccountDebit?: AdminTypes.Maybe<{ storeCreditAccountTransaction?: AdminTypes.Maybe<(
      Pick<AdminTypes.StoreCreditAccountDebitTransaction, 'id'>
      & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
    )>, userErrors: Array<Pick<AdminTypes.StoreCreditAccountDebitUserError, 'field' | 'message' | 'code'>> }> };

export type ReferralsCardPaymentFragment = { paymentDetails?: AdminTypes.Maybe<Pick<AdminTypes.CardPaymentDetails, 'bin' | 'number' | 'expirationMonth' | 'expirationYear' | 'name'>> };

export type ReferralsFriendOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReferralsFriendOrderQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'cancelledAt' | 'displayFinancialStatus'>
    & { refunds: Array<(
      Pick<AdminTypes.Refund, 'id' | 'createdAt'>
      & { refundLineItems: { nodes: Array<(
          Pick<AdminTypes.RefundLineItem, 'quantity'>
          & { lineItem: Pick<AdminTypes.LineItem, 'id'> }
        )> } }
    )>, returns: { nodes: Array<Pick<AdminTypes.Return, 'id' | 'status'>> }, transactions: Array<{ paymentDetails?: AdminTypes.Maybe<Pick<AdminTypes.CardPaymentDetails, 'bin' | 'number' | 'expirationMonth' | 'expirationYear' | 'name'>> }>, customer?: AdminTypes.Maybe<(
      Pick<AdminTypes.Customer, 'id'>
      & { orders: { nodes: Array<Pick<AdminTypes.Order, 'id'>> } }
    )> }
  )> };

export type ReferralsReferrerCardsQueryVariables = AdminTypes.Exact<{
  customerId: AdminTypes.Scalars['ID']['input'];
}>;


export type ReferralsReferrerCardsQuery = { customer?: AdminTypes.Maybe<{ orders: { nodes: Array<(
        Pick<AdminTypes.Order, 'id'>
        & { transactions: Array<{ paymentDetails?: AdminTypes.Maybe<Pick<AdminTypes.CardPaymentDetails, 'bin' | 'number' | 'expirationMonth' | 'expirationYear' | 'name'>> }> }
      )> } }> };

export type ReturnsReturnStateFragment = (
  Pick<AdminTypes.Return, 'id' | 'name' | 'status'>
  & { order: Pick<AdminTypes.Order, 'id'>, returnLineItems: { nodes: Array<(
      Pick<AdminTypes.ReturnLineItem, 'returnReason' | 'returnReasonNote' | 'customerNote' | 'id' | 'quantity' | 'processedQuantity'>
      & { fulfillmentLineItem: { lineItem: Pick<AdminTypes.LineItem, 'id'> } }
    ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity' | 'processedQuantity'>> }, exchangeLineItems: { nodes: Array<Pick<AdminTypes.ExchangeLineItem, 'id' | 'quantity' | 'processedQuantity' | 'variantId'>> }, reverseFulfillmentOrders: { nodes: Array<(
      Pick<AdminTypes.ReverseFulfillmentOrder, 'id'>
      & { lineItems: { nodes: Array<(
          Pick<AdminTypes.ReverseFulfillmentOrderLineItem, 'id' | 'totalQuantity'>
          & { fulfillmentLineItem?: AdminTypes.Maybe<{ lineItem: Pick<AdminTypes.LineItem, 'id'> }> }
        )> }, reverseDeliveries: { nodes: Array<Pick<AdminTypes.ReverseDelivery, 'id'>> } }
    )> } }
);

export type ReturnsOrderReturnsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReturnsOrderReturnsQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { returns: { nodes: Array<(
        Pick<AdminTypes.Return, 'id'>
        & { returnLineItems: { nodes: Array<(
            Pick<AdminTypes.ReturnLineItem, 'id'>
            & { fulfillmentLineItem: { lineItem: Pick<AdminTypes.LineItem, 'id'> } }
          ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id'>> } }
      )> } }
  )> };

export type ReturnsReturnQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReturnsReturnQuery = { return?: AdminTypes.Maybe<(
    Pick<AdminTypes.Return, 'id' | 'name' | 'status'>
    & { order: Pick<AdminTypes.Order, 'id'>, returnLineItems: { nodes: Array<(
        Pick<AdminTypes.ReturnLineItem, 'returnReason' | 'returnReasonNote' | 'customerNote' | 'id' | 'quantity' | 'processedQuantity'>
        & { fulfillmentLineItem: { lineItem: Pick<AdminTypes.LineItem, 'id'> } }
      ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity' | 'processedQuantity'>> }, exchangeLineItems: { nodes: Array<Pick<AdminTypes.ExchangeLineItem, 'id' | 'quantity' | 'processedQuantity' | 'variantId'>> }, reverseFulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.ReverseFulfillmentOrder, 'id'>
        & { lineItems: { nodes: Array<(
            Pick<AdminTypes.ReverseFulfillmentOrderLineItem, 'id' | 'totalQuantity'>
            & { fulfillmentLineItem?: AdminTypes.Maybe<{ lineItem: Pick<AdminTypes.LineItem, 'id'> }> }
          )> }, reverseDeliveries: { nodes: Array<Pick<AdminTypes.ReverseDelivery, 'id'>> } }
      )> } }
  )> };

export type ReturnsCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnInput;
}>;


export type ReturnsCreateMutation = { returnCreate?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<(
      Pick<AdminTypes.Return, 'id' | 'name' | 'status'>
      & { order: Pick<AdminTypes.Order, 'id'>, returnLineItems: { nodes: Array<(
          Pick<AdminTypes.ReturnLineItem, 'returnReason' | 'returnReasonNote' | 'customerNote' | 'id' | 'quantity' | 'processedQuantity'>
          & { fulfillmentLineItem: { lineItem: Pick<AdminTypes.LineItem, 'id'> } }
        ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity' | 'processedQuantity'>> }, exchangeLineItems: { nodes: Array<Pick<AdminTypes.ExchangeLineItem, 'id' | 'quantity' | 'processedQuantity' | 'variantId'>> }, reverseFulfillmentOrders: { nodes: Array<(
          Pick<AdminTypes.ReverseFulfillmentOrder, 'id'>
          & { lineItems: { nodes: Array<(
              Pick<AdminTypes.ReverseFulfillmentOrderLineItem, 'id' | 'totalQuantity'>
              & { fulfillmentLineItem?: AdminTypes.Maybe<{ lineItem: Pick<AdminTypes.LineItem, 'id'> }> }
            )> }, reverseDeliveries: { nodes: Array<Pick<AdminTypes.ReverseDelivery, 'id'>> } }
        )> } }
    )>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnsApproveMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnApproveRequestInput;
}>;


export type ReturnsApproveMutation = { returnApproveRequest?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<(
      Pick<AdminTypes.Return, 'id' | 'name' | 'status'>
      & { order: Pick<AdminTypes.Order, 'id'>, returnLineItems: { nodes: Array<(
          Pick<AdminTypes.ReturnLineItem, 'returnReason' | 'returnReasonNote' | 'customerNote' | 'id' | 'quantity' | 'processedQuantity'>
          & { fulfillmentLineItem: { lineItem: Pick<AdminTypes.LineItem, 'id'> } }
        ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity' | 'processedQuantity'>> }, exchangeLineItems: { nodes: Array<Pick<AdminTypes.ExchangeLineItem, 'id' | 'quantity' | 'processedQuantity' | 'variantId'>> }, reverseFulfillmentOrders: { nodes: Array<(
          Pick<AdminTypes.ReverseFulfillmentOrder, 'id'>
          & { lineItems: { nodes: Array<(
              Pick<AdminTypes.ReverseFulfillmentOrderLineItem, 'id' | 'totalQuantity'>
              & { fulfillmentLineItem?: AdminTypes.Maybe<{ lineItem: Pick<AdminTypes.LineItem, 'id'> }> }
            )> }, reverseDeliveries: { nodes: Array<Pick<AdminTypes.ReverseDelivery, 'id'>> } }
        )> } }
    )>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnsDeclineMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnDeclineRequestInput;
}>;


export type ReturnsDeclineMutation = { returnDeclineRequest?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnsReverseDeliveryMutationVariables = AdminTypes.Exact<{
  reverseFulfillmentOrderId: AdminTypes.Scalars['ID']['input'];
  lines: Array<AdminTypes.ReverseDeliveryLineItemInput> | AdminTypes.ReverseDeliveryLineItemInput;
  tracking?: AdminTypes.InputMaybe<AdminTypes.ReverseDeliveryTrackingInput>;
  label?: AdminTypes.InputMaybe<AdminTypes.ReverseDeliveryLabelInput>;
}>;


export type ReturnsReverseDeliveryMutation = { reverseDeliveryCreateWithShipping?: AdminTypes.Maybe<{ reverseDelivery?: AdminTypes.Maybe<Pick<AdminTypes.ReverseDelivery, 'id'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnsProcessMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnProcessInput;
}>;


export type ReturnsProcessMutation = { returnProcess?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<(
      Pick<AdminTypes.Return, 'id' | 'name' | 'status'>
      & { order: Pick<AdminTypes.Order, 'id'>, returnLineItems: { nodes: Array<(
          Pick<AdminTypes.ReturnLineItem, 'returnReason' | 'returnReasonNote' | 'customerNote' | 'id' | 'quantity' | 'processedQuantity'>
          & { fulfillmentLineItem: { lineItem: Pick<AdminTypes.LineItem, 'id'> } }
        ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity' | 'processedQuantity'>> }, exchangeLineItems: { nodes: Array<Pick<AdminTypes.ExchangeLineItem, 'id' | 'quantity' | 'processedQuantity' | 'variantId'>> }, reverseFulfillmentOrders: { nodes: Array<(
          Pick<AdminTypes.ReverseFulfillmentOrder, 'id'>
          & { lineItems: { nodes: Array<(
              Pick<AdminTypes.ReverseFulfillmentOrderLineItem, 'id' | 'totalQuantity'>
              & { fulfillmentLineItem?: AdminTypes.Maybe<{ lineItem: Pick<AdminTypes.LineItem, 'id'> }> }
            )> }, reverseDeliveries: { nodes: Array<Pick<AdminTypes.ReverseDelivery, 'id'>> } }
        )> } }
    )>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnsRemoveLinesMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  lines?: AdminTypes.InputMaybe<Array<AdminTypes.ReturnLineItemRemoveFromReturnInput> | AdminTypes.ReturnLineItemRemoveFromReturnInput>;
}>;


export type ReturnsRemoveLinesMutation = { removeFromReturn?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnsCloseMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReturnsCloseMutation = { returnClose?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnsCancelMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReturnsCancelMutation = { returnCancel?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type ReturnsOrderSnapshotQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReturnsOrderSnapshotQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'email' | 'currencyCode' | 'sourceName'>
    & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id' | 'displayName'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'countryCodeV2'>>, lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'title' | 'variantTitle' | 'quantity' | 'isGiftCard'>
        & { originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, discountedUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, originalTotalSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, sellingPlan?: AdminTypes.Maybe<Pick<AdminTypes.LineItemSellingPlan, 'sellingPlanId'>>, product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id' | 'tags' | 'productType'>>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id' | 'compareAtPrice'>> }
      )> }, fulfillments: Array<(
      Pick<AdminTypes.Fulfillment, 'id' | 'deliveredAt'>
      & { fulfillmentLineItems: { nodes: Array<(
          Pick<AdminTypes.FulfillmentLineItem, 'id'>
          & { lineItem: Pick<AdminTypes.LineItem, 'id'> }
        )> } }
    )> }
  )> };

export type ReturnsRefundContextQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReturnsRefundContextQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { transactions: Array<(
      Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'gateway'>
      & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
    )> }
  )>, shop: { customerAccountsV2: Pick<AdminTypes.CustomerAccountsV2, 'customerAccountsVersion'> }, locations: { nodes: Array<Pick<AdminTypes.Location, 'id'>> } };

export type ReturnsExchangeVariantsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReturnsExchangeVariantsQuery = { product?: AdminTypes.Maybe<(
    Pick<AdminTypes.Product, 'id' | 'title'>
    & { variants: { nodes: Array<Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'price' | 'inventoryQuantity' | 'availableForSale'>> } }
  )> };

export type TrialTransactionFragment = (
  Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'authorizationExpiresAt'>
  & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
);

export type TrialMandatePaymentResultFragment = (
  Pick<AdminTypes.OrderCreateMandatePaymentPayload, 'paymentReferenceId'>
  & { userErrors: Array<Pick<AdminTypes.OrderCreateMandatePaymentUserError, 'field' | 'message' | 'code'>> }
);

export type TrialOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type TrialOrderQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'cancelledAt'>
    & { paymentCollectionDetails: { vaultedPaymentMethods?: AdminTypes.Maybe<Array<Pick<AdminTypes.PaymentMandate, 'id'>>> }, totalOutstandingSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, transactions: Array<(
      Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'authorizationExpiresAt'>
      & { parentTransaction?: AdminTypes.Maybe<Pick<AdminTypes.OrderTransaction, 'id'>>, amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
    )> }
  )> };

export type TrialMandatePaymentMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  mandateId: AdminTypes.Scalars['ID']['input'];
  idempotencyKey: AdminTypes.Scalars['String']['input'];
  autoCapture: AdminTypes.Scalars['Boolean']['input'];
}>;


export type TrialMandatePaymentMutation = { orderCreateMandatePayment?: AdminTypes.Maybe<(
    Pick<AdminTypes.OrderCreateMandatePaymentPayload, 'paymentReferenceId'>
    & { userErrors: Array<Pick<AdminTypes.OrderCreateMandatePaymentUserError, 'field' | 'message' | 'code'>> }
  )> };

export type TrialMandatePaymentWithAmountMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  mandateId: AdminTypes.Scalars['ID']['input'];
  idempotencyKey: AdminTypes.Scalars['String']['input'];
  autoCapture: AdminTypes.Scalars['Boolean']['input'];
  amount: AdminTypes.MoneyInput;
}>;


export type TrialMandatePaymentWithAmountMutation = { orderCreateMandatePayment?: AdminTypes.Maybe<(
    Pick<AdminTypes.OrderCreateMandatePaymentPayload, 'paymentReferenceId'>
    & { userErrors: Array<Pick<AdminTypes.OrderCreateMandatePaymentUserError, 'field' | 'message' | 'code'>> }
  )> };

export type TrialPaymentStatusQueryVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
  paymentReferenceId: AdminTypes.Scalars['String']['input'];
}>;


export type TrialPaymentStatusQuery = { orderPaymentStatus?: AdminTypes.Maybe<(
    Pick<AdminTypes.OrderPaymentStatus, 'status' | 'errorMessage'>
    & { transactions: Array<(
      Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'authorizationExpiresAt'>
      & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
    )> }
  )> };

export type TrialCaptureMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.OrderCaptureInput;
}>;


export type TrialCaptureMutation = { orderCapture?: AdminTypes.Maybe<{ transaction?: AdminTypes.Maybe<Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type TrialVoidMutationVariables = AdminTypes.Exact<{
  parentTransactionId: AdminTypes.Scalars['ID']['input'];
}>;


export type TrialVoidMutation = { transactionVoid?: AdminTypes.Maybe<{ transaction?: AdminTypes.Maybe<Pick<AdminTypes.OrderTransaction, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.TransactionVoidUserError, 'field' | 'message' | 'code'>> }> };

export type TrialRemoveLinesMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.RefundInput;
}>;


export type TrialRemoveLinesMutation = { refundCreate?: AdminTypes.Maybe<{ refund?: AdminTypes.Maybe<Pick<AdminTypes.Refund, 'id'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type TrialLineQuantitiesQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type TrialLineQuantitiesQuery = { nodes: Array<AdminTypes.Maybe<Pick<AdminTypes.LineItem, 'id' | 'currentQuantity'>>> };

export type TrialPaymentScheduleQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type TrialPaymentScheduleQuery = { order?: AdminTypes.Maybe<{ totalOutstandingSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, paymentTerms?: AdminTypes.Maybe<{ paymentSchedules: { nodes: Array<Pick<AdminTypes.PaymentSchedule, 'id' | 'completedAt'>> } }> }> };

export type TrialPaymentReminderSendMutationVariables = AdminTypes.Exact<{
  paymentScheduleId: AdminTypes.Scalars['ID']['input'];
}>;


export type TrialPaymentReminderSendMutation = { paymentReminderSend?: AdminTypes.Maybe<(
    Pick<AdminTypes.PaymentReminderSendPayload, 'success'>
    & { userErrors: Array<Pick<AdminTypes.PaymentReminderSendUserError, 'field' | 'message' | 'code'>> }
  )> };

export type TrialOrderCancelMutationVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
  staffNote?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type TrialOrderCancelMutation = { orderCancel?: AdminTypes.Maybe<{ job?: AdminTypes.Maybe<Pick<AdminTypes.Job, 'id'>>, orderCancelUserErrors: Array<Pick<AdminTypes.OrderCancelUserError, 'field' | 'message' | 'code'>> }> };

export type TrialValidationCreateMutationVariables = AdminTypes.Exact<{
  validation: AdminTypes.ValidationCreateInput;
}>;


export type TrialValidationCreateMutation = { validationCreate?: AdminTypes.Maybe<{ validation?: AdminTypes.Maybe<Pick<AdminTypes.Validation, 'id'>>, userErrors: Array<Pick<AdminTypes.ValidationUserError, 'field' | 'message' | 'code'>> }> };

export type TrialValidationUpdateMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  validation: AdminTypes.ValidationUpdateInput;
}>;


export type TrialValidationUpdateMutation = { validationUpdate?: AdminTypes.Maybe<{ validation?: AdminTypes.Maybe<Pick<AdminTypes.Validation, 'id'>>, userErrors: Array<Pick<AdminTypes.ValidationUserError, 'field' | 'message' | 'code'>> }> };

export type TrialFeeProductSetMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ProductSetInput;
}>;


export type TrialFeeProductSetMutation = { productSet?: AdminTypes.Maybe<{ product?: AdminTypes.Maybe<(
      Pick<AdminTypes.Product, 'id'>
      & { variants: { nodes: Array<Pick<AdminTypes.ProductVariant, 'id'>> } }
    )>, userErrors: Array<Pick<AdminTypes.ProductSetUserError, 'field' | 'message' | 'code'>> }> };

export type TrialFeePublicationsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type TrialFeePublicationsQuery = { publications: { nodes: Array<Pick<AdminTypes.Publication, 'id' | 'name'>> } };

export type TrialFeePublishMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  input: Array<AdminTypes.PublicationInput> | AdminTypes.PublicationInput;
}>;


export type TrialFeePublishMutation = { publishablePublish?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type TrialLineProductsQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type TrialLineProductsQuery = { products: { nodes: Array<Pick<AdminTypes.Product, 'id' | 'title' | 'tags'>> } };

export type FitFinderProductQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type FitFinderProductQuery = { product?: AdminTypes.Maybe<(
    Pick<AdminTypes.Product, 'id' | 'title' | 'productType'>
    & { variants: { nodes: Array<Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'availableForSale'>> } }
  )> };

export type FitKnownSizeCustomersQueryVariables = AdminTypes.Exact<{
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type FitKnownSizeCustomersQuery = { customers: { nodes: Array<Pick<AdminTypes.Customer, 'id' | 'email' | 'tags'>>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type FlowTriggerReceiveMutationVariables = AdminTypes.Exact<{
  handle: AdminTypes.Scalars['String']['input'];
  payload: AdminTypes.Scalars['JSON']['input'];
}>;


export type FlowTriggerReceiveMutation = { flowTriggerReceive?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type GiftCardCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.GiftCardCreateInput;
}>;


export type GiftCardCreateMutation = { giftCardCreate?: AdminTypes.Maybe<{ giftCard?: AdminTypes.Maybe<Pick<AdminTypes.GiftCard, 'id'>>, userErrors: Array<Pick<AdminTypes.GiftCardUserError, 'field' | 'message' | 'code'>> }> };

export type CustomerAccountsVersionQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type CustomerAccountsVersionQuery = { shop: { customerAccountsV2: Pick<AdminTypes.CustomerAccountsV2, 'customerAccountsVersion'> } };

export type AppInstallationIdQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type AppInstallationIdQuery = { currentAppInstallation: Pick<AdminTypes.AppInstallation, 'id'>, shop: Pick<AdminTypes.Shop, 'id'> };

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

export type PurchaseOptionPlansFragment = (
  Pick<AdminTypes.SellingPlanGroup, 'id'>
  & { sellingPlans: { nodes: Array<Pick<AdminTypes.SellingPlan, 'id'>> } }
);

export type ProductsForPurchaseOptionQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type ProductsForPurchaseOptionQuery = { products: { nodes: Array<Pick<AdminTypes.Product, 'id'>>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type PurchaseOptionGroupQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type PurchaseOptionGroupQuery = { sellingPlanGroup?: AdminTypes.Maybe<(
    Pick<AdminTypes.SellingPlanGroup, 'id'>
    & { products: { nodes: Array<Pick<AdminTypes.Product, 'id'>> }, sellingPlans: { nodes: Array<Pick<AdminTypes.SellingPlan, 'id'>> } }
  )> };

export type PurchaseOptionCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.SellingPlanGroupInput;
  resources?: AdminTypes.InputMaybe<AdminTypes.SellingPlanGroupResourceInput>;
}>;


export type PurchaseOptionCreateMutation = { sellingPlanGroupCreate?: AdminTypes.Maybe<{ sellingPlanGroup?: AdminTypes.Maybe<(
      Pick<AdminTypes.SellingPlanGroup, 'id'>
      & { sellingPlans: { nodes: Array<Pick<AdminTypes.SellingPlan, 'id'>> } }
    )>, userErrors: Array<Pick<AdminTypes.SellingPlanGroupUserError, 'field' | 'message' | 'code'>> }> };

export type PurchaseOptionUpdateMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  input: AdminTypes.SellingPlanGroupInput;
}>;


export type PurchaseOptionUpdateMutation = { sellingPlanGroupUpdate?: AdminTypes.Maybe<{ sellingPlanGroup?: AdminTypes.Maybe<Pick<AdminTypes.SellingPlanGroup, 'id'>>, userErrors: Array<Pick<AdminTypes.SellingPlanGroupUserError, 'field' | 'message' | 'code'>> }> };

export type PurchaseOptionAddProductsMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  productIds: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type PurchaseOptionAddProductsMutation = { sellingPlanGroupAddProducts?: AdminTypes.Maybe<{ sellingPlanGroup?: AdminTypes.Maybe<Pick<AdminTypes.SellingPlanGroup, 'id'>>, userErrors: Array<Pick<AdminTypes.SellingPlanGroupUserError, 'field' | 'message' | 'code'>> }> };

export type PurchaseOptionRemoveProductsMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  productIds: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type PurchaseOptionRemoveProductsMutation = { sellingPlanGroupRemoveProducts?: AdminTypes.Maybe<(
    Pick<AdminTypes.SellingPlanGroupRemoveProductsPayload, 'removedProductIds'>
    & { userErrors: Array<Pick<AdminTypes.SellingPlanGroupUserError, 'field' | 'message' | 'code'>> }
  )> };

export type ShopDetailsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopDetailsQuery = { shop: (
    Pick<AdminTypes.Shop, 'myshopifyDomain' | 'currencyCode' | 'ianaTimezone'>
    & { plan: Pick<AdminTypes.ShopPlan, 'shopifyPlus'> }
  ), currentAppInstallation: Pick<AdminTypes.AppInstallation, 'id'> };

export type ShopPlanQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopPlanQuery = { shop: { plan: Pick<AdminTypes.ShopPlan, 'shopifyPlus'> } };

interface GeneratedQueryTypes {
  "#graphql\n  query MtoOrder($id: ID!) {\n    order(id: $id) {\n      id\n      cancelledAt\n      lineItems(first: 50) {\n        nodes {\n          ...MtoOrderLine\n          sku\n        }\n      }\n      fulfillmentOrders(first: 5) {\n        nodes {\n          id\n          status\n          fulfillAt\n          lineItems(first: 20) {\n            nodes {\n              lineItem {\n                id\n              }\n            }\n          }\n          fulfillmentHolds {\n            id\n            handle\n          }\n        }\n      }\n    }\n  }\n  #graphql\n  fragment MtoOrderLine on LineItem {\n    id\n    currentQuantity\n    variant {\n      id\n    }\n  }\n\n": {return: MtoOrderQuery, variables: MtoOrderQueryVariables},
  "#graphql\n  query MtoProductVariants($id: ID!) {\n    product(id: $id) {\n      id\n      title\n      variants(first: 100) {\n        nodes {\n          id\n          title\n          price\n          selectedOptions {\n            name\n            value\n          }\n        }\n      }\n    }\n  }\n": {return: MtoProductVariantsQuery, variables: MtoProductVariantsQueryVariables},
  "#graphql\n  query MtoFittingPairProduct {\n    products(first: 1, query: \"tag:'fitting-pair'\") {\n      nodes {\n        id\n      }\n    }\n  }\n": {return: MtoFittingPairProductQuery, variables: MtoFittingPairProductQueryVariables},
  "#graphql\n  query MtoSoldOutVariants($query: String!, $after: String) {\n    productVariants(first: 50, query: $query, after: $after) {\n      nodes {\n        id\n        inventoryPolicy\n        inventoryItem {\n          id\n        }\n        madeToOrderOnly: metafield(namespace: \"fitting_room\", key: \"made_to_order_only\") {\n          value\n        }\n        product {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": {return: MtoSoldOutVariantsQuery, variables: MtoSoldOutVariantsQueryVariables},
  "#graphql\n  query MtoStockVariant($id: ID!) {\n    inventoryItem(id: $id) {\n      id\n      variant {\n        id\n        inventoryQuantity\n        inventoryPolicy\n        madeToOrderOnly: metafield(namespace: \"fitting_room\", key: \"made_to_order_only\") {\n          value\n        }\n        product {\n          id\n          tags\n        }\n      }\n    }\n  }\n": {return: MtoStockVariantQuery, variables: MtoStockVariantQueryVariables},
  "#graphql\n  query ReferralsCodesAdded($id: ID!) {\n    discountRedeemCodeBulkCreation(id: $id) {\n      done\n      codes(first: 250) {\n        nodes {\n          code\n          discountRedeemCode {\n            id\n          }\n          errors {\n            message\n          }\n        }\n      }\n    }\n  }\n": {return: ReferralsCodesAddedQuery, variables: ReferralsCodesAddedQueryVariables},
  "#graphql\n  query ReferralsStoreCreditHistory($customerId: ID!) {\n    customer(id: $customerId) {\n      storeCreditAccounts(first: 5) {\n        nodes {\n          transactions(first: 50, reverse: true) {\n            nodes {\n              __typename\n              ... on StoreCreditAccountCreditTransaction {\n                id\n                createdAt\n                amount {\n                  amount\n                }\n              }\n              ... on StoreCreditAccountDebitTransaction {\n                id\n                createdAt\n                amount {\n                  amount\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: ReferralsStoreCreditHistoryQuery, variables: ReferralsStoreCreditHistoryQueryVariables},
  "#graphql\n  query ReferralsCodeLookup($code: String!) {\n    codeDiscountNodeByCode(code: $code) {\n      id\n    }\n  }\n": {return: ReferralsCodeLookupQuery, variables: ReferralsCodeLookupQueryVariables},
  "#graphql\n  query ReferralsAppDiscounts($query: String!) {\n    discountNodes(first: 50, query: $query) {\n      nodes {\n        id\n        discount {\n          __typename\n          ... on DiscountCodeApp {\n            discountId\n            title\n          }\n          ... on DiscountAutomaticApp {\n            discountId\n            title\n          }\n        }\n      }\n    }\n  }\n": {return: ReferralsAppDiscountsQuery, variables: ReferralsAppDiscountsQueryVariables},
  "#graphql\n  query ReferralsStoreCreditBalance($customerId: ID!) {\n    customer(id: $customerId) {\n      storeCreditAccounts(first: 5) {\n        nodes {\n          id\n          balance {\n            amount\n            currencyCode\n          }\n        }\n      }\n    }\n  }\n": {return: ReferralsStoreCreditBalanceQuery, variables: ReferralsStoreCreditBalanceQueryVariables},
  "#graphql\n  query ReferralsFriendOrder($id: ID!) {\n    order(id: $id) {\n      id\n      cancelledAt\n      displayFinancialStatus\n      refunds(first: 50) {\n        id\n        createdAt\n        refundLineItems(first: 50) {\n          nodes {\n            quantity\n            lineItem {\n              id\n            }\n          }\n        }\n      }\n      returns(first: 20) {\n        nodes {\n          id\n          status\n        }\n      }\n      transactions(first: 10) {\n        ...ReferralsCardPayment\n      }\n      customer {\n        id\n        orders(first: 1, sortKey: CREATED_AT) {\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n  #graphql\n  fragment ReferralsCardPayment on OrderTransaction {\n    paymentDetails {\n      ... on CardPaymentDetails {\n        bin\n        number\n        expirationMonth\n        expirationYear\n        name\n      }\n    }\n  }\n\n": {return: ReferralsFriendOrderQuery, variables: ReferralsFriendOrderQueryVariables},
  "#graphql\n  query ReferralsReferrerCards($customerId: ID!) {\n    customer(id: $customerId) {\n      orders(first: 20, reverse: true) {\n        nodes {\n          id\n          transactions(first: 5) {\n            ...ReferralsCardPayment\n          }\n        }\n      }\n    }\n  }\n  #graphql\n  fragment ReferralsCardPayment on OrderTransaction {\n    paymentDetails {\n      ... on CardPaymentDetails {\n        bin\n        number\n        expirationMonth\n        expirationYear\n        name\n      }\n    }\n  }\n\n": {return: ReferralsReferrerCardsQuery, variables: ReferralsReferrerCardsQueryVariables},
  "#graphql\n  query ReturnsOrderReturns($id: ID!) {\n    order(id: $id) {\n      id\n      returns(first: 10) {\n        nodes {\n          id\n          returnLineItems(first: 20) {\n            nodes {\n              id\n              ... on ReturnLineItem {\n                fulfillmentLineItem {\n                  lineItem {\n                    id\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: ReturnsOrderReturnsQuery, variables: ReturnsOrderReturnsQueryVariables},
  "#graphql\n  query ReturnsReturn($id: ID!) {\n    return(id: $id) {\n      ...ReturnsReturnState\n    }\n  }\n  #graphql\n  fragment ReturnsReturnState on Return {\n    id\n    name\n    status\n    order {\n      id\n    }\n    returnLineItems(first: 20) {\n      nodes {\n        id\n        quantity\n        processedQuantity\n        ... on ReturnLineItem {\n          returnReason\n          returnReasonNote\n          customerNote\n          fulfillmentLineItem {\n            lineItem {\n              id\n            }\n          }\n        }\n      }\n    }\n    exchangeLineItems(first: 10) {\n      nodes {\n        id\n        quantity\n        processedQuantity\n        variantId\n      }\n    }\n    reverseFulfillmentOrders(first: 3) {\n      nodes {\n        id\n        lineItems(first: 20) {\n          nodes {\n            id\n            totalQuantity\n            fulfillmentLineItem {\n              lineItem {\n                id\n              }\n            }\n          }\n        }\n        reverseDeliveries(first: 3) {\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n\n": {return: ReturnsReturnQuery, variables: ReturnsReturnQueryVariables},
  "#graphql\n  query ReturnsOrderSnapshot($id: ID!) {\n    order(id: $id) {\n      id\n      name\n      createdAt\n      email\n      currencyCode\n      sourceName\n      customer {\n        id\n        displayName\n      }\n      shippingAddress {\n        countryCodeV2\n      }\n      lineItems(first: 30) {\n        nodes {\n          id\n          title\n          variantTitle\n          quantity\n          isGiftCard\n          originalUnitPriceSet {\n            shopMoney {\n              amount\n            }\n          }\n          discountedUnitPriceSet {\n            shopMoney {\n              amount\n            }\n          }\n          originalTotalSet {\n            shopMoney {\n              amount\n            }\n          }\n          totalDiscountSet {\n            shopMoney {\n              amount\n            }\n          }\n          sellingPlan {\n            sellingPlanId\n          }\n          product {\n            id\n            tags\n            productType\n          }\n          variant {\n            id\n            compareAtPrice\n          }\n        }\n      }\n      fulfillments {\n        id\n        deliveredAt\n        fulfillmentLineItems(first: 30) {\n          nodes {\n            id\n            lineItem {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: ReturnsOrderSnapshotQuery, variables: ReturnsOrderSnapshotQueryVariables},
  "#graphql\n  query ReturnsRefundContext($id: ID!) {\n    order(id: $id) {\n      id\n      transactions {\n        id\n        kind\n        status\n        gateway\n        amountSet {\n          shopMoney {\n            amount\n          }\n        }\n      }\n    }\n    shop {\n      customerAccountsV2 {\n        customerAccountsVersion\n      }\n    }\n    locations(first: 1) {\n      nodes {\n        id\n      }\n    }\n  }\n": {return: ReturnsRefundContextQuery, variables: ReturnsRefundContextQueryVariables},
  "#graphql\n  query ReturnsExchangeVariants($id: ID!) {\n    product(id: $id) {\n      id\n      title\n      variants(first: 100) {\n        nodes {\n          id\n          title\n          price\n          inventoryQuantity\n          availableForSale\n        }\n      }\n    }\n  }\n": {return: ReturnsExchangeVariantsQuery, variables: ReturnsExchangeVariantsQueryVariables},
  "#graphql\n  query TrialOrder($id: ID!) {\n    order(id: $id) {\n      id\n      cancelledAt\n      paymentCollectionDetails {\n        vaultedPaymentMethods {\n          id\n        }\n      }\n      totalOutstandingSet {\n        shopMoney {\n          amount\n          currencyCode\n        }\n      }\n      transactions {\n        ...TrialTransaction\n        parentTransaction {\n          id\n        }\n      }\n    }\n  }\n  #graphql\n  fragment TrialTransaction on OrderTransaction {\n    id\n    kind\n    status\n    authorizationExpiresAt\n    amountSet {\n      shopMoney {\n        amount\n        currencyCode\n      }\n    }\n  }\n\n": {return: TrialOrderQuery, variables: TrialOrderQueryVariables},
  "#graphql\n  query TrialPaymentStatus($orderId: ID!, $paymentReferenceId: String!) {\n    orderPaymentStatus(orderId: $orderId, paymentReferenceId: $paymentReferenceId) {\n      status\n      errorMessage\n      transactions {\n        ...TrialTransaction\n      }\n    }\n  }\n  #graphql\n  fragment TrialTransaction on OrderTransaction {\n    id\n    kind\n    status\n    authorizationExpiresAt\n    amountSet {\n      shopMoney {\n        amount\n        currencyCode\n      }\n    }\n  }\n\n": {return: TrialPaymentStatusQuery, variables: TrialPaymentStatusQueryVariables},
  "#graphql\n  query TrialLineQuantities($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on LineItem {\n        id\n        currentQuantity\n      }\n    }\n  }\n": {return: TrialLineQuantitiesQuery, variables: TrialLineQuantitiesQueryVariables},
  "#graphql\n  query TrialPaymentSchedule($id: ID!) {\n    order(id: $id) {\n      totalOutstandingSet {\n        shopMoney {\n          amount\n          currencyCode\n        }\n      }\n      paymentTerms {\n        paymentSchedules(first: 1) {\n          nodes {\n            id\n            completedAt\n          }\n        }\n      }\n    }\n  }\n": {return: TrialPaymentScheduleQuery, variables: TrialPaymentScheduleQueryVariables},
  "#graphql\n  query TrialFeePublications {\n    publications(first: 20) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": {return: TrialFeePublicationsQuery, variables: TrialFeePublicationsQueryVariables},
  "#graphql\n  query TrialLineProducts($query: String!) {\n    products(first: 50, query: $query) {\n      nodes {\n        id\n        title\n        tags\n      }\n    }\n  }\n": {return: TrialLineProductsQuery, variables: TrialLineProductsQueryVariables},
  "#graphql\n  query FitFinderProduct($id: ID!) {\n    product(id: $id) {\n      id\n      title\n      productType\n      variants(first: 250) {\n        nodes {\n          id\n          title\n          availableForSale\n        }\n      }\n    }\n  }\n": {return: FitFinderProductQuery, variables: FitFinderProductQueryVariables},
  "#graphql\n  query FitKnownSizeCustomers($after: String, $query: String) {\n    customers(first: 100, after: $after, query: $query) {\n      nodes {\n        id\n        email\n        tags\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": {return: FitKnownSizeCustomersQuery, variables: FitKnownSizeCustomersQueryVariables},
  "#graphql\n  query CustomerAccountsVersion {\n    shop {\n      customerAccountsV2 {\n        customerAccountsVersion\n      }\n    }\n  }\n": {return: CustomerAccountsVersionQuery, variables: CustomerAccountsVersionQueryVariables},
  "#graphql\n  query AppInstallationId {\n    currentAppInstallation {\n      id\n    }\n    shop {\n      id\n    }\n  }\n": {return: AppInstallationIdQuery, variables: AppInstallationIdQueryVariables},
  "#graphql\n  query PaymentScheduleOrder($id: ID!) {\n    node(id: $id) {\n      ... on PaymentSchedule {\n        id\n        dueAt\n        paymentTerms {\n          order {\n            id\n          }\n        }\n      }\n    }\n  }\n": {return: PaymentScheduleOrderQuery, variables: PaymentScheduleOrderQueryVariables},
  "#graphql\n  query ProductsForPurchaseOption($query: String!, $after: String) {\n    products(first: 250, query: $query, after: $after) {\n      nodes {\n        id\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": {return: ProductsForPurchaseOptionQuery, variables: ProductsForPurchaseOptionQueryVariables},
  "#graphql\n  query PurchaseOptionGroup($id: ID!) {\n    sellingPlanGroup(id: $id) {\n      ...PurchaseOptionPlans\n      products(first: 250) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n  #graphql\n  fragment PurchaseOptionPlans on SellingPlanGroup {\n    id\n    sellingPlans(first: 5) {\n      nodes {\n        id\n      }\n    }\n  }\n\n": {return: PurchaseOptionGroupQuery, variables: PurchaseOptionGroupQueryVariables},
  "#graphql\n  query ShopDetails {\n    shop {\n      myshopifyDomain\n      currencyCode\n      ianaTimezone\n      plan {\n        shopifyPlus\n      }\n    }\n    currentAppInstallation {\n      id\n    }\n  }\n": {return: ShopDetailsQuery, variables: ShopDetailsQueryVariables},
  "#graphql\n  query ShopPlan {\n    shop {\n      plan {\n        shopifyPlus\n      }\n    }\n  }\n": {return: ShopPlanQuery, variables: ShopPlanQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation MtoFulfillmentOrderHold($id: ID!, $fulfillmentHold: FulfillmentOrderHoldInput!) {\n    fulfillmentOrderHold(id: $id, fulfillmentHold: $fulfillmentHold) {\n      fulfillmentHold {\n        id\n        handle\n      }\n      fulfillmentOrder {\n        ...MtoFulfillmentOrderState\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n  #graphql\n  fragment MtoFulfillmentOrderState on FulfillmentOrder {\n    id\n    status\n    fulfillAt\n  }\n\n": {return: MtoFulfillmentOrderHoldMutation, variables: MtoFulfillmentOrderHoldMutationVariables},
  "#graphql\n  mutation MtoFulfillmentOrderReleaseHold($id: ID!, $holdIds: [ID!]) {\n    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {\n      fulfillmentOrder {\n        ...MtoFulfillmentOrderState\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n  #graphql\n  fragment MtoFulfillmentOrderState on FulfillmentOrder {\n    id\n    status\n    fulfillAt\n  }\n\n": {return: MtoFulfillmentOrderReleaseHoldMutation, variables: MtoFulfillmentOrderReleaseHoldMutationVariables},
  "#graphql\n  mutation MtoFulfillmentOrderReschedule($id: ID!, $fulfillAt: DateTime!) {\n    fulfillmentOrderReschedule(id: $id, fulfillAt: $fulfillAt) {\n      fulfillmentOrder {\n        ...MtoFulfillmentOrderState\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n  #graphql\n  fragment MtoFulfillmentOrderState on FulfillmentOrder {\n    id\n    status\n    fulfillAt\n  }\n\n": {return: MtoFulfillmentOrderRescheduleMutation, variables: MtoFulfillmentOrderRescheduleMutationVariables},
  "#graphql\n  mutation MtoOrderEditBegin($id: ID!) {\n    orderEditBegin(id: $id) {\n      calculatedOrder {\n        id\n        lineItems(first: 50) {\n          nodes {\n            id\n            quantity\n            variant {\n              id\n            }\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: MtoOrderEditBeginMutation, variables: MtoOrderEditBeginMutationVariables},
  "#graphql\n  mutation MtoOrderEditAddVariant($id: ID!, $variantId: ID!, $quantity: Int!) {\n    orderEditAddVariant(id: $id, variantId: $variantId, quantity: $quantity, allowDuplicates: false) {\n      calculatedLineItem {\n        id\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: MtoOrderEditAddVariantMutation, variables: MtoOrderEditAddVariantMutationVariables},
  "#graphql\n  mutation MtoOrderEditSetQuantity($id: ID!, $lineItemId: ID!, $quantity: Int!) {\n    orderEditSetQuantity(id: $id, lineItemId: $lineItemId, quantity: $quantity, restock: false) {\n      calculatedOrder {\n        id\n        totalOutstandingSet {\n          shopMoney {\n            amount\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: MtoOrderEditSetQuantityMutation, variables: MtoOrderEditSetQuantityMutationVariables},
  "#graphql\n  mutation MtoOrderEditCommit($id: ID!, $staffNote: String) {\n    orderEditCommit(id: $id, notifyCustomer: false, staffNote: $staffNote) {\n      order {\n        id\n        lineItems(first: 50) {\n          nodes {\n            ...MtoOrderLine\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n  #graphql\n  fragment MtoOrderLine on LineItem {\n    id\n    currentQuantity\n    variant {\n      id\n    }\n  }\n\n": {return: MtoOrderEditCommitMutation, variables: MtoOrderEditCommitMutationVariables},
  "#graphql\n  mutation MtoContinueSelling($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {\n    productVariantsBulkUpdate(productId: $productId, variants: $variants) {\n      productVariants {\n        id\n        inventoryPolicy\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: MtoContinueSellingMutation, variables: MtoContinueSellingMutationVariables},
  "#graphql\n  mutation ReferralsCodeDiscountCreate($discount: DiscountCodeAppInput!) {\n    discountCodeAppCreate(codeAppDiscount: $discount) {\n      codeAppDiscount {\n        discountId\n      }\n      userErrors {\n        ...ReferralsDiscountErrors\n      }\n    }\n  }\n  #graphql\n  fragment ReferralsDiscountErrors on DiscountUserError {\n    field\n    message\n    code\n  }\n\n": {return: ReferralsCodeDiscountCreateMutation, variables: ReferralsCodeDiscountCreateMutationVariables},
  "#graphql\n  mutation ReferralsCodeDiscountUpdate($id: ID!, $discount: DiscountCodeAppInput!) {\n    discountCodeAppUpdate(id: $id, codeAppDiscount: $discount) {\n      codeAppDiscount {\n        discountId\n      }\n      userErrors {\n        ...ReferralsDiscountErrors\n      }\n    }\n  }\n  #graphql\n  fragment ReferralsDiscountErrors on DiscountUserError {\n    field\n    message\n    code\n  }\n\n": {return: ReferralsCodeDiscountUpdateMutation, variables: ReferralsCodeDiscountUpdateMutationVariables},
  "#graphql\n  mutation ReferralsAutomaticDiscountCreate($discount: DiscountAutomaticAppInput!) {\n    discountAutomaticAppCreate(automaticAppDiscount: $discount) {\n      automaticAppDiscount {\n        discountId\n      }\n      userErrors {\n        ...ReferralsDiscountErrors\n      }\n    }\n  }\n  #graphql\n  fragment ReferralsDiscountErrors on DiscountUserError {\n    field\n    message\n    code\n  }\n\n": {return: ReferralsAutomaticDiscountCreateMutation, variables: ReferralsAutomaticDiscountCreateMutationVariables},
  "#graphql\n  mutation ReferralsAutomaticDiscountUpdate($id: ID!, $discount: DiscountAutomaticAppInput!) {\n    discountAutomaticAppUpdate(id: $id, automaticAppDiscount: $discount) {\n      automaticAppDiscount {\n        discountId\n      }\n      userErrors {\n        ...ReferralsDiscountErrors\n      }\n    }\n  }\n  #graphql\n  fragment ReferralsDiscountErrors on DiscountUserError {\n    field\n    message\n    code\n  }\n\n": {return: ReferralsAutomaticDiscountUpdateMutation, variables: ReferralsAutomaticDiscountUpdateMutationVariables},
  "#graphql\n  mutation ReferralsCodesAdd($discountId: ID!, $codes: [DiscountRedeemCodeInput!]!) {\n    discountRedeemCodeBulkAdd(discountId: $discountId, codes: $codes) {\n      bulkCreation {\n        id\n      }\n      userErrors {\n        ...ReferralsDiscountErrors\n      }\n    }\n  }\n  #graphql\n  fragment ReferralsDiscountErrors on DiscountUserError {\n    field\n    message\n    code\n  }\n\n": {return: ReferralsCodesAddMutation, variables: ReferralsCodesAddMutationVariables},
  "#graphql\n  mutation ReferralsCodeRemove($discountId: ID!, $ids: [ID!]!) {\n    discountCodeRedeemCodeBulkDelete(discountId: $discountId, ids: $ids) {\n      job {\n        id\n      }\n      userErrors {\n        ...ReferralsDiscountErrors\n      }\n    }\n  }\n  #graphql\n  fragment ReferralsDiscountErrors on DiscountUserError {\n    field\n    message\n    code\n  }\n\n": {return: ReferralsCodeRemoveMutation, variables: ReferralsCodeRemoveMutationVariables},
  "#graphql\n  mutation ReferralsOwnCodeSet($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReferralsOwnCodeSetMutation, variables: ReferralsOwnCodeSetMutationVariables},
  "#graphql\n  mutation ReferralsStoreCredit($id: ID!, $credit: StoreCreditAccountCreditInput!) {\n    storeCreditAccountCredit(id: $id, creditInput: $credit) {\n      storeCreditAccountTransaction {\n        ...ReferralsStoreCreditTransaction\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n  #graphql\n  fragment ReferralsStoreCreditTransaction on StoreCreditAccountTransaction {\n    ... on Node {\n      id\n    }\n    amount {\n      amount\n      currencyCode\n    }\n  }\n\n": {return: ReferralsStoreCreditMutation, variables: ReferralsStoreCreditMutationVariables},
  "#graphql\n  mutation ReferralsRewardCodeCreate($discount: DiscountCodeBasicInput!) {\n    discountCodeBasicCreate(basicCodeDiscount: $discount) {\n      codeDiscountNode {\n        id\n      }\n      userErrors {\n        ...ReferralsDiscountErrors\n      }\n    }\n  }\n  #graphql\n  fragment ReferralsDiscountErrors on DiscountUserError {\n    field\n    message\n    code\n  }\n\n": {return: ReferralsRewardCodeCreateMutation, variables: ReferralsRewardCodeCreateMutationVariables},
  "#graphql\n  mutation ReferralsStoreCreditDebit($id: ID!, $debit: StoreCreditAccountDebitInput!) {\n    storeCreditAccountDebit(id: $id, debitInput: $debit) {\n      storeCreditAccountTransaction {\n        ...ReferralsStoreCreditTransaction\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n  #graphql\n  fragment ReferralsStoreCreditTransaction on StoreCreditAccountTransaction {\n    ... on Node {\n      id\n    }\n    amount {\n      amount\n      currencyCode\n    }\n  }\n\n": {return: ReferralsStoreCreditDebitMutation, variables: ReferralsStoreCreditDebitMutationVariables},
  "#graphql\n  mutation ReturnsCreate($input: ReturnInput!) {\n    returnCreate(returnInput: $input) {\n      return {\n        ...ReturnsReturnState\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n  #graphql\n  fragment ReturnsReturnState on Return {\n    id\n    name\n    status\n    order {\n      id\n    }\n    returnLineItems(first: 20) {\n      nodes {\n        id\n        quantity\n        processedQuantity\n        ... on ReturnLineItem {\n          returnReason\n          returnReasonNote\n          customerNote\n          fulfillmentLineItem {\n            lineItem {\n              id\n            }\n          }\n        }\n      }\n    }\n    exchangeLineItems(first: 10) {\n      nodes {\n        id\n        quantity\n        processedQuantity\n        variantId\n      }\n    }\n    reverseFulfillmentOrders(first: 3) {\n      nodes {\n        id\n        lineItems(first: 20) {\n          nodes {\n            id\n            totalQuantity\n            fulfillmentLineItem {\n              lineItem {\n                id\n              }\n            }\n          }\n        }\n        reverseDeliveries(first: 3) {\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n\n": {return: ReturnsCreateMutation, variables: ReturnsCreateMutationVariables},
  "#graphql\n  mutation ReturnsApprove($input: ReturnApproveRequestInput!) {\n    returnApproveRequest(input: $input) {\n      return {\n        ...ReturnsReturnState\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n  #graphql\n  fragment ReturnsReturnState on Return {\n    id\n    name\n    status\n    order {\n      id\n    }\n    returnLineItems(first: 20) {\n      nodes {\n        id\n        quantity\n        processedQuantity\n        ... on ReturnLineItem {\n          returnReason\n          returnReasonNote\n          customerNote\n          fulfillmentLineItem {\n            lineItem {\n              id\n            }\n          }\n        }\n      }\n    }\n    exchangeLineItems(first: 10) {\n      nodes {\n        id\n        quantity\n        processedQuantity\n        variantId\n      }\n    }\n    reverseFulfillmentOrders(first: 3) {\n      nodes {\n        id\n        lineItems(first: 20) {\n          nodes {\n            id\n            totalQuantity\n            fulfillmentLineItem {\n              lineItem {\n                id\n              }\n            }\n          }\n        }\n        reverseDeliveries(first: 3) {\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n\n": {return: ReturnsApproveMutation, variables: ReturnsApproveMutationVariables},
  "#graphql\n  mutation ReturnsDecline($input: ReturnDeclineRequestInput!) {\n    returnDeclineRequest(input: $input) {\n      return {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReturnsDeclineMutation, variables: ReturnsDeclineMutationVariables},
  "#graphql\n  mutation ReturnsReverseDelivery(\n    $reverseFulfillmentOrderId: ID!\n    $lines: [ReverseDeliveryLineItemInput!]!\n    $tracking: ReverseDeliveryTrackingInput\n    $label: ReverseDeliveryLabelInput\n  ) {\n    reverseDeliveryCreateWithShipping(\n      reverseFulfillmentOrderId: $reverseFulfillmentOrderId\n      reverseDeliveryLineItems: $lines\n      trackingInput: $tracking\n      labelInput: $label\n      notifyCustomer: true\n    ) {\n      reverseDelivery {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReturnsReverseDeliveryMutation, variables: ReturnsReverseDeliveryMutationVariables},
  "#graphql\n  mutation ReturnsProcess($input: ReturnProcessInput!) {\n    returnProcess(input: $input) {\n      return {\n        ...ReturnsReturnState\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n  #graphql\n  fragment ReturnsReturnState on Return {\n    id\n    name\n    status\n    order {\n      id\n    }\n    returnLineItems(first: 20) {\n      nodes {\n        id\n        quantity\n        processedQuantity\n        ... on ReturnLineItem {\n          returnReason\n          returnReasonNote\n          customerNote\n          fulfillmentLineItem {\n            lineItem {\n              id\n            }\n          }\n        }\n      }\n    }\n    exchangeLineItems(first: 10) {\n      nodes {\n        id\n        quantity\n        processedQuantity\n        variantId\n      }\n    }\n    reverseFulfillmentOrders(first: 3) {\n      nodes {\n        id\n        lineItems(first: 20) {\n          nodes {\n            id\n            totalQuantity\n            fulfillmentLineItem {\n              lineItem {\n                id\n              }\n            }\n          }\n        }\n        reverseDeliveries(first: 3) {\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n\n": {return: ReturnsProcessMutation, variables: ReturnsProcessMutationVariables},
  "#graphql\n  mutation ReturnsRemoveLines($id: ID!, $lines: [ReturnLineItemRemoveFromReturnInput!]) {\n    removeFromReturn(returnId: $id, returnLineItems: $lines) {\n      return {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReturnsRemoveLinesMutation, variables: ReturnsRemoveLinesMutationVariables},
  "#graphql\n  mutation ReturnsClose($id: ID!) {\n    returnClose(id: $id) {\n      return {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReturnsCloseMutation, variables: ReturnsCloseMutationVariables},
  "#graphql\n  mutation ReturnsCancel($id: ID!) {\n    returnCancel(id: $id, notifyCustomer: true) {\n      return {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReturnsCancelMutation, variables: ReturnsCancelMutationVariables},
  "#graphql\n  mutation TrialMandatePayment(\n    $id: ID!\n    $mandateId: ID!\n    $idempotencyKey: String!\n    $autoCapture: Boolean!\n  ) {\n    orderCreateMandatePayment(\n      id: $id\n      mandateId: $mandateId\n      idempotencyKey: $idempotencyKey\n      autoCapture: $autoCapture\n    ) {\n      ...TrialMandatePaymentResult\n    }\n  }\n  #graphql\n  fragment TrialMandatePaymentResult on OrderCreateMandatePaymentPayload {\n    paymentReferenceId\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n\n": {return: TrialMandatePaymentMutation, variables: TrialMandatePaymentMutationVariables},
  "#graphql\n  mutation TrialMandatePaymentWithAmount(\n    $id: ID!\n    $mandateId: ID!\n    $idempotencyKey: String!\n    $autoCapture: Boolean!\n    $amount: MoneyInput!\n  ) {\n    orderCreateMandatePayment(\n      id: $id\n      mandateId: $mandateId\n      idempotencyKey: $idempotencyKey\n      autoCapture: $autoCapture\n      amount: $amount\n    ) {\n      ...TrialMandatePaymentResult\n    }\n  }\n  #graphql\n  fragment TrialMandatePaymentResult on OrderCreateMandatePaymentPayload {\n    paymentReferenceId\n    userErrors {\n      field\n      message\n      code\n    }\n  }\n\n": {return: TrialMandatePaymentWithAmountMutation, variables: TrialMandatePaymentWithAmountMutationVariables},
  "#graphql\n  mutation TrialCapture($input: OrderCaptureInput!) {\n    orderCapture(input: $input) {\n      transaction {\n        id\n        kind\n        status\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: TrialCaptureMutation, variables: TrialCaptureMutationVariables},
  "#graphql\n  mutation TrialVoid($parentTransactionId: ID!) {\n    transactionVoid(parentTransactionId: $parentTransactionId) {\n      transaction {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: TrialVoidMutation, variables: TrialVoidMutationVariables},
  "#graphql\n  mutation TrialRemoveLines($input: RefundInput!) {\n    refundCreate(input: $input) {\n      refund {\n        id\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: TrialRemoveLinesMutation, variables: TrialRemoveLinesMutationVariables},
  "#graphql\n  mutation TrialPaymentReminderSend($paymentScheduleId: ID!) {\n    paymentReminderSend(paymentScheduleId: $paymentScheduleId) {\n      success\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: TrialPaymentReminderSendMutation, variables: TrialPaymentReminderSendMutationVariables},
  "#graphql\n  mutation TrialOrderCancel($orderId: ID!, $staffNote: String) {\n    orderCancel(\n      orderId: $orderId\n      reason: DECLINED\n      refund: false\n      restock: true\n      notifyCustomer: true\n      staffNote: $staffNote\n    ) {\n      job {\n        id\n      }\n      orderCancelUserErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: TrialOrderCancelMutation, variables: TrialOrderCancelMutationVariables},
  "#graphql\n  mutation TrialValidationCreate($validation: ValidationCreateInput!) {\n    validationCreate(validation: $validation) {\n      validation {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: TrialValidationCreateMutation, variables: TrialValidationCreateMutationVariables},
  "#graphql\n  mutation TrialValidationUpdate($id: ID!, $validation: ValidationUpdateInput!) {\n    validationUpdate(id: $id, validation: $validation) {\n      validation {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: TrialValidationUpdateMutation, variables: TrialValidationUpdateMutationVariables},
  "#graphql\n  mutation TrialFeeProductSet($input: ProductSetInput!) {\n    productSet(input: $input, synchronous: true) {\n      product {\n        id\n        variants(first: 1) {\n          nodes {\n            id\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: TrialFeeProductSetMutation, variables: TrialFeeProductSetMutationVariables},
  "#graphql\n  mutation TrialFeePublish($id: ID!, $input: [PublicationInput!]!) {\n    publishablePublish(id: $id, input: $input) {\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: TrialFeePublishMutation, variables: TrialFeePublishMutationVariables},
  "#graphql\n  mutation FlowTriggerReceive($handle: String!, $payload: JSON!) {\n    flowTriggerReceive(handle: $handle, payload: $payload) {\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: FlowTriggerReceiveMutation, variables: FlowTriggerReceiveMutationVariables},
  "#graphql\n  mutation GiftCardCreate($input: GiftCardCreateInput!) {\n    giftCardCreate(input: $input) {\n      giftCard {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: GiftCardCreateMutation, variables: GiftCardCreateMutationVariables},
  "#graphql\n  mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields {\n        id\n        namespace\n        key\n        compareDigest\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: MetafieldsSetMutation, variables: MetafieldsSetMutationVariables},
  "#graphql\n  mutation PurchaseOptionCreate($input: SellingPlanGroupInput!, $resources: SellingPlanGroupResourceInput) {\n    sellingPlanGroupCreate(input: $input, resources: $resources) {\n      sellingPlanGroup {\n        ...PurchaseOptionPlans\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n  #graphql\n  fragment PurchaseOptionPlans on SellingPlanGroup {\n    id\n    sellingPlans(first: 5) {\n      nodes {\n        id\n      }\n    }\n  }\n\n": {return: PurchaseOptionCreateMutation, variables: PurchaseOptionCreateMutationVariables},
  "#graphql\n  mutation PurchaseOptionUpdate($id: ID!, $input: SellingPlanGroupInput!) {\n    sellingPlanGroupUpdate(id: $id, input: $input) {\n      sellingPlanGroup {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: PurchaseOptionUpdateMutation, variables: PurchaseOptionUpdateMutationVariables},
  "#graphql\n  mutation PurchaseOptionAddProducts($id: ID!, $productIds: [ID!]!) {\n    sellingPlanGroupAddProducts(id: $id, productIds: $productIds) {\n      sellingPlanGroup {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: PurchaseOptionAddProductsMutation, variables: PurchaseOptionAddProductsMutationVariables},
  "#graphql\n  mutation PurchaseOptionRemoveProducts($id: ID!, $productIds: [ID!]!) {\n    sellingPlanGroupRemoveProducts(id: $id, productIds: $productIds) {\n      removedProductIds\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: PurchaseOptionRemoveProductsMutation, variables: PurchaseOptionRemoveProductsMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
