#!/usr/bin/env python3
# Server CPU milliseconds of each URL read from stdin (one warm-up, then the mean of 5), from /proc of SERVER_PID.
# Usage: bench/cpu-per-url.py BASE_URL SERVER_PID < urls.txt
import os, sys, urllib.request
base, pid = sys.argv[1], int(sys.argv[2])
tick = os.sysconf("SC_CLK_TCK")
def cpu():
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / tick
for u in sys.stdin.read().split():
    urllib.request.urlopen(base + u).read()
    c0 = cpu()
    for _ in range(5): urllib.request.urlopen(base + u).read()
    print(f"{1000*(cpu()-c0)/5:8.1f} ms CPU  {u}")
