-- wrk script: POST /api/v1/awards, one award to a new address per request, with the bench token.
-- Usage: wrk ... -s award.lua http://127.0.0.1:8089 -- <token> <badge class id>
local token, badgeClass, prefix
local n = 0

function init(args)
   token = args[1]
   badgeClass = args[2]
   -- each wrk thread (and each run) awards to addresses of its own
   prefix = string.format("%x%x", os.time(), tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 65536)
end

function request()
   n = n + 1
   local body = string.format('{"badgeClass": "%s", "recipient": {"email": "bench-%s-%d@example.org", '
      .. '"name": "Banc %d"}, "level": "Je fais"}', badgeClass, prefix, n, n)
   return wrk.format("POST", "/api/v1/awards", { ["Authorization"] = "Bearer " .. token,
                     ["Content-Type"] = "application/json" }, body)
end

dofile(string.gsub(debug.getinfo(1, "S").source, "^@(.*/)[^/]*$", "%1") .. "report.lua")
