"""The sign-up storm (issue 15 pt 4): through nginx, on PostgreSQL, three instances. Simulated parents book
10-minute conversation slots (two parents per slot) and course seats at the same moment, retrying with their
idempotency key on network errors; one instance is killed with SIGKILL in the middle and started again.

Afterwards it checks what a school would check: exactly one booking per slot, exactly the capacity per course,
waiting lists in arrival order, no server error but the killed instance's cut connections, every acknowledged
booking present, none twice, every confirmation e-mail sent exactly once. Prints throughput, p50/p99 per step and
each instance's peak memory; with --report, writes them into BENCHMARKS.md.

The load stays on loopback and is bounded (--concurrency requests in flight)."""
import argparse
import datetime as dt
import os
import random
import re
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from aiosmtpd.controller import Controller

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster import ROOT, Cluster, free_port  # noqa: E402

RETRYABLE = {502, 503, 504}


class Sink:
    """The mail relay: counts every message by its Message-ID (the outbox gives each message its own)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.by_id = {}
        self.to = {}

    async def handle_DATA(self, server, session, envelope):
        text = envelope.content.decode("utf-8", "replace")
        match = re.search(r"^Message-ID:\s*(\S+)", text, re.MULTILINE | re.IGNORECASE)
        message_id = match.group(1) if match else f"none-{uuid.uuid4()}"
        with self.lock:
            self.by_id[message_id] = self.by_id.get(message_id, 0) + 1
            for rcpt in envelope.rcpt_tos:
                self.to[rcpt] = self.to.get(rcpt, 0) + 1
        return "250 OK"


def percentile(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


class Storm:
    def __init__(self, args):
        self.args = args
        self.local = threading.local()
        self.lock = threading.Lock()
        self.stats = {}          # step -> {"latency": [...], "status": {code: n}, "retries": n, "cut": n}
        self.done = 0
        self.acked_bookings = []     # (code, link, slot id, contact)
        self.acked_registrations = []  # (gathering id, code, status, contact)

    # --- HTTP with retries ---------------------------------------------------------------------------------
    def session(self):
        if not hasattr(self.local, "session"):
            session = requests.Session()
            self.local.session = session
        return self.local.session

    def post(self, step, path, body):
        """POSTs until an answer that is not a cut connection, with one idempotency key for all tries."""
        key = f"storm-{uuid.uuid4()}"
        started = time.perf_counter()
        tries = 0
        while True:
            tries += 1
            try:
                response = self.session().post(self.url + path, json=body, headers={"Idempotency-Key": key}, timeout=30)
                code = response.status_code
            except requests.RequestException:
                response, code = None, "cut"
            retry = code == "cut" or code in RETRYABLE or (code == 409 and response is not None
                                                              and '"idempotency_key_in_flight"' in response.text)
            with self.lock:
                stat = self.stats.setdefault(step, {"latency": [], "status": {}, "retries": 0})
                stat["status"][str(code)] = stat["status"].get(str(code), 0) + 1
                if retry:
                    stat["retries"] += 1
            if not retry or tries >= 200:
                break
            time.sleep(min(2.0, 0.1 * tries))
        with self.lock:
            self.stats[step]["latency"].append(time.perf_counter() - started)
            self.done += 1
        return response

    # --- the pieces ------------------------------------------------------------------------------------------
    def koffiepot(self, *command):
        env = self.cluster.env(jobs_on=False)
        return subprocess.run([self.cluster.binary, *command], cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout

    def psql(self, sql):
        out = subprocess.run(["psql", self.args.database_url, "-At", "-F", "|", "-c", sql], check=True, capture_output=True, text=True)
        return [line.split("|") for line in out.stdout.splitlines() if line]

    def prepare(self):
        """Rounds of 10-minute conversations (API, as a teacher) and courses (staff form, as the administrator)."""
        token = self.koffiepot("api-token", "--email", "leerkracht@koffiepot.test", "--name", "storm").strip().splitlines()[-1]
        api = requests.Session()
        api.headers["Authorization"] = f"Bearer {token}"
        locations = api.get(self.url + "/api/v1/locations", timeout=10).json()
        school = next(loc for loc in locations if loc["name"] == "Basisschool De Vlinder")
        self.slots = []
        # Weekdays from three weeks on; 50 ten-minute conversations a day (10:00–18:20), at most 200 per round.
        day = dt.date.today() + dt.timedelta(days=21)
        days = []
        while len(days) * 50 < self.args.slots:
            if day.weekday() < 5:
                days.append(day)
            day += dt.timedelta(days=1)
        for number, start in enumerate(range(0, len(days), 4)):
            chunk = days[start:start + 4]
            body = {"locationId": school["id"], "title": f"Rapportgesprekken {number + 1}", "group": f"Storm {number + 1}",
                    "slotMinutes": 10, "days": [{"date": d.isoformat(), "from": "10:00", "to": "18:20"} for d in chunk]}
            made = api.post(self.url + "/api/v1/conversation-rounds", json=body, timeout=30)
            assert made.status_code == 201, made.text
            round_ = made.json()
            self.slots += [(round_["id"], slot["id"]) for slot in round_["slots"]]
        self.slots = self.slots[:self.args.slots]

        staff = requests.Session()
        page = staff.get(self.url + "/login", timeout=10)
        csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
        signed_in = staff.post(self.url + "/login", data={"email": "admin@koffiepot.test", "password": "koffiepot-demo", "_csrf": csrf},
                               allow_redirects=False, timeout=10)
        assert signed_in.status_code == 303, signed_in.text
        self.courses = []
        when = dt.date.today() + dt.timedelta(days=30)
        for n in range(self.args.courses):
            made = staff.post(self.url + f"/staff/locations/{school['id']}/gatherings", allow_redirects=False, timeout=30, data={
                "_csrf": csrf, "kind": "course", "title": f"Stormcursus {n + 1}", "description": "Vier avonden over opvoeden.",
                "date": when.isoformat(), "start": "19:00", "end": "21:00", "sessions": "4",
                "capacity": str(self.args.seats_per_course), "languages": "nl", "age": "4-12"})
            assert made.status_code == 303, made.text[-2000:]
            self.courses.append(made.headers["location"].rstrip("/").split("/")[-1])

    def parent(self, n):
        """One parent: a conversation for her child, and every third parent also a course seat."""
        round_id, slot_id = self.slots[n // 2]
        contact = f"ouder{n}@storm.example"
        answer = self.post("conversation booking", f"/api/v1/conversation-rounds/{round_id}/bookings",
                           {"slotId": slot_id, "parentName": f"Ouder {n}", "childName": f"Kind {n}", "contact": contact})
        if answer is not None and answer.status_code == 201:
            data = answer.json()
            with self.lock:
                self.acked_bookings.append((data["code"], data["link"], slot_id, contact))
        if n % 3 == 0 and self.courses:
            course = self.courses[(n // 3) % len(self.courses)]
            answer = self.post("course registration", f"/api/v1/gatherings/{course}/registrations",
                               {"name": f"Ouder {n}", "adults": 1, "contact": contact})
            if answer is not None and answer.status_code == 201:
                data = answer.json()
                with self.lock:
                    self.acked_registrations.append((course, data["code"], data["status"], contact))

    def killer(self, total):
        """Kills instance 1 with SIGKILL when half the requests are answered; starts it again 3 seconds later."""
        while self.done < total // 2:
            time.sleep(0.05)
        self.cluster.kill_instance(1)
        self.killed_at = self.done
        time.sleep(3)
        self.cluster.start_instance(1, wait=False)

    # --- the run ---------------------------------------------------------------------------------------------
    def run(self):
        sink = Sink()
        controller = Controller(sink, hostname="127.0.0.1", port=free_port())
        controller.start()
        self.sink = sink
        self.cluster = Cluster(self.args.database_url, smtp_port=controller.port, binary=self.args.binary)
        failures = []
        try:
            self.cluster.start()
            self.url, self.cert = self.cluster.url, str(self.cluster.workdir / "cert.pem")
            os.environ["SSL_CERT_FILE"] = os.environ["REQUESTS_CA_BUNDLE"] = self.cert
            self.prepare()
            parents = list(range(self.args.parents))
            random.Random(15).shuffle(parents)
            requests_total = len(parents) + len([p for p in parents if p % 3 == 0])
            memory = threading.Event()

            def sample():
                while not memory.is_set():
                    for i in range(self.cluster.count):
                        self.cluster.record_memory(i)
                    time.sleep(0.5)
            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            killer = threading.Thread(target=self.killer, args=(requests_total,), daemon=True)
            if self.args.kill:
                killer.start()
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=self.args.concurrency) as pool:
                list(pool.map(self.parent, parents))
            self.elapsed = time.perf_counter() - started
            memory.set()
            if self.args.kill:
                killer.join()
                self.cluster.wait_for(f"http://127.0.0.1:{self.cluster.ports[1]}/healthz", self.cluster.procs[1], "instance 1")
            failures += self.check()
        finally:
            self.cluster.stop()
            controller.stop()
        self.report(failures)
        return failures

    def check(self):
        failures = []
        slot_ids = [slot for _, slot in self.slots]
        in_list = ",".join(f"'{s}'" for s in slot_ids)
        per_slot = dict(self.psql(f"SELECT slot_id, count(*) FROM conversation_bookings WHERE slot_id IN ({in_list}) GROUP BY slot_id"))
        twice = {s: n for s, n in per_slot.items() if n != "1"}
        if twice:
            failures.append(f"{len(twice)} slots booked more than once")
        if len(per_slot) != len(slot_ids):
            failures.append(f"{len(slot_ids) - len(per_slot)} of {len(slot_ids)} slots without a booking (two parents tried each)")
        codes = [code for code, *_ in self.acked_bookings]
        if len(set(codes)) != len(codes):
            failures.append("a code was acknowledged twice")
        if len(self.acked_bookings) != sum(int(n) for n in per_slot.values()):
            failures.append(f"{len(self.acked_bookings)} bookings acknowledged but {sum(int(n) for n in per_slot.values())} stored")
        # Every acknowledged booking opens with its link (and shows its code).
        session = requests.Session()
        missing = 0
        for code, link, _, _ in self.acked_bookings:
            page = session.get(link.replace(self.cluster.url, self.url), timeout=30)
            if page.status_code != 200 or code not in page.text:
                missing += 1
        if missing:
            failures.append(f"{missing} acknowledged bookings do not open")

        for course in self.courses:
            rows = self.psql(f"SELECT seq, status, created_at FROM registrations WHERE gathering_id = '{course}' ORDER BY seq")
            confirmed = [int(seq) for seq, status, _ in rows if status == "confirmed"]
            waiting = [int(seq) for seq, status, _ in rows if status == "waitlisted"]
            asked = len([r for r in self.acked_registrations if r[0] == course])
            if len(rows) != asked:
                failures.append(f"course {course}: {asked} registrations acknowledged, {len(rows)} stored")
            if len(confirmed) != min(self.args.seats_per_course, len(rows)):
                failures.append(f"course {course}: {len(confirmed)} seats taken of {self.args.seats_per_course}")
            if confirmed and waiting and max(confirmed) > min(waiting):
                failures.append(f"course {course}: the waiting list is not in arrival order")
            taken = self.psql(f"SELECT taken, capacity FROM gatherings WHERE id = '{course}'")[0]
            if int(taken[0]) != len(confirmed):
                failures.append(f"course {course}: taken {taken[0]} but {len(confirmed)} confirmed")

        for step, stat in self.stats.items():
            errors = {code: n for code, n in stat["status"].items() if code.startswith("5") and int(code) not in RETRYABLE}
            if errors:
                failures.append(f"{step}: server errors {errors}")
            if not self.args.kill and (stat["status"].get("502") or stat["status"].get("cut")):
                failures.append(f"{step}: cut connections without a killed instance")

        # The outbox drains (confirmations now; reminders later), then: every message exactly once.
        deadline = time.time() + self.args.mail_wait
        while time.time() < deadline:
            due = int(self.psql("SELECT count(*) FROM outbox_messages WHERE status IN ('pending','sending') AND not_before <= now()")[0][0])
            if due == 0:
                break
            time.sleep(1)
        else:
            failures.append(f"outbox still has {due} due messages after {self.args.mail_wait} s")
        time.sleep(2)
        sent = int(self.psql("SELECT count(*) FROM outbox_messages WHERE status = 'sent'")[0][0])
        dead = int(self.psql("SELECT count(*) FROM outbox_messages WHERE status = 'dead'")[0][0])
        doubles = {m: n for m, n in self.sink.by_id.items() if n > 1}
        if doubles:
            failures.append(f"{len(doubles)} e-mails sent more than once")
        if len(self.sink.by_id) != sent or dead:
            failures.append(f"outbox marked {sent} sent ({dead} dead) but the relay received {len(self.sink.by_id)}")
        expected = {}
        for *_, contact in self.acked_bookings:
            expected[contact] = expected.get(contact, 0) + 1
        for *_, contact in self.acked_registrations:
            expected[contact] = expected.get(contact, 0) + 1
        wrong = [c for c, n in expected.items() if self.sink.to.get(c, 0) != n]
        if wrong:
            failures.append(f"{len(wrong)} parents did not get exactly one confirmation per acknowledged booking")
        self.mails = len(self.sink.by_id)
        return failures

    def report(self, failures):
        rows = []
        for step, stat in self.stats.items():
            lat = stat["latency"]
            rows.append(f"| {step} | {len(lat)} | {len(lat) / self.elapsed:.0f} | {percentile(lat, 50) * 1000:.0f} | "
                        f"{percentile(lat, 99) * 1000:.0f} | {stat['retries']} | "
                        + ", ".join(f"{k}: {v}" for k, v in sorted(stat["status"].items())) + " |")
        memory = ", ".join(f"instance {i + 1}: {kb / 1024:.0f} MB" for i, kb in enumerate(self.cluster.peak_kb))
        text = f"""## Sign-up storm (issue 15 pt 4)

`scripts/storm` on {dt.date.today().isoformat()}, {self.args.parents} parents ({self.args.concurrency} requests in flight),
{'release' if 'release' in str(self.cluster.binary) else 'debug'} build, PostgreSQL, nginx with TLS in front of three instances and
`koffiepot jobs`; {len(self.slots)} conversation slots (two parents per slot), {len(self.courses)} courses of
{self.args.seats_per_course} seats (every third parent asks a seat). {'Instance 2 was killed with SIGKILL after half of the requests and started again 3 s later.' if self.args.kill else 'No instance killed.'}
All requests in {self.elapsed:.1f} s; {self.mails} confirmation e-mails, each once.

| step | requests | per second | p50 ms | p99 ms | retries | answers (status: count) |
|---|---:|---:|---:|---:|---:|---|
""" + "\n".join(rows) + f"""

Peak memory (VmHWM): {memory}. Result: {'all checks passed' if not failures else '; '.join(failures)}.
"""
        print(text)
        if self.args.report:
            bench = ROOT / "BENCHMARKS.md"
            current = bench.read_text()
            current = re.sub(r"\n## Sign-up storm \(issue 15 pt 4\).*?(?=\n## |\Z)", "", current, flags=re.S)
            bench.write_text(current.rstrip("\n") + "\n\n" + text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--parents", type=int, default=2000)
    parser.add_argument("--courses", type=int, default=10)
    parser.add_argument("--seats-per-course", type=int, default=30)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--no-kill", dest="kill", action="store_false")
    parser.add_argument("--mail-wait", type=int, default=300)
    parser.add_argument("--binary", default=None)
    parser.add_argument("--report", action="store_true", help="write the table into BENCHMARKS.md")
    args = parser.parse_args()
    args.slots = args.parents // 2
    failures = Storm(args).run()
    if failures:
        print("STORM FAILED:\n- " + "\n- ".join(failures))
        sys.exit(1)
    print("storm: all checks passed")


if __name__ == "__main__":
    main()
