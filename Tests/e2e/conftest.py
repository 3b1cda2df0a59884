"""Browser suite: starts a real Koffiepot server on a fresh SQLite file with the demo municipality,
drives Debian's chromium through Playwright, and checks every visited page with axe-core."""
import os
import re
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / ".artifacts" / "e2e"
def free_port():
    """A port nobody listens on now, so a previous run still shutting down cannot get in the way."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


FIXED_SMTP_PORT = os.environ.get("KOFFIEPOT_E2E_SMTP_PORT")
FIXED_PORT = os.environ.get("KOFFIEPOT_E2E_PORT")
# With a PostgreSQL URL here the suite runs through the deployment of deploy/ in small (scripts/cluster): nginx with
# TLS in front of three instances on that database, and `koffiepot jobs` sending the mail.
CLUSTER_PG_URL = os.environ.get("KOFFIEPOT_E2E_CLUSTER_PG_URL")


class MailSink:
    """A local SMTP server (aiosmtpd) that keeps every message the app sends through msmtp."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"

    def wait_for(self, recipient, contains="", timeout=20):
        import email
        from email import policy
        deadline = time.time() + timeout
        while time.time() < deadline:
            for rcpts, raw in self.messages:
                if recipient in rcpts:
                    message = email.message_from_string(raw, policy=policy.default)
                    body = message.get_content()
                    if contains in str(message["subject"]) + body:
                        return message, body
            time.sleep(0.3)
        raise AssertionError(f"no mail for {recipient} containing {contains!r}; got {[r for r, _ in self.messages]}")


@pytest.fixture(scope="session")
def mail():
    sink = MailSink()
    # A port chosen a moment ago can be taken by the time we bind it: then choose again.
    for attempt in range(4):
        sink.port = int(FIXED_SMTP_PORT) if FIXED_SMTP_PORT else free_port()
        controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
        try:
            controller.start()
            break
        except Exception:
            if attempt == 3:
                raise
    yield sink
    controller.stop()


def start_server(port, smtp_port, workdir, database_url=None):
    """Starts the server on `port` (SQLite in `workdir`, or the PostgreSQL of `database_url`); returns the process once
    it answers HTTP, or None when it could not take the port (another process got it between choosing and binding) or died."""
    binary = os.environ.get("KOFFIEPOT_BINARY", str(ROOT / ".build" / "debug" / "koffiepot"))
    msmtprc = os.path.join(workdir, "msmtprc")
    with open(msmtprc, "w") as f:
        f.write(f"defaults\nauth off\ntls off\naccount default\nhost 127.0.0.1\nport {smtp_port}\nfrom koffiepot@example.invalid\n")
    os.chmod(msmtprc, 0o600)
    env = dict(os.environ, KOFFIEPOT_DATABASE=os.path.join(workdir, "e2e.sqlite"),
               KOFFIEPOT_PUBLIC_URL=f"http://127.0.0.1:{port}", LOG_LEVEL="warning", KOFFIEPOT_OUTBOX_INTERVAL="1",
               KOFFIEPOT_LOOKUP_LIMIT="500", KOFFIEPOT_SENDMAIL=f"/usr/bin/msmtp -C {msmtprc} -t")
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    log = open(os.path.join(workdir, "server.log"), "w")
    proc = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            return None
        try:
            # Our own server answers with our own page; anything else on the port is not it.
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/locations", timeout=2) as response:
                if response.status == 200 and proc.poll() is None:
                    return proc
        except OSError:
            pass
        time.sleep(0.3)
    proc.kill()
    return None


@pytest.fixture(scope="session")
def server(mail):
    if CLUSTER_PG_URL:
        yield from cluster_server(mail)
        return
    for attempt in range(4):
        port = int(FIXED_PORT) if FIXED_PORT else free_port()
        if port == mail.port:
            continue
        workdir = tempfile.mkdtemp(prefix="koffiepot-e2e-")
        proc = start_server(port, mail.port, workdir)
        if proc:
            break
        print(f"server did not start on port {port}:\n" + open(os.path.join(workdir, "server.log")).read()[-2000:])
    else:
        raise RuntimeError("server did not start")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


def cluster_server(mail):
    import sys
    sys.path.insert(0, str(ROOT / "Tests" / "cluster"))
    from cluster import Cluster
    cluster = Cluster(CLUSTER_PG_URL, smtp_port=mail.port).start()
    # The throw-away certificate is the one to trust, for urllib and requests alike.
    os.environ["SSL_CERT_FILE"] = os.environ["REQUESTS_CA_BUNDLE"] = str(cluster.workdir / "cert.pem")
    try:
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        yield b
        b.close()


def new_page(browser, viewport=PHONE, locale="nl-NL"):
    # axe is injected as a script; the CSP of our pages would refuse it, so axe runs with CSP
    # bypassed. test_csp_holds_in_a_real_browser checks the policy itself without the bypass.
    context = browser.new_context(viewport=viewport, locale=locale, bypass_csp=True, ignore_https_errors=bool(CLUSTER_PG_URL))
    return context.new_page()


_axe = Axe()


def check_a11y(page, name):
    """0 serious/critical axe violations, and a screenshot for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    results = _axe.run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, f"{name}: " + "; ".join(f"{v['id']}: {v['help']} ({len(v['nodes'])}×)" for v in bad)


def form_session(server, email=None):
    """A requests session that reads the CSRF token like a browser (`.csrf`), signed in as `email` when given."""
    import requests
    session = requests.Session()
    page = session.get(server + "/login", timeout=10)
    session.csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    if email:
        signed_in = session.post(server + "/login", data={"email": email, "password": "koffiepot-demo", "_csrf": session.csrf},
                                 timeout=10, allow_redirects=False)
        assert signed_in.status_code == 303 and signed_in.headers["location"] != "/login", f"log-in of {email} failed"
    return session


def api_token(server, email):
    """A personal API token of a demo staff member, made on her profile page (shown once)."""
    session = form_session(server, email)
    page = session.post(server + "/staff/profile/tokens", data={"name": "tests", "_csrf": session.csrf}, timeout=10)
    return re.search(r"kp_[A-Za-z0-9_-]{20,}", page.text).group(0)
