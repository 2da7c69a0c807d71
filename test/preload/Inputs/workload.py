# Python workload of the preload test: dicts, strings, regexes, json,
# zlib, hashlib, an extension module loaded with dlopen (_sqlite3), threads
# and a subprocess. Deterministic output, one line per part.
import hashlib, json, random, re, sqlite3, subprocess, sys, threading, zlib

rng = random.Random(15)
words = ["".join(rng.choice("abcdefghij") for _ in range(rng.randint(1, 12)))
         for _ in range(40000)]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print("words", len(counts), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
text = " ".join(words)
print("regex", len(re.findall(r"\b[a-c]+j\b", text)))
doc = json.dumps({w: [i, str(i) * (i % 7)] for i, w in enumerate(words[:5000])})
print("json", len(doc), hashlib.sha256(doc.encode()).hexdigest()[:16])
packed = zlib.compress(text.encode() * 3, 9)
print("zlib", len(packed), zlib.decompress(packed) == text.encode() * 3)
db = sqlite3.connect(":memory:")
db.execute("create table w(word text, n int)")
db.executemany("insert into w values (?, ?)", counts.items())
print("sqlite", db.execute("select count(*), sum(n), max(length(word)) from w").fetchone())

results = [None] * 4
def work(k):
    local = {}
    for i in range(30000):
        local.setdefault(i % (97 + k), []).append(str(i))
    results[k] = sum(len(v) for v in local.values()) + len(local)
threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("threads", results)
out = subprocess.run([sys.executable, "-c", "print(sum(range(10**5)))"],
                     capture_output=True, text=True).stdout.strip()
print("subprocess", out)
