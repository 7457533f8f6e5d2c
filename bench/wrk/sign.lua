-- Distinct signers for wrk: each request a new email and X-Forwarded-For address; counts statuses.
-- Usage: wrk ... -s bench/wrk/sign.lua http://127.0.0.1:PORT -- TAG
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  tag = args[1] or "wrk"
  origin = "http://" .. wrk.host .. ":" .. wrk.port
  counter = 0
  accepted = 0
  already = 0
  other = 0
end

function request()
  counter = counter + 1
  local n = id * 4194304 + counter -- 22 bits per thread: distinct across up to 4 threads
  local body = "name=Bench+Signer+" .. n .. "&email=" .. tag .. "-" .. n .. "%40bench.example&postal_code=06106&comment=&name_display=full&website="
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = origin,
    ["Sec-Fetch-Site"] = "same-origin",
    -- Low bits first: consecutive signers come from different /24 networks (see bench/lib/signers.js).
    ["X-Forwarded-For"] = "10." .. (n % 256) .. "." .. (math.floor(n / 256) % 256) .. "." .. (math.floor(n / 65536) % 256),
  }
  return wrk.format("POST", "/en/p/ct-trust-act/sign", headers, body)
end

function response(status, headers, body)
  if status == 303 then
    local location = headers["location"] or headers["Location"] or ""
    if string.find(location, "already=1", 1, true) then already = already + 1 else accepted = accepted + 1 end
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local a, al, o, sent = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted")
    al = al + t:get("already")
    o = o + t:get("other")
    sent = sent + t:get("counter")
  end
  io.write(string.format("TALLY accepted=%d already=%d other=%d built=%d\n", a, al, o, sent))
end
