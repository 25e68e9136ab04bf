#!/usr/bin/env python3
# The scoped filters of bench/distinct.lua (scopedfacets, scopedtotal), drawn the same way, written one file per shape
# of scope (topic, 2topics, provider, none, each with +dates when it has a date range; a type=article or not), so that
# what each shape costs the server can be measured on its own: bench/ab-running.sh takes such a file as a family.
# Usage: bench/scoped-shapes.py LISTS_DIR OUT_DIR [COUNT [SEED [PREFIX]]]
# LISTS_DIR as bench/distinct-benchmark.sh writes it; PREFIX is the family's, facets by default.
import collections, os, random, sys

lists, out = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 500_000
rand = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 12)
prefix = sys.argv[5] if len(sys.argv) > 5 else "/articles?facets=topic,provider,published,type&"
topics = open(f"{lists}/topics.txt").read().split()
providers = open(f"{lists}/providers.txt").read().split()
sorts = ["-publishedDateTime", "publishedDateTime", "-quality", "quality", "-heat", "heat"]


def filters():
    parts = []
    if rand.random() < .5: parts.append(f"published={rand.choice(['true', 'false'])}")
    if rand.random() < .5: parts.append(f"minQuality={rand.randint(10, 80)}")
    if rand.random() < .5: parts.append(f"minHeat={rand.randint(-1, 100)}")
    return parts + [f"sort={rand.choice(sorts)}"]


shapes = collections.defaultdict(list)
for _ in range(count):
    parts, shape = [], []
    r = rand.random()
    if r < .35: parts.append("topic=" + rand.choice(topics)); shape.append("topic")
    elif r < .55:
        parts.append(f"topic={rand.choice(topics)}&topic={rand.choice(topics)}&topicMatch={rand.choice(['any', 'all'])}"); shape.append("2topics")
    elif r < .75: parts.append("provider=" + rand.choice(providers)); shape.append("provider")
    else: shape.append("none")
    if rand.random() < .3: parts.append("type=article")
    if rand.random() < .5:
        y = rand.randint(2016, 2025)
        parts.append(f"from={y}-{rand.randint(1, 6):02d}-01&to={y + rand.randint(0, 2)}-{rand.randint(7, 12):02d}-28"); shape.append("dates")
    shapes["+".join(shape)].append(prefix + "&".join(parts + filters()))

os.makedirs(out, exist_ok=True)
for shape, urls in sorted(shapes.items()):
    with open(f"{out}/{shape}.txt", "w") as f:
        f.write("\n".join(urls) + "\n")
    print(f"{shape}\t{len(urls)}\t{out}/{shape}.txt")
