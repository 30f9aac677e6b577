"""Reference allocation with the `matching` package (PyPI), for comparison.

Usage: python reference.py ROUND.json RESULT.json

ROUND.json is written by `admissions_bench gen --instance-out`: the seed,
schools with seats, and children with their key, their lottery number
(computed by Rust: first 8 bytes big-endian of SHA-256 of "seed\\nkey") and
their [school, tier] choices. Each school ranks its applicants by (tier at
that school, lottery number, key) -- the engine's documented order -- and
the game is solved resident-optimal (student-proposing deferred
acceptance). RESULT.json gets the school index per child (null if none)
and the timings; one JSON line of timings goes to stdout.
"""

import hashlib
import json
import sys
import time
import warnings

from matching.games import HospitalResident


def lottery_number(seed: str, key: str) -> int:
    digest = hashlib.sha256(f"{seed}\n{key}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def main(round_path: str, result_path: str) -> None:
    with open(round_path, encoding="utf-8") as f:
        rnd = json.load(f)
    seed, schools, children = rnd["seed"], rnd["schools"], rnd["children"]

    # The lottery is recomputed here too: Rust and Python must agree.
    for c in children[:1000]:
        if lottery_number(seed, c["key"]) != c["lottery"]:
            sys.exit(f"lottery number of {c['key']} differs between Rust and Python")

    t0 = time.perf_counter()
    resident_prefs = {i: [s for s, _ in c["choices"]] for i, c in enumerate(children)}
    applicants = {h: [] for h in range(len(schools))}
    for i, c in enumerate(children):
        for s, tier in c["choices"]:
            applicants[s].append(((tier, c["lottery"], c["key"].encode("utf-8")), i))
    hospital_prefs = {h: [i for _, i in sorted(a)] for h, a in applicants.items()}
    capacities = {h: s["seats"] for h, s in enumerate(schools)}
    with warnings.catch_warnings():
        # Schools nobody listed make `matching` warn; they change nothing.
        warnings.simplefilter("ignore")
        game = HospitalResident.create_from_dictionaries(
            resident_prefs, hospital_prefs, capacities
        )
    build_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    matching = game.solve(optimal="resident")
    solve_s = time.perf_counter() - t0

    assigned = [None] * len(children)
    for hospital, residents in matching.items():
        for r in residents:
            assigned[r.name] = hospital.name
    figures = {
        "children": len(children),
        "build_s": build_s,
        "solve_s": solve_s,
        "assigned_count": sum(a is not None for a in assigned),
    }
    with open(result_path, "w", encoding="utf-8") as f:
        json.dump({"assigned": assigned, **figures}, f)
    print(json.dumps(figures))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
