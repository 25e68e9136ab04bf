#!/usr/bin/env python3
# Each URL alone, one at a time on one connection: N URLs drawn evenly from the shape files of bench/scoped-shapes.py,
# each sent four times; the first time (its items maybe not kept yet) and the best of the other three (kept) are
# reported as percentiles, then the costliest URLs. Under load with 32 connections on 2 cores a request's latency is
# many times its CPU, so the 99th percentile of a family follows the costliest requests measured here.
# Usage: bench/scoped-alone.py SHAPES_DIR PORT [N, default 800] [SHOW, default 15]
import glob, http.client, random, sys, time

shapes, port = sys.argv[1], int(sys.argv[2])
n = int(sys.argv[3]) if len(sys.argv) > 3 else 800
show = int(sys.argv[4]) if len(sys.argv) > 4 else 15
random.seed(5)
files = sorted(glob.glob(f"{shapes}/*.txt"))
urls = []
for f in files:
    urls += [(f.split("/")[-1][:-4], u) for u in random.sample(open(f).read().split(), n // len(files))]
connection = http.client.HTTPConnection("127.0.0.1", port)


def timed(url):
    start = time.perf_counter()
    connection.request("GET", url)
    connection.getresponse().read()
    return (time.perf_counter() - start) * 1000


results = []
for shape, url in urls:
    times = [timed(url) for _ in range(4)]
    results.append((min(times[1:]), times[0], shape, url))
results.sort()
count = len(results)


def line(name, values):
    values = sorted(values)
    return f"{name}: p50 {values[count // 2]:.2f} p90 {values[int(count * .9)]:.2f} p99 {values[int(count * .99)]:.2f} max {values[-1]:.2f} mean {sum(values) / count:.2f} ms"


print(line("kept (best of 3)", [r[0] for r in results]))
print(line("first time      ", [r[1] for r in results]))
for result in results[-show:]:
    print("%.2f (first %.2f) %s %s" % result)
