-- wrk script: GET /api/v1/awards, 100 per page, a random page of the count asked, with the bench token.
-- Usage: wrk ... -s list-awards.lua http://127.0.0.1:8089 -- <token> <awards>
local token, pages

function init(args)
   token = args[1]
   pages = math.max(1, math.floor(tonumber(args[2] or "100000") / 100))
   math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
   return wrk.format("GET", string.format("/api/v1/awards?size=100&page=%d", math.random(1, pages)),
                     { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end

dofile(string.gsub(debug.getinfo(1, "S").source, "^@(.*/)[^/]*$", "%1") .. "report.lua")
