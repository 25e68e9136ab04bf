#!/usr/bin/env python3
# CPU milliseconds the server spends per request, by family: every request different, sent one at a time, the server's
# user+system time read from /proc before and after. Unlike req/s it hardly moves with the load of a shared machine.
# Usage: bench/cpu-per-request.py BASE_URL SERVER_PID LISTS_DIR [N, default 300] [families, e.g. article,filter]
# LISTS_DIR holds ids.txt, topics.txt, providers.txt, words.txt (bench/distinct-benchmark.sh writes them).
import os, random, sys, time, urllib.request, urllib.error, base64, json, subprocess
base, pid, lists = sys.argv[1], int(sys.argv[2]), sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 300
tick = os.sysconf("SC_CLK_TCK")
def cpu():
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / tick
ids = open(f"{lists}/ids.txt").read().split()
topics = open(f"{lists}/topics.txt").read().split()
providers = open(f"{lists}/providers.txt").read().split()
words = open(f"{lists}/words.txt").read().split() if os.path.exists(f"{lists}/words.txt") else ["generated"]
sorts = ["-publishedDateTime","publishedDateTime","-quality","quality","-heat","heat"]
R = random.Random(7)
def filt():
    parts = []
    if R.random() < .5: parts.append(f"published={R.choice(['true','false'])}")
    if R.random() < .5: parts.append(f"minQuality={R.randint(10,80)}")
    if R.random() < .5: parts.append(f"minHeat={R.randint(-1,100)}")
    return "&".join(parts + [f"sort={R.choice(sorts)}"])
fam = {
 "article": lambda: f"/articles/{R.choice(ids)}",
 "filter": lambda: f"/articles?{filt()}",
 "topic": lambda: f"/topics/{R.choice(topics)}/articles?sort={R.choice(sorts)}",
 "provider": lambda: f"/providers/{R.choice(providers)}/articles?sort={R.choice(sorts)}",
 "search": lambda: f"/articles?q={R.choice(words)}",
 "backlinks": lambda: f"/articles/{R.choice(ids)}/backlinks",
}
for name in (sys.argv[5].split(",") if len(sys.argv) > 5 else fam):
    urls = [fam[name]() for _ in range(n)]
    for u in urls[:20]: urllib.request.urlopen(base + u).read()
    c0, t0 = cpu(), time.perf_counter(); errors = 0
    for u in urls:
        try: urllib.request.urlopen(base + u, timeout=20).read()
        except urllib.error.HTTPError as e: errors += 1
    c1, t1 = cpu(), time.perf_counter()
    print(f"{name:10} {n} requests: server CPU {1000*(c1-c0)/n:6.2f} ms/request, wall {1000*(t1-t0)/n:6.2f} ms/request, errors {errors}")
