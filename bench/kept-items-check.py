#!/usr/bin/env python3
# The kept list items under concurrency: distinct URLs (scoped facet pages of bench/scoped-shapes.py, provider and topic
# pages of random sorts and sizes), each twice in random order, fetched by 16 threads from a server with a small store
# (e.g. --Lists:RenderedItemsMiB=1 or 4: its generations emptied every few dozen requests), then by 4 threads from a
# server with none (--Lists:RenderedItemsMiB=0); every response is compared byte for byte. Both servers on one database,
# response cache off. A found item read from a slab written over before its page was sent would show as a difference.
# Usage: bench/kept-items-check.py SHAPES_DIR LISTS_DIR STORE_PORT PLAIN_PORT [SEED]
import concurrent.futures, glob, http.client, random, sys, threading

shapes, lists, store_port, plain_port = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
random.seed(int(sys.argv[5]) if len(sys.argv) > 5 else 9)
urls = []
for f in sorted(glob.glob(f"{shapes}/*.txt")):
    urls += random.sample(open(f).read().split(), 150)
providers = open(f"{lists}/providers.txt").read().split()
topics = open(f"{lists}/topics.txt").read().split()
sorts = ["-publishedDateTime", "publishedDateTime", "-quality", "quality", "-heat", "heat"]
urls += [f"/providers/{random.choice(providers)}/articles?sort={random.choice(sorts)}&limit={random.randint(5, 100)}" for _ in range(800)]
urls += [f"/topics/{random.choice(topics)}/articles?sort={random.choice(sorts)}&limit={random.randint(5, 100)}" for _ in range(400)]
urls = urls * 2
random.shuffle(urls)
local = threading.local()


def get(port, url):
    connection = getattr(local, f"c{port}", None)
    if connection is None:
        connection = http.client.HTTPConnection("127.0.0.1", port)
        setattr(local, f"c{port}", connection)
    connection.request("GET", url)
    response = connection.getresponse()
    return response.status, response.read()


with concurrent.futures.ThreadPoolExecutor(16) as pool:
    stored = list(pool.map(lambda url: get(store_port, url), urls))
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    plain = list(pool.map(lambda url: get(plain_port, url), urls))
differ = [(url, a[0], b[0]) for url, a, b in zip(urls, stored, plain) if a != b]
print(f"{len(urls)} responses compared, {len(differ)} differ; statuses {sorted(set(status for status, _ in stored))}")
for url, a, b in differ[:5]:
    print(a, b, url)
sys.exit(1 if differ else 0)
