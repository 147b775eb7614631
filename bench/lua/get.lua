-- GET one path, with the API key when one is given.
local key = os.getenv("PAYLINK_KEY")
local path = os.getenv("BENCH_PATH") or "/"
if key then wrk.headers["Authorization"] = "Bearer " .. key end
request = function() return wrk.format("GET", path) end
