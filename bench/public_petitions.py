#!/usr/bin/env python3
"""Load client of bench/public_petitions.sh: posts letters to the public
mailbox (/mailbox) at a fixed rate from many source addresses (through
X-Forwarded-For, which the server trusts from 127.0.0.1 only when started
with --trusted-proxy 127.0.0.1), resends every RETRY_EVERY-th form as a
double click would, then checks that one address past its limit gets 429.
Prints one JSON object."""
import http.client
import json
import queue
import sys
import threading
import time
import urllib.parse

base, rate, secs, addresses, retry_every = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
host, port = urllib.parse.urlparse(base).hostname, urllib.parse.urlparse(base).port
TOKEN = "benchtoken0123456789"
jobs = queue.Queue()
lock = threading.Lock()
results = []  # (form index, status, latency s, reference)


def body(i, subject="压力测试信件"):
    return urllib.parse.urlencode({
        "_csrf": TOKEN, "form_id": f"bench-form-{i}", "name": "测试", "phone": f"13{i:09d}",
        "topic": "other", "subject": f"{subject} {i}", "content": "压力测试内容。" * 20, "consent": "1",
    })


def address(i):
    k = i % addresses
    return f"10.{k // 65536 % 256}.{k // 256 % 256}.{k % 256}"


def post(conn, i, addr, subject="压力测试信件"):
    t = time.monotonic()
    conn.request("POST", "/mailbox", body(i, subject), {
        "content-type": "application/x-www-form-urlencoded",
        "cookie": f"edb_form_csrf={TOKEN}", "x-forwarded-for": addr})
    r = conn.getresponse()
    page = r.read().decode("utf-8", "replace")
    ref = page.split('id="ref-no">', 1)[1].split("<", 1)[0] if r.status == 200 and 'id="ref-no">' in page else None
    return r.status, time.monotonic() - t, ref


def worker():
    conn = http.client.HTTPConnection(host, port, timeout=60)
    while True:
        job = jobs.get()
        if job is None:
            return
        i, addr = job
        try:
            status, took, ref = post(conn, i, addr)
        except Exception:  # a dropped connection counts as an error
            conn = http.client.HTTPConnection(host, port, timeout=60)
            status, took, ref = 0, 0.0, None
        with lock:
            results.append((i, status, took, ref))


threads = [threading.Thread(target=worker) for _ in range(64)]
for t in threads:
    t.start()
start = time.monotonic()
total = rate * secs
sent = 0
for n in range(total):
    due = start + n / rate
    delay = due - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    jobs.put((n, address(n)))
    sent += 1
    if retry_every and n % retry_every == 0:
        jobs.put((n, address(n)))  # the same form again (double click)
        sent += 1
offered = time.monotonic() - start
for _ in threads:
    jobs.put(None)
for t in threads:
    t.join()
elapsed = time.monotonic() - start

# One address beyond its limit: sequential letters from 192.0.2.1.
conn = http.client.HTTPConnection(host, port, timeout=60)
burst = [post(conn, 10_000_000 + k, "192.0.2.1", "限流测试信件")[0] for k in range(40)]

ok = [r for r in results if r[1] == 200]
lat = sorted(r[2] for r in ok)
refs_by_form = {}
for i, _, _, ref in ok:
    refs_by_form.setdefault(i, set()).add(ref)
print(json.dumps({
    "sent": sent, "forms": total, "offered_s": round(offered, 1), "elapsed_s": round(elapsed, 1),
    "status": {str(s): sum(1 for r in results if r[1] == s) for s in sorted({r[1] for r in results})},
    "forms_answered": len(refs_by_form),
    "forms_with_two_refs": sum(1 for v in refs_by_form.values() if len(v) > 1),
    "distinct_refs": len({r[3] for r in ok}),
    "p50_ms": round(lat[len(lat) // 2] * 1000, 1) if lat else None,
    "p99_ms": round(lat[int(len(lat) * 0.99)] * 1000, 1) if lat else None,
    "max_ms": round(lat[-1] * 1000, 1) if lat else None,
    "burst_200": burst.count(200), "burst_429": burst.count(429),
}))
