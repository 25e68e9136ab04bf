#!/usr/bin/env python3
"""Re-runs the kinds of attack of the hardening issue against the built app and counts what held.

    dotnet build src/ArticleApi && python3 bench/hostile-check.py [requests, default 3000]

1. A folder of hostile files beside good ones, imported by `ArticleApi import`: every hostile file must be reported
   (failed or skipped, with a reason), the good ones imported, the pass bounded in time and memory.
2. The service over that folder: random hostile query strings on every list route; no 5xx, every 400 a problem naming
   a parameter.
3. POST /import without a key, with a wrong key, with the key in a flood while a file changes: 403s, and the change
   still imported within Import:MaxTriggerDelay plus a pass.
Loopback only; every loop is bounded.
"""
import json, os, random, urllib.parse, resource, shutil, socket, string, subprocess, sys, tempfile, time, urllib.error, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DLL = os.path.join(ROOT, "src/ArticleApi/bin/Debug/net10.0/ArticleApi.dll")
REQUESTS = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
random.seed(7)
work = tempfile.mkdtemp(prefix="hostile-")
src = os.path.join(work, "articles")
outside = os.path.join(work, "outside")
os.makedirs(src); os.makedirs(outside)

def write(rel, text, base=src, mode="w"):
    path = os.path.join(base, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(text)
    return path

hostile = {}
def bad(rel, text, base=src, mode="w"):
    hostile[rel] = write(rel, text, base, mode)

big = "x" * 400_000
bad("bomb-string.md", f'---\ntitle: b\ns: &s "{big}"\nl1: &l1 [{", ".join(["*s"]*10)}]\nl2: &l2 [{", ".join(["*l1"]*10)}]\nl3: [{", ".join(["*l2"]*10)}]\n---\n')
nodes = "---\ntitle: n\na: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(f"{c}: &{c} [{', '.join(['*' + p]*10)}]\n" for p, c in zip("abcde", "bcdef")) + "---\n"
bad("bomb-nodes.md", nodes)
bad("deep.md", "---\ntitle: d\nx: " + "[" * 200 + "]" * 200 + "\n---\n")
bad("utf8.md", b"---\ntitle: \xff\xfe\n---\n".decode("latin-1"), mode="w")
with open(os.path.join(src, "utf8.md"), "wb") as f: f.write(b"---\ntitle: \xff\xfe\n---\n")
bad("nul.md", '---\ntitle: "a\\0b"\n---\n')
bad("huge.md", "---\ntitle: h\n---\n" + "y" * (1024 * 1024 + 10))
bad("unclosed.md", "---\ntitle: u\n")
bad("types.md", "---\ntitle: t\nquality: high\n---\n")
bad("heat.md", "---\ntitle: t\nheat: -5\n---\n")
bad("published.md", "---\ntitle: t\npublished: maybe\n---\n")
bad("date.md", "---\ntitle: t\npublishedDateTime: yesterday\n---\n")
bad("dupkey.md", "---\ntitle: a\ntitle: b\n---\n")
bad("twodocs.md", "---\ntitle: a\n...\ntitle: b\n---\n")
bad("alias-missing.md", "---\ntitle: *nope\n---\n")
bad("longurl.md", "---\ntitle: l\nwebUrl: https://e.example/" + "a" * 1200 + "\n---\n")
bad("tabs.md", "---\ntitle: t\n\tquality: 3\n---\n")
write("secret.md", "---\ntitle: Secret\nsecretValue: 42\n---\n", base=outside)
os.symlink(os.path.join(outside, "secret.md"), os.path.join(src, "link-out.md")); hostile["link-out.md"] = None
os.symlink(outside, os.path.join(src, "dir-out")); hostile["dir-out/"] = None
os.makedirs(os.path.join(src, "loop")); write("loop/in.md", "---\ntitle: In the loop\n---\n")
os.symlink(os.path.join(src, "loop"), os.path.join(src, "loop", "again")); hostile["loop/again/"] = None
os.symlink("/dev/zero", os.path.join(src, "zero.md")); hostile["zero.md"] = None
os.mkfifo(os.path.join(src, "pipe.md")); hostile["pipe.md"] = None
import hashlib
suffix = hashlib.sha256(b"coll/a_b/x.md").hexdigest()[:8]
good = ["good.md", "coll/a_b/x.md", "coll/a-b/x.md", f"coll/a-b-x-{suffix}.md", "loop/in.md"]
for g in good[:4]:
    write(g, f"---\ntitle: Good {g}\nquality: 50\n---\n")

db = os.path.join(work, "db", "articles.db")
def cli():
    start = time.time()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", "dotnet", DLL, "import", src, f"--ConnectionStrings:Articles=Data Source={db}",
                        "--Serilog:MinimumLevel:Default=Warning"], capture_output=True, text=True, timeout=300)
    return p, time.time() - start, int(p.stderr.strip().splitlines()[-1])

p, seconds, rss_kb = cli()
out = p.stdout
reported = sum(1 for rel in hostile if f"skipped {rel}:" in out or f"FAILED  {rel}:" in out)
print(f"1. files: {len(hostile)} hostile + {len(good)} good; exit {p.returncode}; {seconds:.1f} s; peak RSS {rss_kb // 1024} MB")
print(f"   hostile reported with a reason: {reported}/{len(hostile)}")
for rel in hostile:
    if f"skipped {rel}:" not in out and f"FAILED  {rel}:" not in out:
        print(f"   NOT REPORTED: {rel}")
added = [l for l in out.splitlines() if l.startswith("  seen")]
print("   " + (added[0].strip() if added else out[:300]))
ok1 = p.returncode == 1 and reported == len(hostile) and "added 5" in out and seconds < 120 and rss_kb < 600 * 1024

s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
env = dict(os.environ, ConnectionStrings__Articles=f"Data Source={db}", Import__SourceDirectory=src, Import__Watch="true",
           Import__WatchDebounce="00:00:00.200", Import__MaxTriggerDelay="00:00:02", Import__AdminKey="k3y", ASPNETCORE_URLS=f"http://127.0.0.1:{port}",
           Serilog__MinimumLevel__Default="Warning", ResponseCache__Enabled="false")
app = subprocess.Popen(["dotnet", DLL], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work)
base = f"http://127.0.0.1:{port}"
def call(path, method="GET", headers=None):
    req = urllib.request.Request(base + path, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()
try:
    for _ in range(600):
        try:
            if call("/health/ready")[0] == 200: break
        except OSError: pass
        time.sleep(0.1)
    params = ["published", "minQuality", "maxQuality", "minHeat", "maxHeat", "topic", "topicMatch", "provider", "excludeTopic",
              "excludeProvider", "from", "to", "type", "category", "q", "sort", "limit", "cursor", "includeTotal", "facets", "since", "domain", "url"]
    junk = ["", " ", "-1", "99999999999999999999", "1e309", "NaN", "true", "maybe", "'; DROP TABLE Articles;--", "%00", "%FF%FE",
            "(((((((((((", "\"", "a OR", "-x", "NOT", "2025-13-45", "2025-01-01T00:00:00.1234567891234Z", "*" * 50, "%E2%80%AE", "x" * 5000,
            "relevance", "-heat", "WyJ4Il0", "../../etc/passwd", "<script>", "%F0%9F%92%A9"]
    routes = ["/articles", "/topics/ai/articles", "/providers/example.org/articles", "/topics", "/providers", "/related", "/changes",
              "/articles/good", "/articles/good/related", "/articles/good/backlinks", "/articles/%2e%2e", "/articles/" + "a" * 3000]
    codes, bad_problems, fivexx = {}, 0, 0
    for _ in range(REQUESTS):
        q = "&".join(f"{random.choice(params)}={urllib.parse.quote(urllib.parse.unquote(random.choice(junk)), safe='')}" for _ in range(random.randint(0, 4)))
        status, ctype, body = call(random.choice(routes) + ("?" + q if q else ""))
        codes[status] = codes.get(status, 0) + 1
        fivexx += status >= 500
        if status == 400:
            doc = json.loads(body)
            bad_problems += not (ctype.startswith("application/problem+json") and doc.get("errors"))
    print(f"2. {REQUESTS} hostile requests: statuses {dict(sorted(codes.items()))}; 5xx: {fivexx}; 400s that are not problems naming a parameter: {bad_problems}")
    ok2 = fivexx == 0 and bad_problems == 0

    nokey = sum(call("/import", "POST")[0] == 403 for _ in range(50))
    wrong = sum(call("/import", "POST", {"X-Admin-Key": "guess"})[0] == 403 for _ in range(50))
    write("flood.md", "---\ntitle: Flood\n---\n")
    flood_start = time.time(); seen_at = None; posts = 0
    while time.time() - flood_start < 12:
        posts += call("/import", "POST", {"X-Admin-Key": "k3y"})[0] == 202
        if seen_at is None and call("/articles/flood")[0] == 200:
            seen_at = time.time() - flood_start
        time.sleep(0.2)
    print(f"3. POST /import: {nokey}/50 without a key and {wrong}/50 with a wrong key refused (403); {posts} accepted POSTs every 0.2 s for 12 s;"
          f" the new file was served after {seen_at:.1f} s" if seen_at is not None else f"3. ... the new file was NOT served within 12 s of POSTs")
    ok3 = nokey == 50 and wrong == 50 and seen_at is not None and seen_at < 10
finally:
    app.terminate(); app.wait(timeout=30)
    shutil.rmtree(work, ignore_errors=True)
print("held" if ok1 and ok2 and ok3 else "FAILED")
sys.exit(0 if ok1 and ok2 and ok3 else 1)
