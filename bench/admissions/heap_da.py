"""A plain student-proposing deferred acceptance in Python with heapq, the
yardstick for the engine at 1,000,000 children.

Usage: python heap_da.py ROUND.json RESULT.json

ROUND.json is written by `admissions_bench gen --instance-out` (seed,
schools with seats, children with key and [school, tier] choices). The
work timed is what `allocate` does: each child's lottery number (first 8
bytes big-endian of SHA-256 of "seed\\nkey"), the draw order (number, then
key), and deferred acceptance where each school keeps its best `seats`
applicants by (tier, place in the draw) in a heap, bumping the worst when
a better one proposes. RESULT.json gets the school index per child (null
if none) and the timings; one JSON line of timings goes to stdout.
"""

import hashlib
import heapq
import json
import sys
import time


def lottery_number(seed: str, key: str) -> int:
    digest = hashlib.sha256(f"{seed}\n{key}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def allocate(seed, seats, keys, prefs):
    n = len(keys)
    numbers = [lottery_number(seed, k) for k in keys]
    order = sorted(range(n), key=lambda c: (numbers[c], keys[c].encode("utf-8")))
    rank = [0] * n
    for r, c in enumerate(order):
        rank[c] = r
    # A max-heap per school of (-(tier, rank)) packed into one integer.
    held = [[] for _ in seats]
    nxt = [0] * n
    free = list(range(n - 1, -1, -1))
    while free:
        c = free.pop()
        p = prefs[c]
        while nxt[c] < len(p):
            s, tier = p[nxt[c]]
            nxt[c] += 1
            key = (tier << 32) | rank[c]
            h = held[s]
            if len(h) < seats[s]:
                heapq.heappush(h, -key)
                break
            if h and key < -h[0]:
                bumped = -heapq.heapreplace(h, -key)
                free.append(order[bumped & 0xFFFFFFFF])
                break
    assigned = [None] * n
    for s, h in enumerate(held):
        for k in h:
            assigned[order[-k & 0xFFFFFFFF]] = s
    return assigned


def main(round_path: str, result_path: str) -> None:
    with open(round_path, encoding="utf-8") as f:
        rnd = json.load(f)
    seed = rnd["seed"]
    seats = [s["seats"] for s in rnd["schools"]]
    keys = [c["key"] for c in rnd["children"]]
    prefs = [[(s, t) for s, t in c["choices"]] for c in rnd["children"]]
    del rnd
    t0 = time.perf_counter()
    assigned = allocate(seed, seats, keys, prefs)
    solve_s = time.perf_counter() - t0
    figures = {
        "children": len(keys),
        "solve_s": solve_s,
        "assigned_count": sum(a is not None for a in assigned),
        "python": sys.version.split()[0],
    }
    with open(result_path, "w", encoding="utf-8") as f:
        json.dump({"assigned": assigned, **figures}, f)
    print(json.dumps(figures))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
