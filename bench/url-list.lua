-- wrk script: cycles through a file of URL paths, one a line, each wrk thread from its own random line, so that a
-- list drawn beforehand (bench/scoped-shapes.py) is requested once through unless the run outlasts it.
-- Usage: wrk ... -s bench/url-list.lua <url> -- <file>
local urls, next = {}, 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then urls[#urls + 1] = line end
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  next = math.random(1, #urls)
end

function request()
  next = next % #urls + 1
  return wrk.format("GET", urls[next])
end
