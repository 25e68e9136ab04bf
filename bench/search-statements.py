#!/usr/bin/env python3
# CPU time of the statements a search runs on SQLite (the frequent-word walk, the page's snippets, a probe of 21 keys,
# the bounded count), each the mean of 50 runs on one connection, for two title words.
# Usage: bench/search-statements.py DATABASE   (compare a database before and after FTS5's 'optimize')
import sqlite3, time, json, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
print('sqlite', sqlite3.sqlite_version, sys.argv[1])
def t(label, sql, params=(), n=50):
    db.execute(sql, params).fetchall()
    s = time.process_time()
    for _ in range(n): r = db.execute(sql, params).fetchall()
    print(f"{1000*(time.process_time()-s)/n:7.3f} ms  {len(r)} rows  {label}")
    return r
walk = 'SELECT a.Key FROM Articles a WHERE EXISTS (SELECT 1 FROM ArticlesFts f WHERE f.ArticlesFts MATCH ? AND f.rowid = a.Key) ORDER BY a.PublishedDateTime DESC, a.Id DESC LIMIT ?'
for w in ['"outage"', '"model"']:
    keys = [r[0] for r in t('walk 21 '+w, walk, (w, 21))]
    t('walk 2 '+w, walk, (w, 2))
    t('snippets '+w, "SELECT rowid, snippet(ArticlesFts, -1, '<mark>', '</mark>', '…', 16) FROM ArticlesFts WHERE ArticlesFts MATCH ? AND rowid IN (SELECT value FROM json_each(?))", (w, json.dumps(keys)))
    t('probe 21 '+w, "SELECT rowid FROM ArticlesFts WHERE ArticlesFts MATCH ? AND rowid IN (SELECT value FROM json_each(?))", (w, json.dumps(keys)))
    t('count 5001 '+w, "SELECT count(*) FROM (SELECT 1 FROM ArticlesFts WHERE ArticlesFts MATCH ? LIMIT 5001)", (w,))
