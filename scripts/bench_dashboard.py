"""Times the insight dashboard on a generated municipality (`koffiepot demo --scale N`): logs in as the demo
coordinator and requests each filter combination sequentially, reporting p50 and p95 in milliseconds.
Used by scripts/bench; the goal is p95 under 300 ms on SQLite."""
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

base, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 40
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
page = opener.open(base + "/login").read().decode()
token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
form = urllib.parse.urlencode({"_csrf": token, "email": "coordinator@koffiepot.test", "password": "koffiepot-demo"}).encode()
opener.open(base + "/login", data=form).read()
locations = re.findall(r'<option value="([0-9A-F-]{36})"', opener.open(base + "/staff/inzicht").read().decode())

variants = [
    ("municipality, last 12 months", "/staff/inzicht"),
    ("municipality, 3 years", "/staff/inzicht?from=2023-12&to=2026-11"),
    ("one neighbourhood, 3 years", "/staff/inzicht?neighbourhood=Strijp&from=2023-12&to=2026-11"),
    ("one location, 12 months", f"/staff/inzicht?location={locations[0]}"),
    ("CSV, municipality, 3 years", "/staff/inzicht.csv?from=2023-12&to=2026-11"),
]
print("| dashboard request | p50 ms | p95 ms |\n|---|---:|---:|")
for name, path in variants:
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        with opener.open(base + path) as response:
            response.read()
            assert response.status == 200
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    print(f"| {name} | {statistics.median(timings):.0f} | {timings[int(len(timings) * 0.95) - 1]:.0f} |")
