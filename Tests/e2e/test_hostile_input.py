"""Hostile input on every form and JSON endpoint (issue 14 pt 3), against a real server on its own SQLite file.
The routes come from the server itself (`koffiepot routes`), so a new form is covered without being named here.

Every POST route gets script and HTML, bidi overrides, NUL, invalid UTF-8, SQL metacharacters, a very long line,
numbers out of range and — for JSON — wrong types, deep nesting and a 10 MB body. Each answer must be below 500;
a refusal (4xx) must leave every table as it was and speak the request's language; what is accepted is stored as
typed and shown escaped: in the browser no dialog opens and no injected element appears."""
import json
import os
import re
import sqlite3
import subprocess
import tempfile
import uuid

import pytest
import requests
from playwright.sync_api import expect

from conftest import ROOT, api_token, form_session, free_port, new_page, start_server

SCRIPT = '<script>alert("kp")</script><img src=x onerror=alert("kp") id=kp-injected>'
FORM_PAYLOADS = {
    "script": SCRIPT,
    "bidi": "abc\u202eevil\u2066",
    "nul": "a\x00b",
    "sql": "x'); DROP TABLE bookings; --",
    "long line": "y" * 100_000,
    "number": "99999999999999999999999",
}
FIELDS = ["name", "contact", "text", "about", "title", "code", "message", "note", "reply", "answer", "parentName", "childName",
          "teacherName", "description", "room", "intro", "situation", "question", "email", "password", "adults", "score",
          "capacity", "language", "slot", "date", "from", "to", "group", "address", "neighbourhood", "municipality", "kind",
          "supportNote", "better", "label", "website", "role", "helpsWith", "reach", "presence", "rhyme", "first", "last",
          "firstDay", "lastDay", "children", "languages", "topics[]", "confirm"]
# Tables that change on any request by design: rate limits, who-read-what, sessions, job ticks.
MOVING = {"rate_limit_events", "access_log", "staff_sessions", "job_runs", "_fluent_migrations", "sqlite_sequence"}
CHECKED = {"requests": 0, "refused": 0}
STATUSES = {}


class Store:
    """Reads the server's database directly: SQLite in-process, PostgreSQL through psql (one call per question)."""

    def __init__(self, sqlite_path=None, url=None):
        self.sqlite_path, self.url = sqlite_path, url

    def rows(self, sql):
        if self.url:
            out = subprocess.run(["psql", self.url, "-At", "-F", "|", "-c", sql], capture_output=True, text=True, check=True).stdout
            return [tuple(line.split("|")) for line in out.splitlines() if line]
        with sqlite3.connect(self.sqlite_path) as db:
            return [tuple(str(v) for v in row) for row in db.execute(sql).fetchall()]

    def tables(self):
        sql = ("SELECT tablename FROM pg_tables WHERE schemaname = 'public'" if self.url
               else "SELECT name FROM sqlite_master WHERE type = 'table'")
        return [r[0] for r in self.rows(sql) if r[0] not in MOVING]

    def counts(self):
        return dict(self.rows(" UNION ALL ".join(f"SELECT '{t}', COUNT(*) FROM \"{t}\"" for t in self.tables())))

    def unsafe_text(self):
        """Columns holding NUL or a bidi override (PostgreSQL cannot store NUL in text at all)."""
        if self.url:
            columns = self.rows("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
                                "AND data_type IN ('text', 'character varying')")
            test = "position(chr(8238) in \"{c}\") > 0"
        else:
            columns = [(t, c[1]) for t in self.tables() for c in sqlite3.connect(self.sqlite_path).execute(f'PRAGMA table_info("{t}")')
                       if c[2].upper() in ("TEXT", "")]
            test = "instr(\"{c}\", char(0)) > 0 OR instr(\"{c}\", char(8238)) > 0"
        if not columns:
            return []
        sql = " UNION ALL ".join(f"SELECT '{t}.{c}', COUNT(*) FROM \"{t}\" WHERE " + test.format(c=c) for t, c in columns)
        return [f"{name}: {n} rows" for name, n in self.rows(sql) if n != "0"]


DATABASES = ["sqlite"] + (["postgresql"] if os.environ.get("KOFFIEPOT_E2E_PG_URL") else [])


@pytest.fixture(scope="module", params=DATABASES)
def hostile_server(request):
    """A server of its own, on SQLite and — when scripts/test gives it an empty database — on PostgreSQL."""
    workdir = tempfile.mkdtemp(prefix="koffiepot-hostile-")
    port = free_port()
    url = os.environ["KOFFIEPOT_E2E_PG_URL"] if request.param == "postgresql" else None
    proc = start_server(port, free_port(), workdir, database_url=url)
    assert proc, open(os.path.join(workdir, "server.log")).read()[-2000:]
    CHECKED.update(requests=0, refused=0)
    STATUSES.clear()
    yield f"http://127.0.0.1:{port}", Store(sqlite_path=os.path.join(workdir, "e2e.sqlite"), url=url)
    proc.terminate()
    proc.wait(timeout=10)
    print(f"\nhostile input on {request.param}: {CHECKED['requests']} hostile requests, {CHECKED['refused']} refused with a 4xx, "
          f"none answered 5xx; answers by status: {dict(sorted(STATUSES.items()))}")


def routes():
    binary = os.environ.get("KOFFIEPOT_BINARY", str(ROOT / ".build" / "debug" / "koffiepot"))
    table = subprocess.run([binary, "routes"], capture_output=True, text=True, check=True, cwd=ROOT,
                           env=dict(os.environ, KOFFIEPOT_DATABASE=":memory:")).stdout
    return [tuple(cell.strip() for cell in line.strip("|").split("|")) for line in table.splitlines() if line.startswith("|")]


def concrete(path, ids):
    """Real demo ids where the demo has them (the segment before a parameter says what it is), unknown ones elsewhere."""
    def value(name, before):
        if name == ":token":
            return ids.get(before, "A" * 43)
        if name == ":id" and before in ("gatherings", "locations"):
            if "/thuis/activities/" in path and "theme_location" in ids:
                return ids["theme_location"]
            return ids["gathering" if before == "gatherings" else "location"]
        return ids.get(name, str(uuid.uuid4()))
    parts = path.split("/")
    return "/".join(value(p, parts[i - 1]) if p.startswith(":") else p for i, p in enumerate(parts))


@pytest.fixture(scope="module")
def ids(hostile_server):
    return demo_ids(hostile_server[0])


def demo_ids(server):
    """Real ids for the routes' parameters, so hostile bodies reach the forms' checks instead of a 404."""
    locations = requests.get(server + "/api/v1/locations", timeout=10).json()
    location = next(l["id"] for l in locations if l["name"] == "SPIL-centrum De Boomgaard")
    slots = requests.get(f"{server}/api/v1/locations/{location}/slots", timeout=10).json()
    gathering = next(g["id"] for g in requests.get(server + "/api/v1/gatherings", timeout=10).json() if g["kind"] != "walk_in")
    booking = requests.post(server + "/api/v1/bookings", json={"slotId": slots[-1]["id"], "name": "Sanne"}, timeout=10).json()
    registration = requests.post(f"{server}/api/v1/gatherings/{gathering}/registrations", json={"name": "Sanne"}, timeout=10).json()
    question = requests.post(server + "/api/v1/questions", json={"text": "Hoe leer ik mijn kind fietsen?"}, timeout=10).json()
    token = lambda created: created["link"].rstrip("/").split("/")[-1]
    ids = {"location": location, "gathering": gathering, ":slotID": slots[0]["id"], ":locationID": location, ":gatheringID": gathering,
           "b": token(booking), "r": token(registration), "v": token(question), "booking_code": booking["code"]}
    wishes = requests.get(server + "/api/v1/wishes", params={"location": location}, timeout=10).json()
    if wishes:
        ids[":wishID"] = wishes[0]["id"]
    for place in locations:
        theme = requests.get(f"{server}/api/v1/locations/{place['id']}/home-themes/current", timeout=10)
        if theme.status_code == 200:
            ids["theme_location"], ids[":activityID"] = place["id"], theme.json()["activities"][0]["id"]
            break
    # A round of 10-minute conversations planned by the demo teacher, and a parent's booking in it.
    teacher_token = api_token(server, "leerkracht@koffiepot.test")
    school = next(l["id"] for l in locations if l["name"] == "Basisschool De Vlinder")
    round_ = requests.post(server + "/api/v1/conversation-rounds", headers={"Authorization": f"Bearer {teacher_token}"}, timeout=10, json={
        "locationId": school, "title": "Gesprekken", "group": "5B", "slotMinutes": 10,
        "days": [{"date": "2027-02-09", "from": "15:00", "to": "16:00"}]}).json()
    ids[":roundID"] = round_["id"]
    conversation_slots = requests.get(f"{server}/api/v1/conversation-rounds/{round_['id']}/slots", timeout=10).json()
    talk = requests.post(f"{server}/api/v1/conversation-rounds/{round_['id']}/bookings", timeout=10, json={
        "slotId": conversation_slots[0]["id"], "parentName": "Sanne", "childName": "Bo"}).json()
    ids["g"] = token(talk)
    return ids


def identity(server, sessions, path, url, fields):
    """The first session a staff route lets through (public routes: anonymous)."""
    if not path.startswith("/staff"):
        return sessions[None]
    for email in ("admin@koffiepot.test", "anja@koffiepot.test", "leerkracht@koffiepot.test", "ambassadeur@koffiepot.test"):
        s = sessions[email]
        probe = s.post(server + url, data={"_csrf": s.csrf}, timeout=20, allow_redirects=False)
        if probe.status_code != 403:
            return s
    return sessions[None]


def test_every_form_refuses_or_stores_hostile_text_safely(hostile_server, ids):
    server, database = hostile_server
    sessions = {None: form_session(server)}
    for email in ("admin@koffiepot.test", "anja@koffiepot.test", "leerkracht@koffiepot.test", "ambassadeur@koffiepot.test"):
        sessions[email] = form_session(server, email)
    problems = []
    for method, path in routes():
        if method != "POST" or path.startswith("/api/") or path in ("/logout", "/login") or "picture" in path:
            continue
        url = concrete(path, ids)
        s = identity(server, sessions, path, url, FIELDS)
        for label, payload in FORM_PAYLOADS.items():
            before = database.counts()
            r = s.post(server + url, data={**{f: payload for f in FIELDS}, "_csrf": s.csrf}, timeout=30, allow_redirects=False,
                       headers={"Accept-Language": "ar"})
            CHECKED["requests"] += 1
            STATUSES[r.status_code] = STATUSES.get(r.status_code, 0) + 1
            if r.status_code >= 500:
                problems.append(f"{path} {label}: {r.status_code}")
            elif 400 <= r.status_code < 500:
                CHECKED["refused"] += 1
                if database.counts() != before:
                    changed = {t for t, n in database.counts().items() if before.get(t) != n}
                    problems.append(f"{path} {label}: refused ({r.status_code}) but changed {changed}")
        # Invalid UTF-8 in a urlencoded body.
        before = database.counts()
        r = s.post(server + url, data=b"name=%FF%FE%FD&text=%C3%28&_csrf=" + s.csrf.encode(), timeout=30, allow_redirects=False,
                   headers={"Content-Type": "application/x-www-form-urlencoded"})
        CHECKED["requests"] += 1
        if r.status_code >= 500:
            problems.append(f"{path} invalid UTF-8: {r.status_code}")
        elif r.status_code >= 400 and database.counts() != before:
            problems.append(f"{path} invalid UTF-8: refused but stored")
    # Nothing refused by the text rules ever got in.
    problems += [f"{column} with NUL or a bidi override" for column in database.unsafe_text()]
    assert problems == [], "\n".join(problems)


JSON_PAYLOADS = {
    "wrong types": json.dumps({f: [1, {"x": None}] for f in ["name", "code", "text", "slotId", "contact", "adults", "score"]}),
    "nul": json.dumps({f: "a\u0000b" for f in ["name", "code", "text", "slotId", "contact", "title", "parentName", "childName"]}),
    "bidi": json.dumps({f: "abc\u202eevil" for f in ["name", "code", "text", "slotId", "contact", "title", "parentName", "childName"]}),
    "out of range": '{"name": "Sam", "adults": 1e400, "score": 99999999999999999999999, "slotMinutes": -1}',
    "deep": "[" * 20_000 + "]" * 20_000,
    "script": json.dumps({"name": SCRIPT, "text": SCRIPT + " waarom slaapt hij slecht?", "contact": ""}),
}


def test_every_json_endpoint_answers_hostile_bodies_with_a_problem_in_the_request_language(hostile_server, ids):
    server, database = hostile_server
    token = api_token(server, "admin@koffiepot.test")
    huge = b'{"name": "' + b"x" * (10 * 1024 * 1024) + b'"}'
    problems = []
    for method, path in routes():
        if method != "POST" or not path.startswith("/api/v1/"):
            continue
        url = server + concrete(path, ids)
        bodies = dict(JSON_PAYLOADS, **{"10 MB": huge, "invalid UTF-8": b'{"name": "\xff\xfe", "text": "\xc3\x28"}'})
        for label, body in bodies.items():
            before = database.counts()
            r = requests.post(url, data=body if isinstance(body, bytes) else body.encode(), timeout=60,
                              headers={"Content-Type": "application/json", "Accept-Language": "ar", "Authorization": f"Bearer {token}"})
            CHECKED["requests"] += 1
            STATUSES[r.status_code] = STATUSES.get(r.status_code, 0) + 1
            if r.status_code >= 500:
                problems.append(f"{path} {label}: {r.status_code} {r.text[:200]}")
                continue
            if r.status_code >= 400:
                CHECKED["refused"] += 1
                if not r.headers.get("content-type", "").startswith("application/problem+json"):
                    problems.append(f"{path} {label}: {r.status_code} without a problem body")
                elif not re.search("[\u0600-\u06ff]", r.json().get("message", "")):
                    problems.append(f"{path} {label}: message not in Arabic: {r.json().get('message')}")
                if database.counts() != before:
                    problems.append(f"{path} {label}: refused but stored")
    assert problems == [], "\n".join(problems)


def test_accepted_script_text_stays_text_in_the_browser(hostile_server, ids, browser):
    server, _ = hostile_server
    location = ids["location"]
    slots = requests.get(f"{server}/api/v1/locations/{location}/slots", timeout=10).json()
    booking = requests.post(server + "/api/v1/bookings", json={"slotId": slots[1]["id"], "name": SCRIPT[:40], "about": SCRIPT},
                            timeout=10)
    assert booking.status_code in (201, 422), booking.text
    wish = requests.post(server + "/api/v1/wishes", json={"locationId": location, "text": SCRIPT}, timeout=10)
    question = requests.post(server + "/api/v1/questions", json={"text": "Mijn zoon typt " + SCRIPT}, timeout=10)
    assert question.status_code == 201, question.text
    page = new_page(browser)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pages = [question.json()["link"], f"{server}/locations/{location}/wensen", f"{server}/locations/{location}"]
    for url in pages + ([booking.json()["link"]] if booking.status_code == 201 else []):
        page.goto(url)
        expect(page.locator("#kp-injected")).to_have_count(0)
        assert page.locator("script:not([src])").count() == 0
    advisor = form_session(server, "anja@koffiepot.test")
    staff_page = new_page(browser)
    staff_page.context.add_cookies([{"name": c.name, "value": c.value, "url": server} for c in advisor.cookies])
    staff_page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for url in ["/staff/vragen", "/staff/wensen", "/staff/agenda"]:
        staff_page.goto(server + url)
        expect(staff_page.locator("#kp-injected")).to_have_count(0)
    assert dialogs == [] and wish.status_code < 500
