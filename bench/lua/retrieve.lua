-- GET a random seeded payment link (ids pl_bench + 16 digits, 1..BENCH_LINKS).
local key = os.getenv("PAYLINK_KEY")
local count = tonumber(os.getenv("BENCH_LINKS"))
local prefix = os.getenv("BENCH_PREFIX") or "/api/payment-links/"
wrk.headers["Authorization"] = "Bearer " .. key
request = function()
  return wrk.format("GET", string.format("%spl_bench%016d", prefix, math.random(1, count)))
end
