-- wrk script: getCredentials of the Open Badges 3.0 API (the earner's whole list, up to 100), with the bench
-- earner's access token. Usage: wrk ... -s credentials.lua http://127.0.0.1:8089 -- <token>
local token

function init(args)
   token = args[1]
end

function request()
   return wrk.format("GET", "/ims/ob/v3p0/credentials?limit=100",
                     { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end

dofile(string.gsub(debug.getinfo(1, "S").source, "^@(.*/)[^/]*$", "%1") .. "report.lua")
