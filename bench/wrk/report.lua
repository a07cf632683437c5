-- Drives one URL and prints the figures as one JSON line for bench/run.py.
-- "wrk ... URL -- miss COOKIE" sends a session cookie whose session holds something, as
-- an editor's does: the full-page cache never serves it, so every page is rendered
-- afresh (the fragment caches stay warm). Its own query string on each request is kept
-- so that nothing in between can answer it either.
-- "wrk -t1 -cN ... BASE -- paths FILE RATE FIRST N" (bench/stampede.py) cycles through
-- the paths in FILE, one a line, from line FIRST, at about RATE requests/s over its N
-- connections (fewer when responses take longer than the pause between them).

local threads = {}
local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("thread_id", thread_count)
   table.insert(threads, thread)
end

function init(args)
   -- As browsers do: the site caches and sends pages compressed for them.
   wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
   miss = args[1] == "miss"
   if miss then
      wrk.headers["Cookie"] = args[2]
   end
   counter = 0
   separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
   if args[1] == "paths" then
      paths = {}
      for line in io.lines(args[2]) do
         table.insert(paths, line)
      end
      -- Each connection waits this long (ms) before each of its requests.
      pause = tonumber(args[5]) * 1000 / tonumber(args[3])
      counter = tonumber(args[4])
   end
end

function delay()
   return pause or 0
end

function request()
   if paths then
      counter = counter + 1
      return wrk.format(nil, paths[(counter - 1) % #paths + 1], wrk.headers)
   end
   if not miss then
      return wrk.format(nil, wrk.path, wrk.headers)
   end
   counter = counter + 1
   local path = wrk.path .. separator .. "bench-miss=" .. thread_id .. "-" .. counter
   return wrk.format(nil, path, wrk.headers)
end

function done(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format(
      'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
      '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, ' ..
      '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
      summary.requests, summary.duration, summary.bytes,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
