-- POST a new payment link for the seeded price.
local key = os.getenv("PAYLINK_KEY")
local price = os.getenv("BENCH_PRICE")
local body = '{"name":"Monthly Subscription Box","currency_id":"usd","line_items":[{"price_id":"' .. price ..
  '","quantity":1}],"after_completion":{"type":"redirect","redirect":{"url":"https://example.com/thanks"}},"metadata":{"order_id":"6735"}}'
local headers = { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" }
request = function() return wrk.format("POST", "/api/payment-links", headers, body) end
