"""Crash durability (issue 14 pt 3): parents book consultation times and register for courses against a real
Koffiepot server while it is killed with SIGKILL again and again. Each request carries an Idempotency-Key and is
repeated after a cut connection, as a parent's phone would. Afterwards:

- every booking or registration that was answered 2xx is there, exactly once (one row per key),
- no time holds more bookings and no course more people than it has places,
- every confirmation e-mail arrived, and each message (by its Message-ID) exactly once.

Usage: crash_durability.py --kills N [--database-url postgres://…]   (SQLite in a fresh file without the URL)
"""
import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from email import message_from_string
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
from conftest import ROOT, MailSink, free_port  # noqa: E402
from aiosmtpd.controller import Controller  # noqa: E402


class Server:
    def __init__(self, workdir, smtp_port, database_url):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        msmtprc = os.path.join(workdir, "msmtprc")
        with open(msmtprc, "w") as f:
            f.write(f"defaults\nauth off\ntls off\naccount default\nhost 127.0.0.1\nport {smtp_port}\nfrom koffiepot@example.invalid\n")
        os.chmod(msmtprc, 0o600)
        self.sqlite = os.path.join(workdir, "crash.sqlite")
        self.env = dict(os.environ, KOFFIEPOT_DATABASE=self.sqlite, KOFFIEPOT_PUBLIC_URL=self.url, LOG_LEVEL="warning",
                        KOFFIEPOT_OUTBOX_INTERVAL="1", KOFFIEPOT_OUTBOX_LEASE="5", KOFFIEPOT_LOOKUP_LIMIT="1000000",
                        KOFFIEPOT_SECRET="crash-durability-secret", KOFFIEPOT_SENDMAIL=f"/usr/bin/msmtp -C {msmtprc} -t")
        self.env.pop("DATABASE_URL", None)
        if database_url:
            self.env["DATABASE_URL"] = database_url
        self.database_url = database_url
        self.log = open(os.path.join(workdir, "server.log"), "a")
        self.proc = None

    def start(self):
        """Starts the server; when its port is still held after a kill (a child of the killed process, such as a
        sendmail it started, can keep the listening socket a moment longer), it starts again on a fresh port."""
        for attempt in range(5):
            if self.launch():
                return
            self.port = free_port()
            self.url = f"http://127.0.0.1:{self.port}"
            self.env["KOFFIEPOT_PUBLIC_URL"] = self.url
        raise RuntimeError("server did not start; see server.log")

    def launch(self):
        binary = os.environ.get("KOFFIEPOT_BINARY", str(ROOT / ".build" / "debug" / "koffiepot"))
        self.proc = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)], cwd=ROOT,
                                     env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                if requests.get(self.url + "/api/v1/locations", timeout=2).status_code == 200:
                    return True
            except requests.RequestException:
                pass
            time.sleep(0.1)
        self.proc.kill()
        return False

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def query(self, sql):
        """Rows as tuples of text; ids as canonical UUID strings on both databases."""
        if self.database_url:
            out = subprocess.run(["psql", self.database_url, "-At", "-F", "|", "-c", sql], capture_output=True, text=True, check=True)
            return [tuple(line.split("|")) for line in out.stdout.splitlines() if line]
        with sqlite3.connect(self.sqlite) as db:
            return [tuple(str(uuid.UUID(bytes=v)) if isinstance(v, bytes) and len(v) == 16 else str(v) for v in row)
                    for row in db.execute(sql).fetchall()]


class Load:
    """Jobs (a booking or a registration, each with its own key, body and contact) and what became of them."""

    def __init__(self, server):
        self.server = server
        self.lock = threading.Lock()
        self.todo = []
        self.acknowledged = {}   # key → (kind, target, code)
        self.refused = {}        # key → kind, refused with 409 (the time was taken, the course closed)
        self.errors = []         # 5xx answers other than cut connections
        self.targets = set()     # the times and courses the load aims at
        self.halt = threading.Event()

    def prepare(self, bookings, registrations):
        base = self.server.url
        locations = requests.get(base + "/api/v1/locations", timeout=10).json()
        slots = [s for loc in locations for s in requests.get(f"{base}/api/v1/locations/{loc['id']}/slots", timeout=10).json()]
        gatherings = [g for g in requests.get(base + "/api/v1/gatherings", timeout=10).json() if g.get("kind") in ("course", "theme_evening")]
        random.shuffle(slots)
        for i in range(bookings):
            slot = slots[i % len(slots)]   # two parents (or more) for some times: only the places there are may be given
            email = f"crash-b{i}@example.nl"
            self.todo.append(("booking", slot["id"], f"crash-booking-key-{i:06d}", "/api/v1/bookings",
                              {"slotId": slot["id"], "name": f"Ouder {i}", "contact": email}))
        for i in range(registrations):
            gathering = gatherings[i % len(gatherings)]
            email = f"crash-r{i}@example.nl"
            self.todo.append(("registration", gathering["id"], f"crash-registration-key-{i:06d}", f"/api/v1/gatherings/{gathering['id']}/registrations",
                              {"name": f"Ouder {i}", "contact": email, "adults": 1}))
        random.shuffle(self.todo)
        self.targets = {job[1] for job in self.todo}

    def send(self, job):
        kind, target, key, path, body = job
        try:
            r = requests.post(self.server.url + path, json=body, headers={"Idempotency-Key": key}, timeout=15)
        except requests.RequestException:
            return False   # cut: the phone tries again later with the same key
        with self.lock:
            if r.status_code in (200, 201):
                code = r.json()["code"]
                previous = self.acknowledged.get(key)
                if previous and previous[2] != code:
                    self.errors.append(f"{key}: a second answer with another code")
                self.acknowledged[key] = (kind, target, code)
            elif r.status_code == 409 and "idempotency_key_in_flight" in r.text:
                return False   # the first try's answer is still open (its server died): try again later, as the API says
            elif r.status_code == 409:
                self.refused[key] = kind
            elif r.status_code >= 500:
                self.errors.append(f"{key}: {r.status_code} {r.text[:200]}")
            else:
                self.errors.append(f"{key}: unexpected {r.status_code} {r.text[:200]}")
        return True

    def run(self, seconds, workers=6, pause=0.0):
        """Sends jobs from several threads for about `seconds`, each thread waiting `pause` between requests (so the
        load lasts through every crash); jobs cut by a crash go back in the queue."""
        stop = time.time() + seconds
        self.halt.clear()

        def worker():
            while time.time() < stop and not self.halt.is_set():
                with self.lock:
                    if not self.todo:
                        return
                    job = self.todo.pop()
                if not self.send(job):
                    with self.lock:
                        self.todo.append(job)
                    time.sleep(0.05)
                time.sleep(pause)

        threads = [threading.Thread(target=worker) for _ in range(workers)]
        for t in threads:
            t.start()
        return threads


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--bookings", type=int, default=300)
    parser.add_argument("--registrations", type=int, default=150)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    random.seed(14)

    sink = MailSink()
    sink.port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    controller.start()
    workdir = tempfile.mkdtemp(prefix="koffiepot-crash-")
    server = Server(workdir, sink.port, args.database_url)
    server.start()
    load = Load(server)
    load.prepare(args.bookings, args.registrations)
    total = len(load.todo)

    # Spread the writes over the crashes (about 0.75 s of load each), so every kill lands in the middle of traffic.
    pause = 6 * 0.75 * args.kills / max(total, 1)
    for kill in range(args.kills):
        threads = load.run(seconds=30, pause=pause)
        time.sleep(random.uniform(0.3, 1.2))
        server.kill()
        load.halt.set()
        for t in threads:
            t.join()
        server.start()
    # The last round without a crash: every job gets its answer.
    for t in load.run(seconds=300):
        t.join()

    failures = list(load.errors)
    if load.todo:
        failures.append(f"{len(load.todo)} jobs never answered")
    answered = len(load.acknowledged) + len(load.refused)
    if answered != total:
        failures.append(f"{answered} of {total} jobs answered")

    # Every acknowledged write is there, once.
    rows = {kind: server.query(f"SELECT idempotency_hash, COUNT(*) FROM {kind} WHERE idempotency_hash IS NOT NULL GROUP BY idempotency_hash")
            for kind in ("bookings", "registrations")}
    for kind, found in rows.items():
        twice = [r for r in found if int(r[1]) > 1]
        if twice:
            failures.append(f"{len(twice)} {kind} stored twice")
    kept = {"booking": len(rows["bookings"]), "registration": len(rows["registrations"])}
    for kind in ("booking", "registration"):
        acked = sum(1 for k in load.acknowledged.values() if k[0] == kind)
        if kept[kind] != acked:
            failures.append(f"{acked} {kind}s acknowledged but {kept[kind]} stored")
    for key, (kind, _, code) in load.acknowledged.items():
        path = "bookings" if kind == "booking" else "registrations"
        r = requests.get(f"{server.url}/api/v1/{path}/{code}", timeout=10)
        if r.status_code != 200:
            failures.append(f"{key}: acknowledged {kind} {code} answers {r.status_code}")
    # Never more than the places there are, and the count of places taken right.
    slots = {r[0].lower(): r[1:] for r in server.query(
        "SELECT s.id, s.capacity, s.taken, (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = s.id AND b.status = 'booked') FROM consultation_slots s")}
    courses = {r[0].lower(): r[1:] for r in server.query(
        "SELECT g.id, g.capacity, g.taken, (SELECT COALESCE(SUM(r.adults), 0) FROM registrations r WHERE r.gathering_id = g.id "
        "AND r.status = 'confirmed') FROM gatherings g")}
    targets = {job_target.lower() for job_target in load.targets}
    for table in (slots, courses):
        for id_, (capacity, taken, counted) in table.items():
            if id_ in targets and not (int(counted) == int(taken) <= int(capacity)):
                failures.append(f"{id_}: {counted} held, {taken} counted, {capacity} places")

    # Every message sent, each once by its Message-ID; one confirmation per stored write.
    confirmations = "('booking_confirmed', 'registration_confirmed', 'registration_waitlisted')"
    deadline = time.time() + 120
    while time.time() < deadline and server.query(
            f"SELECT COUNT(*) FROM outbox_messages WHERE template IN {confirmations} AND status IN ('pending', 'sending')")[0][0] != "0":
        time.sleep(0.5)
    stored_confirmations = int(server.query(f"SELECT COUNT(*) FROM outbox_messages WHERE template IN {confirmations} "
                                            "AND recipient LIKE 'crash-%' AND status = 'sent'")[0][0])
    if stored_confirmations != kept["booking"] + kept["registration"]:
        failures.append(f"{stored_confirmations} confirmations sent for {kept['booking'] + kept['registration']} writes")
    expected = {r[0].lower() for r in server.query("SELECT id FROM outbox_messages WHERE status = 'sent'")}
    ids = [message_from_string(raw)["Message-ID"] for _, raw in sink.messages]
    duplicates = len(ids) - len(set(ids))
    received = {i.strip("<>").removeprefix("outbox-").removesuffix("@koffiepot") for i in ids}
    if expected - received:
        failures.append(f"{len(expected - received)} sent messages never arrived")

    server.kill()
    controller.stop()
    db = "PostgreSQL" if args.database_url else "SQLite"
    per_kind = {kind: (sum(1 for v in load.acknowledged.values() if v[0] == kind), sum(1 for v in load.refused.values() if v == kind))
                for kind in ("booking", "registration")}
    print(f"crash durability on {db}: {args.kills} kills survived, {total} writes — bookings {per_kind['booking'][0]} stored, "
          f"{per_kind['booking'][1]} refused as taken; registrations {per_kind['registration'][0]} stored, "
          f"{per_kind['registration'][1]} refused; {len(ids)} e-mails "
          f"({len(set(ids))} messages, {duplicates} resent after a crash with the same Message-ID)")
    if failures:
        print("FAILED:\n" + "\n".join(failures[:50]))
        sys.exit(1)


if __name__ == "__main__":
    main()
