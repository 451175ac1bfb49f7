// A minimal Online Store 2.0-style theme for the demo storefront.
export const STOREFRONT_LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ shop.name }}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>
body{font-family:Georgia,serif;margin:0;color:#222;background:#fffdf9}
header{display:flex;justify-content:space-between;align-items:center;padding:16px 32px;border-bottom:1px solid #eee}
header a{color:#222;text-decoration:none}
main{max-width:1040px;margin:0 auto;padding:32px}
.product{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:48px}
.photo{background:#f3ede6;border-radius:12px;aspect-ratio:1;max-height:420px;display:flex;align-items:center;justify-content:center;font-size:72px}
.sizes{display:grid;grid-template-columns:repeat(4,1fr);gap:6px;margin:16px 0}
.sizes label{border:1px solid #ccc;border-radius:6px;padding:6px;font-size:13px;text-align:center;cursor:pointer}
.sizes input{display:none}.sizes input:checked+span{font-weight:bold}
.sizes .sold-out{color:#999;text-decoration:line-through}
button.buy{background:#111;color:#fff;border:0;border-radius:24px;padding:12px 28px;font-size:16px}
.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:24px}
</style>
<script>window.Shopify = { shop: "{{ shop.domain }}", routes: { root: "/store/" } };</script>
{{ app_embeds }}
</head><body>
<header><a href="/store"><strong>{{ shop.name }}</strong></a>
<span>{% if customer %}Signed in as {{ customer.first_name }}{% else %}<a href="/store/account">Sign in</a>{% endif %}</span></header>
<main>{{ content_for_layout }}</main>
</body></html>`;

export const PRODUCT_TEMPLATE = `<div class="product" data-product-id="{{ product.id }}">
  <div class="photo" aria-hidden="true">👠</div>
  <div>
    <h1>{{ product.title }}</h1>
    <p class="price">{{ product.price | money }}</p>
    <p>{{ product.description }}</p>
    <form method="post" action="/store/cart/add" id="product-form">
      <fieldset class="sizes"><legend>US size / width</legend>
      {% for variant in product.variants %}
        <label class="{% unless variant.available %}sold-out{% endunless %}" title="{% if variant.available %}{{ variant.inventory_quantity }} in stock{% else %}Sold out{% endif %}">
          <input type="radio" name="id" value="{{ variant.id }}" data-available="{{ variant.available }}" {% if forloop.first %}checked{% endif %}>
          <span>{{ variant.option1 }} {{ variant.option2 }}</span>
        </label>
      {% endfor %}
      </fieldset>
      {{ app_blocks }}
      <button class="buy" type="submit">Add to cart</button>
    </form>
  </div>
</div>`;

export const INDEX_TEMPLATE = `<h1>Shop the collection</h1>
<div class="grid">{% for p in products %}<a href="/store/products/{{ p.handle }}"><div class="photo">👠</div><h3>{{ p.title }}</h3><p>{{ p.price | money }}</p></a>{% endfor %}</div>`;
