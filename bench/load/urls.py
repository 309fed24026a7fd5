#!/usr/bin/env python3
"""Writes the weighted URL population that timeline.lua requests, with page-2/3 cursors and ETags
fetched from a running gateway (the data is static during a run, so they stay valid).

    bench/load/urls.py http://127.0.0.1:PORT OUT.tsv [TAIL_SHARE]

Three groups of GET /api/v1/timeline queries, each with Zipf-like popularity (weight 1/rank) inside:
  dashboard (share 0.70 - TAIL/2): what dashboard readers open: the unfiltered timeline, the frequent
            actors, frequent actor+theme pairs (limit 50, the dashboard's page), and pages 2-3 of the
            most read of these through nextCursor;
  api       (share 0.30 - TAIL/2): API clients: every actor with limit 20 or 100, every theme, pairs of
            actors with actorMode=all, a year of one actor;
  tail      (share TAIL, default 0.05): 600 distinct rare combinations (actor+theme+limit, month ranges,
            two actors of any), spread evenly, so nearly every one is a cache miss.
Output lines: weight <TAB> path <TAB> etag-or-dash.
"""
import json
import random
import sys
import urllib.parse
import urllib.request

ACTORS = ["KAZ", "RUS", "CHN", "USA", "KGZ", "UZB", "TJK", "TKM", "TUR", "EU", "org.csto", "org.nato",
          "org.sco", "org.eaeu", "person.tokayev", "person.putin", "person.xi", "co.kazmunaygas", "proj.cpc",
          "proj.bri", "AFG", "IRN", "AZE", "GEO", "UKR", "BLR", "ARM", "MNG", "IND", "PAK"]
THEMES = ["military-exercises", "alliance-politics", "peacekeeping", "unrest", "energy-transit", "trade",
          "sanctions", "border-security", "elections", "water", "migration", "nuclear"]


def fetch(base, path):
    request = urllib.request.Request(base + path, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.loads(response.read())
        return response.headers.get("ETag"), body.get("nextCursor")


def zipf(paths, share):
    total = sum(1.0 / r for r in range(1, len(paths) + 1))
    return [(share * (1.0 / r) / total, p) for r, p in enumerate(paths, start=1)]


def main():
    base, out = sys.argv[1].rstrip("/"), sys.argv[2]
    tail_share = float(sys.argv[3]) if len(sys.argv) > 3 else 0.05
    rnd = random.Random(6)
    t = "/api/v1/timeline?"

    first_pages = [t + "limit=50"] + [t + "actor=%s&limit=50" % a for a in ACTORS[:10]]
    first_pages += [t + "actor=%s&theme=%s&limit=50" % (a, th) for a in ACTORS[:5] for th in THEMES[:2]]
    # pages 2 and 3 of the six most read views, ranked just after them
    next_pages = []
    for page in first_pages[:6]:
        path = page
        for _ in range(2):
            _, cursor = fetch(base, path)
            if not cursor:
                break
            path = page + "&cursor=" + urllib.parse.quote(cursor, safe="")
            next_pages.append(path)
    dashboard = first_pages[:6] + next_pages + first_pages[6:]

    api = [t + "actor=%s&limit=%d" % (a, n) for a in ACTORS for n in (20, 100)]
    api += [t + "theme=%s&limit=50" % th for th in THEMES]
    api += [t + "actor=%s&actor=%s&actorMode=all&limit=50" % (ACTORS[i], ACTORS[i + 1]) for i in range(10)]
    api += [t + "actor=%s&from=2024-01-01&to=2025-01-01&limit=50" % a for a in ACTORS[:10]]
    rnd.shuffle(api)

    tail = set()
    while len(tail) < 600:
        kind = rnd.random()
        if kind < 0.5:
            tail.add(t + "actor=%s&theme=%s&limit=%d" % (rnd.choice(ACTORS), rnd.choice(THEMES), rnd.choice((10, 20, 50, 100))))
        elif kind < 0.8:
            year, month = rnd.choice((2023, 2024)), rnd.randint(1, 12)
            end = "%d-%02d-01" % (year + (month == 12), month % 12 + 1)
            tail.add(t + "actor=%s&from=%d-%02d-01&to=%s&limit=50" % (rnd.choice(ACTORS), year, month, end))
        else:
            a, b = rnd.sample(ACTORS, 2)
            tail.add(t + "actor=%s&actor=%s&limit=%d" % (a, b, rnd.choice((20, 50))))
    tail = sorted(tail)
    tail_set = set(tail)

    rest = 1.0 - tail_share
    weighted = zipf(dashboard, rest * 0.70) + zipf(api, rest * 0.30) + [(tail_share / len(tail), p) for p in tail]
    with open(out, "w") as f:
        for weight, path in weighted:
            etag, _ = (None, None) if path in tail_set else fetch(base, path)  # tail: no ETag, like a first visit
            f.write("%.8f\t%s\t%s\n" % (weight, path, etag or "-"))
    print("urls: dashboard=%d api=%d tail=%d (tail share %.2f) -> %s" % (len(dashboard), len(api), len(tail), tail_share, out))


if __name__ == "__main__":
    main()
