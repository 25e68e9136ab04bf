-- wrk script for bench/distinct-benchmark.sh: every request differs, built at random from lists of real ids, topics,
-- providers, deep cursors and title words that the script extracted from the database beforehand.
-- Usage: wrk ... -s bench/distinct.lua <url> -- <family> <lists folder>
local family, lists = nil, {}
local sorts = { "-publishedDateTime", "publishedDateTime", "-quality", "quality", "-heat", "heat" }

local function load(folder, name)
  local items = {}
  for line in io.lines(folder .. "/" .. name .. ".txt") do
    if line ~= "" then items[#items + 1] = line end
  end
  return items
end

local function pick(items) return items[math.random(#items)] end

-- The filter x sort family of issue 14: any of published, minQuality, minHeat, and a sort.
local function filters()
  local parts = {}
  if math.random() < 0.5 then parts[#parts + 1] = "published=" .. (math.random() < 0.5 and "true" or "false") end
  if math.random() < 0.5 then parts[#parts + 1] = "minQuality=" .. math.random(10, 80) end
  if math.random() < 0.5 then parts[#parts + 1] = "minHeat=" .. math.random(-1, 100) end
  parts[#parts + 1] = "sort=" .. pick(sorts)
  return table.concat(parts, "&")
end

-- Filters the prefix-sum cubes of totals and facets do not answer (only published, quality and heat are in them):
-- one or two topics (any or all), a provider, a type, a date range; each present or not, at random.
local function scoped()
  local parts = {}
  local r = math.random()
  if r < 0.35 then
    parts[#parts + 1] = "topic=" .. pick(lists.topics)
  elseif r < 0.55 then
    parts[#parts + 1] = "topic=" .. pick(lists.topics) .. "&topic=" .. pick(lists.topics) .. "&topicMatch=" .. (math.random() < 0.5 and "any" or "all")
  elseif r < 0.75 then
    parts[#parts + 1] = "provider=" .. pick(lists.providers)
  end
  if math.random() < 0.3 then parts[#parts + 1] = "type=article" end
  if math.random() < 0.5 then
    local year = math.random(2016, 2025)
    parts[#parts + 1] = string.format("from=%d-%02d-01&to=%d-%02d-28", year, math.random(1, 6), year + math.random(0, 2), math.random(7, 12))
  end
  parts[#parts + 1] = filters()
  return table.concat(parts, "&")
end

local families = {
  article = function() return "/articles/" .. pick(lists.ids) end,
  filter = function() return "/articles?" .. filters() end,
  topic = function() return "/topics/" .. pick(lists.topics) .. "/articles?sort=" .. pick(sorts) end,
  provider = function() return "/providers/" .. pick(lists.providers) .. "/articles?sort=" .. pick(sorts) end,
  cursor = function() return "/articles?cursor=" .. pick(lists.cursors) end,
  -- A word alone (newest first), or with a random filter and sort: the pages of a kept search come from the columns.
  search = function() return "/articles?q=" .. pick(lists.words) .. (math.random() < 0.5 and "" or "&" .. filters()) end,
  facets = function() return "/articles?facets=topic,provider,published,type&" .. filters() end,
  total = function() return "/articles?includeTotal=true&" .. filters() end,
  scopedfacets = function() return "/articles?facets=topic,provider,published,type&" .. scoped() end,
  scopedtotal = function() return "/articles?includeTotal=true&" .. scoped() end,
  backlinks = function() return "/articles/" .. pick(lists.ids) .. "/backlinks" end,
  topics = function() return "/topics?limit=" .. math.random(1, 100) .. (math.random() < 0.5 and "" or "&published=" .. (math.random() < 0.5 and "true" or "false")) end,
  providers = function() return "/providers?limit=" .. math.random(1, 100) .. "&q=" .. string.sub(pick(lists.providers), 1, math.random(9, 11)) end,
  -- Issue 19: feeds, exports, field selection, time facets, searchIn, exclusions, popularity.
  feed = function() return "/articles?format=" .. pick({ "atom", "rss", "jsonfeed" }) .. "&" .. filters() end,
  export = function() return "/providers/" .. pick(lists.providers) .. "/articles?format=" .. pick({ "ndjson", "csv" }) .. "&sort=" .. pick(sorts) end,
  fields = function() return "/articles?fields=id,title,webUrl,topics&" .. filters() end,
  timefacets = function() return "/articles?facets=month,year&" .. filters() end,
  searchin = function() return "/articles?q=" .. pick(lists.words) .. "&searchIn=" .. pick({ "title", "excerpt", "body", "title,body" }) end,
  exclude = function() return "/articles?excludeTopic=" .. pick(lists.topics) .. "&excludeProvider=" .. pick(lists.providers) .. "&sort=" .. pick(sorts) end,
  popularity = function()
    local routes = { "/articles?", "/topics/" .. pick(lists.topics) .. "/articles?", "/providers/" .. pick(lists.providers) .. "/articles?" }
    local route = pick(routes)
    if route == "/articles?" and math.random() < 0.5 then route = route .. "minQuality=" .. math.random(10, 80) .. "&" end
    return route .. "sort=popularity"
  end,
  popcursor = function() return "/articles?sort=popularity&cursor=" .. pick(lists.popcursors) end,
}

function init(args)
  family = families[args[1]] or error("unknown family " .. tostring(args[1]))
  for _, name in ipairs({ "ids", "topics", "providers", "cursors", "words" }) do lists[name] = load(args[2], name) end
  if args[1] == "popcursor" then lists.popcursors = load(args[2], "popcursors") end
  -- A different sequence per wrk thread.
  math.randomseed(os.time() * 1000 + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000)
end

function request()
  return wrk.format("GET", family())
end
