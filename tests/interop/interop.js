// Drives the published PaymentKit Node client, unchanged, against a Paylink server, the way a
// merchant's existing code would. The environment points the client at the server (see README or
// spec/COMPAT.md); PAYMENT_LIVEMODE picks the mode. Exits non-zero, naming the first mismatch.
const payment = require('@blocklet/payment-js').default;

const livemode = process.env.PAYMENT_LIVEMODE === 'true';
const mode = livemode ? 'live' : 'test';
const run = `${mode}-${Date.now().toString(36)}`;
let checks = 0;

function check(condition, message, actual) {
  checks += 1;
  if (!condition) {
    const shown = actual === undefined ? '' : `\n  got: ${JSON.stringify(actual)}`;
    throw new Error(`${message}${shown}`);
  }
}

function same(actual, expected, message) {
  check(JSON.stringify(actual) === JSON.stringify(expected), `${message}: expected ${JSON.stringify(expected)}`, actual);
}

// The client throws the HTTP error of a 4xx as it got it (no retries); returns that response.
async function failure(call) {
  try {
    const result = await call();
    return { unexpected: result };
  } catch (error) {
    if (!error.response) {
      throw error;
    }
    return error.response;
  }
}

async function main() {
  // Keys in an order the signature must not depend on, and text its canonical form must keep literal.
  const productMetadata = { zeta: 'last', alpha: 'first', 'clé': 'naïve "quoted" \\ 😀', Zed: 'upper' };
  const product = await payment.products.create({ name: `Interop box ${run}`, description: 'Sent by @blocklet/payment-js', metadata: productMetadata });
  check(product.object === 'product' && /^prod_/.test(product.id), 'products.create answers a product', product);
  same(product.livemode, livemode, 'product.livemode');
  same(product.metadata, productMetadata, 'product.metadata comes back as sent');

  const price = await payment.prices.create({ product_id: product.id, currency_id: 'usd', unit_amount: '20.00', nickname: 'Monthly' });
  check(price.object === 'price' && /^price_/.test(price.id), 'prices.create answers a price', price);
  same([price.product_id, price.currency_id, price.unit_amount, price.livemode], [product.id, 'usd', '20.00', livemode], 'price fields');

  // The spec's example body, in the caller's own key order.
  const linkBody = {
    name: 'Monthly Subscription Box',
    currency_id: 'usd',
    line_items: [{ price_id: price.id, quantity: 1 }],
    after_completion: { type: 'redirect', redirect: { url: 'https://example.com/thanks' } },
    metadata: { order_id: '6735' },
  };
  const link = await payment.paymentLinks.create(linkBody);
  check(link.object === 'payment_link' && /^pl_/.test(link.id), 'paymentLinks.create answers a payment link', link);
  same([link.livemode, link.active, link.name, link.currency_id], [livemode, true, 'Monthly Subscription Box', 'usd'], 'created link');
  same(link.line_items.map((i) => [i.price_id, i.quantity]), [[price.id, 1]], 'created link line_items');
  same(link.after_completion, linkBody.after_completion, 'created link after_completion');
  same(link.metadata, { order_id: '6735' }, 'created link metadata');
  check(typeof link.url === 'string' && link.url.endsWith(`/checkout/pay/${link.id}`), 'link.url points at its checkout page', link.url);

  const retrieved = await payment.paymentLinks.retrieve(link.id);
  same([retrieved.id, retrieved.name, retrieved.livemode], [link.id, link.name, livemode], 'paymentLinks.retrieve');
  same(retrieved.line_items.map((i) => i.price_id), [price.id], 'retrieved line_items');

  const updated = await payment.paymentLinks.update(link.id, { name: 'Monthly Box (renamed)', metadata: { campaign: 'spring' } });
  same([updated.id, updated.name], [link.id, 'Monthly Box (renamed)'], 'paymentLinks.update renames');
  same(updated.metadata, { order_id: '6735', campaign: 'spring' }, 'paymentLinks.update merges metadata');

  const others = [];
  for (const name of ['Second link', 'Third link']) {
    others.push(await payment.paymentLinks.create({ name, currency_id: 'usd', line_items: [{ price_id: price.id, quantity: 2 }] }));
  }

  const archived = await payment.paymentLinks.archive(link.id);
  same([archived.id, archived.active], [link.id, false], 'paymentLinks.archive deactivates');
  same((await payment.paymentLinks.retrieve(link.id)).active, false, 'the archived link stays inactive');

  const all = await payment.paymentLinks.list({ pageSize: 100 });
  check(all.count >= 3 && all.list.length === all.count, 'list with pageSize 100 returns every link', all.count);
  check(all.list.every((l) => l.livemode === livemode), `every listed link is a ${mode} link`);
  const ids = [link.id, ...others.map((o) => o.id)];
  check(ids.every((id) => all.list.some((l) => l.id === id)), 'the list holds the links just made');

  const firstPage = await payment.paymentLinks.list({ pageSize: 2 });
  same(firstPage.list.length, 2, 'list with pageSize 2 returns two links');
  same(firstPage.count, all.count, 'count is the total, whatever the page size');
  same(firstPage.has_more, all.count > 2, 'has_more');

  // Newest change first: the archive just made this link the most recently updated.
  const byUpdate = [...all.list].sort((a, b) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : 0));
  const page1 = await payment.paymentLinks.list({ page: 1, pageSize: 2, order: ['updated_at', 'DESC'] });
  const page2 = await payment.paymentLinks.list({ page: 2, pageSize: 2, order: ['updated_at', 'DESC'] });
  same(page1.list[0].id, link.id, 'order updated_at DESC puts the archived link first');
  same(page1.list.concat(page2.list).map((l) => l.updated_at), byUpdate.slice(0, 4).map((l) => l.updated_at), 'pages 1 and 2 in updated_at DESC order');
  same(page2.paging, { page: 2, pageSize: 2 }, 'page 2 paging');

  const after = await payment.paymentLinks.list({ pageSize: 2, order: ['updated_at', 'DESC'], starting_after: page1.list[0].id });
  same(after.list.map((l) => l.updated_at), byUpdate.slice(1, 3).map((l) => l.updated_at), 'starting_after continues after the given link');
  check(after.list.every((l) => l.id !== link.id), 'starting_after leaves the given link out', after.list.map((l) => l.id));

  const nested = await payment.paymentLinks.list({ pageSize: 1, order: [['updated_at', 'DESC']] });
  same(nested.list[0].id, link.id, 'the nested order form sorts too');

  // Errors reach the caller as 4xx with the error shape, so the client does not retry them.
  const invalid = await failure(() => payment.paymentLinks.create({ ...linkBody, line_items: [{ price_id: price.id, quantity: 0 }] }));
  same([invalid.status, invalid.data && invalid.data.error.param], [400, 'line_items[0].quantity'], 'a bad quantity is a 400 naming the field');
  const unsupportedField = await failure(() => payment.paymentLinks.create({ ...linkBody, subscription_data: { trial_period_days: 7 } }));
  same([unsupportedField.status, unsupportedField.data && unsupportedField.data.error.code], [400, 'parameter_unsupported'], 'a PaymentKit field Paylink lacks');
  const unsupportedRoute = await failure(() => payment.subscriptions.list({}));
  check(unsupportedRoute.status === 404 && /GET \/api\/subscriptions/.test(unsupportedRoute.data.error.message), 'a PaymentKit route Paylink lacks is a 404 naming it', unsupportedRoute.data);
  const search = await failure(() => payment.products.search({ query: 'box' }));
  check(search.status === 404 && /\/api\/products\/search/.test(search.data.error.message), 'products.search is a 404 naming the route', search.data);

  // Modes are apart: the other mode does not see this link.
  payment.environments.setLivemode(!livemode);
  const otherMode = await failure(() => payment.paymentLinks.retrieve(link.id));
  payment.environments.setLivemode(livemode);
  same(otherMode.status, 404, `a ${mode} link is not found from the other mode`);

  console.log(`interop (${mode} mode): ${checks} checks passed`);
}

main().catch((error) => {
  const response = error.response ? ` (HTTP ${error.response.status}: ${JSON.stringify(error.response.data)})` : '';
  console.error(`interop (${mode} mode) FAILED after ${checks} checks: ${error.message}${response}`);
  process.exit(1);
});
