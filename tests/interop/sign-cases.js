// Prints, for awkward requests, what the client puts on the wire (query string, body) and the exact
// message it signs, computed by the client's own code. The .NET tests rebuild each message from the
// wire form alone and must get the same text.
const qs = require('qs');
const stableStringify = require('json-stable-stringify');
const { getSignData } = require('@blocklet/sdk/lib/util/verify-sign');

const appSk = `0x${'11'.repeat(32)}`;
const base = 'http://127.0.0.1:1';

const cases = [
  { method: 'POST', path: '/api/products', params: { livemode: true }, data: {
    name: 'Box', metadata: { zeta: '1', Zeta: '2', 'é': 'naïve', '😀': 'emoji key', '\uffff': 'last BMP', a: 'x "q" \\ / \n\t\u0001\u001f\u007f\u2028' },
  } },
  { method: 'POST', path: '/api/prices', params: { livemode: false }, data: {
    unit_amount: 20.5, big: 1e21, small: 1e-7, neg: -0, list: [1, 'two', null, true, false, { b: 1, a: [] }, []], lone: 'a\ud800b\udc00', pair: '\ud83d\ude00',
  } },
  { method: 'GET', path: '/api/payment-links', params: { pageSize: 2, order: ['updated_at', 'DESC'], livemode: false } },
  { method: 'GET', path: '/api/payment-links', params: { page: 2, order: [['updated_at', 'ASC']], starting_after: 'pl_a b&c=d/é+%', livemode: true } },
  { method: 'GET', path: '/api/payment-links', params: {
    q: 'spring sale', empty: '', none: null, skipped: undefined, flag: false, nested: { a: '1', 'b c': 'x+y', deep: { er: ['p', 'q'] } }, twenty: Array.from({ length: 20 }, (_, i) => `t${i}`), long: Array.from({ length: 23 }, (_, i) => `v${i}`), emptyList: [], livemode: false,
  } },
  { method: 'PUT', path: '/api/payment-links/pl_123/archive', params: { livemode: true } },
  { method: 'PUT', path: '/api/payment-links/pl_123', params: {}, data: { metadata: { campaign: null }, active: true } },
];

(async () => {
  const out = [];
  for (const c of cases) {
    const { raw } = await getSignData({ data: c.data, params: c.params, method: c.method, url: base + c.path }, { appSk });
    out.push({
      method: c.method,
      path: c.path,
      query: qs.stringify(c.params),
      body: c.data === undefined ? null : JSON.stringify(c.data),
      iat: raw.iat,
      exp: raw.exp,
      message: stableStringify(raw),
    });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
