-- wrk script for every benchmark target. Configured through the environment (wrk passes no arguments to threads):
--   BENCH_METHOD   GET or POST
--   BENCH_PATH     request path
--   BENCH_AUTH     value of the Authorization header (optional)
--   BENCH_TOKENS   file with one form value per line; each request sends "<BENCH_FORM>=<next line>" (optional)
--   BENCH_FORM     name of that form field (default: token)
--   BENCH_FORM_PREFIX  fixed form fields sent before it, e.g. "grant_type=...&" (optional)
--   BENCH_BODY     a fixed form body for a target without BENCH_TOKENS (optional)
--   BENCH_HEADER   send each line of BENCH_TOKENS in this request header instead of a form, e.g. X-Api-Key (optional)
--   BENCH_EXPECT_HEADER  a response header a success must carry, e.g. X-Latchkey-User-Id (optional)
--   BENCH_EXPECT   text the response body must contain for the request to count as a success
--   BENCH_STATUS   the status a success must have (default: any 2xx)
--   BENCH_THREADS  wrk's -t, BENCH_START first line (0-based) to send
-- Thread i sends lines START+i, START+i+THREADS, ... (wrapping around), so together the threads walk the file in order
-- and a run of R requests covers about R consecutive lines.
-- A response counts as an error when its status is not 2xx (or not BENCH_STATUS) or its body lacks BENCH_EXPECT; done() prints one
-- machine-readable line: "RESULT requests=.. seconds=.. rps=.. p50_ms=.. p99_ms=.. errors=.. socket_errors=..".

local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local auth = os.getenv("BENCH_AUTH")
local token_file = os.getenv("BENCH_TOKENS")
local form_prefix = os.getenv("BENCH_FORM_PREFIX") or ""
local fixed_body = os.getenv("BENCH_BODY")
if fixed_body == "" then
   fixed_body = nil
end
local form_field = os.getenv("BENCH_FORM")
if form_field == nil or form_field == "" then
   form_field = "token"
end
local expect = os.getenv("BENCH_EXPECT") or ""
local token_header = os.getenv("BENCH_HEADER")
if token_header == "" then
   token_header = nil
end
local expect_header = string.lower(os.getenv("BENCH_EXPECT_HEADER") or "")
local expect_status = tonumber(os.getenv("BENCH_STATUS") or "")
local stride = tonumber(os.getenv("BENCH_THREADS") or "1")
local start = tonumber(os.getenv("BENCH_START") or "0")

local threads = {}
local thread_count = 0

function setup(thread)
   thread:set("id", thread_count)
   thread_count = thread_count + 1
   table.insert(threads, thread)
end

local tokens = {}
local next_index = 1
bad = 0 -- global: done() reads it from each thread
local headers = {}

function init(args)
   if auth and auth ~= "" then
      headers["Authorization"] = auth
   end
   if fixed_body or (token_file and token_file ~= "" and not token_header) then
      headers["Content-Type"] = "application/x-www-form-urlencoded"
   end
   if token_file and token_file ~= "" then
      for line in io.lines(token_file) do
         if line ~= "" then
            tokens[#tokens + 1] = line
         end
      end
      next_index = (start + id) % #tokens + 1
   end
end

function request()
   if #tokens == 0 then
      return wrk.format(method, path, headers, fixed_body)
   end
   local token = tokens[next_index]
   next_index = (next_index - 1 + stride) % #tokens + 1
   if token_header then
      headers[token_header] = token
      return wrk.format(method, path, headers, nil)
   end
   return wrk.format(method, path, headers, form_prefix .. form_field .. "=" .. token)
end

function response(status, hdrs, body)
   local status_ok
   if expect_status then
      status_ok = status == expect_status
   else
      status_ok = status >= 200 and status <= 299
   end
   local header_ok = expect_header == ""
   for name, _ in pairs(hdrs) do
      if string.lower(name) == expect_header then
         header_ok = true
      end
   end
   if not status_ok or not header_ok or (expect ~= "" and not string.find(body, expect, 1, true)) then
      bad = bad + 1
      if bad == 1 then
         io.stderr:write(string.format("first error: status %d body %s\n", status, string.sub(body or "", 1, 200)))
      end
   end
end

function done(summary, latency, requests)
   local errors = 0
   for _, thread in ipairs(threads) do
      errors = errors + (thread:get("bad") or 0)
   end
   local e = summary.errors
   local socket_errors = e.connect + e.read + e.write + e.timeout
   local seconds = summary.duration / 1e6
   io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d socket_errors=%d\n",
      summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, errors, socket_errors))
end
