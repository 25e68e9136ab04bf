#!/usr/bin/env python3
# The page items statement's provider name three ways, timed with Python's sqlite3 on a benchmark database: joined to
# Providers for every row, from a scalar subquery inside COALESCE (asked for only when the row has no name), and the
# row's own column alone. Each round runs 3,000 statements of 20 keys, drawn from 2,000 keys read again and again
# ("warm") and from every key ("random"). Usage: bench/item-lookups.py DATABASE [ARTICLES]
import json, random, sqlite3, sys, time

path, articles = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
db.execute("PRAGMA mmap_size=4000000000")
db.execute("PRAGMA cache_size=-8192")
columns = ("a.Key, a.Id, a.SourcePath, a.Title, a.Excerpt, a.PublishedDateTime, a.WebUrl, a.Type, a.Category, a.Quality,"
           " a.Heat, a.Published, {}, a.ProviderDomain, a.ListImage, a.ListTopics")
keys = " WHERE a.Key IN (SELECT value FROM json_each(?))"
statements = {
    "join": "SELECT " + columns.format("COALESCE(a.ProviderName, p.Name)")
            + " FROM Articles a LEFT JOIN Providers p ON p.Domain = a.ProviderDomain" + keys,
    "subquery": "SELECT " + columns.format("COALESCE(a.ProviderName, (SELECT p.Name FROM Providers p WHERE p.Domain = a.ProviderDomain))")
                + " FROM Articles a" + keys,
    "own column": "SELECT " + columns.format("a.ProviderName") + " FROM Articles a" + keys,
}
warm = [random.randint(1, articles) for _ in range(2000)]
for round in range(3):
    for name, sql in statements.items():
        for draw in ("warm", "random"):
            random.seed(round * 7 + (draw == "random"))
            start, count = time.perf_counter(), 3000
            for _ in range(count):
                page = random.sample(warm, 20) if draw == "warm" else [random.randint(1, articles) for _ in range(20)]
                db.execute(sql, (json.dumps(page),)).fetchall()
            print(f"round {round}  {name:10}  {draw:6}  {(time.perf_counter() - start) / count * 1e6:6.1f} us a statement")
