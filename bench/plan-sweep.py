#!/usr/bin/env python3
"""Every filter alone and every pair of filters, with every sort, against a running API over the generated corpus
(bench/ArticleApi.Generator, seed 42: its topic and provider names are used below), one request at a time: the time
of each first page (best of 3 when over 15 ms), the slowest 40 printed. Start the API with the response cache off.
Usage: bench/plan-sweep.py http://127.0.0.1:5087 [singles]"""
import itertools, sys, time, urllib.request, urllib.error
base = sys.argv[1]
filters = [
 "published=true","published=false","minQuality=60","maxQuality=20","minQuality=78","minHeat=50","maxHeat=10","minHeat=100",
 "type=video","type=article","category=news","topic=source-research","topic=cloud-news","topic=source-research,open-research",
 "topic=cloud-news,source-research&topicMatch=all","provider=provider0.example.com","provider=provider1.example.com,provider7.example.com",
 "from=2020-09-20&to=2020-10-01","from=2025-06-01","to=2016-03-01","q=generated","q=kubernetes",
]
sorts = ["-publishedDateTime","publishedDateTime","-quality","quality","-heat","heat"]
def key(f): return f.split("=")[0].replace("min","").replace("max","")
combos = [[f] for f in filters] + [[a,b] for a,b in itertools.combinations(filters,2) if key(a)!=key(b)]
if len(sys.argv) > 2 and sys.argv[2] == "singles": combos = [[f] for f in filters] + [[]]
def timed(url):
    t=time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=10) as r: r.read(); code=r.status
    except urllib.error.HTTPError as e: code=e.code
    except Exception as e: code=str(e)
    return time.perf_counter()-t, code
res=[]
for c in combos:
    for s in sorts:
        url=f"{base}/articles?{'&'.join(c+['sort='+s])}"
        t,code=timed(url)
        if t>0.015: t=min(t,*(timed(url)[0] for _ in range(2)))
        res.append((t,code,url[len(base):]))
res.sort(reverse=True)
ts=sorted(r[0] for r in res)
print(f"{len(res)} requests; median {ts[len(ts)//2]*1000:.1f} ms, p90 {ts[int(len(ts)*.9)]*1000:.1f} ms, max {ts[-1]*1000:.1f} ms; over 10 ms: {sum(t>0.010 for t in ts)}")
for t,code,u in res[:40]: print(f"{t*1000:8.1f} ms {code} {u}")
