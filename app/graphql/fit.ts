// The fit finder's Admin reads: the product a shopper asks about (its type picks the size chart,
// its variants the size to add to the cart) and the customers whose size the store already tags.

export const FIT_FINDER_PRODUCT_QUERY = `#graphql
  query FitFinderProduct($id: ID!) {
    product(id: $id) {
      id
      title
      productType
      variants(first: 250) {
        nodes {
          id
          title
          availableForSale
        }
      }
    }
  }
`;

export const FIT_KNOWN_SIZE_CUSTOMERS_QUERY = `#graphql
  query FitKnownSizeCustomers($after: String, $query: String) {
    customers(first: 100, after: $after, query: $query) {
      nodes {
        id
        email
        tags
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
