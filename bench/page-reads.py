#!/usr/bin/env python3
"""Read system calls per list-page statement on a SQLite database, at several per-connection page cache sizes.

The list page's rows statement (Data/ArticleRowStatements: 20 random articles by key, their provider, their list copies)
run N times on one connection; /proc/self/io's syscr counts the reads SQLite makes of pages it does not hold. Each is a
system call, which costs microseconds on a virtual machine, so it is the part of a statement's cost the cache decides.
Usage: bench/page-reads.py DATABASE [statements, default 3000] [cache sizes in KiB, default 2000 8192 16384 32768]
"""
import random
import sqlite3
import sys
import time

database = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
sizes = [int(size) for size in sys.argv[3:]] or [2000, 8192, 16384, 32768]
statement = """SELECT a."Key", a."Id", a."SourcePath", a."Title", a."Excerpt", a."PublishedDateTime", a."WebUrl", a."Type",
a."Category", a."Quality", a."Heat", a."Published", COALESCE(a."ProviderName", p."Name"), a."ProviderDomain", a."ListImage", a."ListTopics"
FROM "Articles" a LEFT JOIN "Providers" p ON p."Domain" = a."ProviderDomain"
WHERE a."Key" IN (SELECT value FROM json_each(?))"""


def reads():
    with open("/proc/self/io") as io:
        return next(int(line.split()[1]) for line in io if line.startswith("syscr"))


for size in sizes:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    connection.execute(f"PRAGMA cache_size = -{size}")
    top = connection.execute('SELECT max("Key") FROM "Articles"').fetchone()[0]
    rng = random.Random(42)
    pages = [[rng.randint(1, top) for _ in range(20)] for _ in range(count)]
    # The first half warms the cache; the second half is measured.
    for keys in pages[: count // 2]:
        connection.execute(statement, (str(keys),)).fetchall()
    before, started = reads(), time.process_time()
    for keys in pages[count // 2:]:
        connection.execute(statement, (str(keys),)).fetchall()
    measured = count - count // 2
    print(f"cache_size {size:6} KiB: {(reads() - before) / measured:5.1f} reads per statement, "
          f"{(time.process_time() - started) * 1e6 / measured:6.0f} us CPU per statement ({measured} statements)")
    connection.close()
