-- wrk script for serve.sh: GET /api/search for each query of a query file in turn (from the
-- second argument on: the endpoint's fixed parameters), or one fixed path when no file is
-- given; prints one machine-readable line at the end.
local paths = {}
local next_path = 1

local function encode(text)
    return (text:gsub("[^%w%-_.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
    local file, extra = args[1], args[2] or ""
    if file == nil or file == "" then
        return
    end
    for line in io.lines(file) do
        if line ~= "" and line:sub(1, 1) ~= "#" then
            paths[#paths + 1] = "/api/search?q=" .. encode(line) .. extra
        end
    end
    -- Threads start at different queries, so they do not move in step.
    next_path = math.random(#paths)
end

function request()
    if #paths == 0 then
        return wrk.format("GET")
    end
    local path = paths[next_path]
    next_path = next_path % #paths + 1
    return wrk.format("GET", path)
end

function done(summary, latency, requests)
    local e = summary.errors
    local errors = e.connect + e.read + e.write + e.status + e.timeout
    io.write(string.format("requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
