"""The deployment of `deploy/` in small, on loopback: nginx (the checked-in configuration, TLS with a throw-away
certificate) in front of N Koffiepot instances on one PostgreSQL, and `koffiepot jobs` beside them.

Used by `scripts/cluster` (start it and keep it running, or run the browser suite's main journeys through it) and
by the storm test. Instances can be killed with SIGKILL and started again on the same port."""
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
import ssl
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NGINX_CONF = ROOT / "deploy" / "nginx" / "koffiepot.conf"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(url, timeout=2):
    context = ssl._create_unverified_context()
    try:
        with urllib.request.urlopen(url, timeout=timeout, context=context) as response:
            return response.status == 200
    except OSError:
        return False


class Cluster:
    def __init__(self, database_url, smtp_port=None, instances=3, binary=None, workdir=None, env=None):
        self.database_url = database_url
        self.smtp_port = smtp_port
        self.count = instances
        self.binary = binary or os.environ.get("KOFFIEPOT_BINARY", str(ROOT / ".build" / "debug" / "koffiepot"))
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="koffiepot-cluster-"))
        self.extra_env = env or {}
        self.ports = [free_port() for _ in range(instances)]
        self.https_port = free_port()
        self.http_port = free_port()
        self.url = f"https://127.0.0.1:{self.https_port}"
        self.procs = [None] * instances
        self.jobs = None
        self.peak_kb = [0] * instances

    # --- the pieces -------------------------------------------------------------------------------------------
    def env(self, jobs_on):
        env = dict(os.environ, DATABASE_URL=self.database_url, KOFFIEPOT_PUBLIC_URL=self.url, KOFFIEPOT_TRUST_PROXY="1",
                   KOFFIEPOT_SECRET="cluster-secret-shared-by-all-instances", LOG_LEVEL="warning",
                   KOFFIEPOT_LOOKUP_LIMIT="100000")
        # As in deploy/systemd: the web instances leave the periodic jobs to `koffiepot jobs`.
        env.update(KOFFIEPOT_OUTBOX_INTERVAL="1" if jobs_on else "0", KOFFIEPOT_PURGE_INTERVAL="3600" if jobs_on else "0")
        if self.smtp_port:
            rc = self.workdir / "msmtprc"
            rc.write_text(f"defaults\nauth off\ntls off\naccount default\nhost 127.0.0.1\nport {self.smtp_port}\n"
                          "from koffiepot@example.invalid\n")
            rc.chmod(0o600)
            env["KOFFIEPOT_SENDMAIL"] = f"/usr/bin/msmtp -C {rc} -t"
        env.update(self.extra_env)
        return env

    def start_instance(self, i, wait=True):
        log = open(self.workdir / f"instance-{i}.log", "a")
        self.procs[i] = subprocess.Popen([self.binary, "serve", "--hostname", "127.0.0.1", "--port", str(self.ports[i])],
                                         cwd=ROOT, env=self.env(jobs_on=False), stdout=log, stderr=subprocess.STDOUT)
        if wait:
            self.wait_for(f"http://127.0.0.1:{self.ports[i]}/healthz", self.procs[i], f"instance {i}")

    def kill_instance(self, i):
        """SIGKILL, as a crashed machine would: no requests finished, no goodbye."""
        self.record_memory(i)
        self.procs[i].send_signal(signal.SIGKILL)
        self.procs[i].wait()

    def record_memory(self, i):
        try:
            status = Path(f"/proc/{self.procs[i].pid}/status").read_text()
            kb = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
            self.peak_kb[i] = max(self.peak_kb[i], kb)
        except (OSError, AttributeError):
            pass

    def start_jobs(self):
        log = open(self.workdir / "jobs.log", "a")
        self.jobs = subprocess.Popen([self.binary, "jobs"], cwd=ROOT, env=self.env(jobs_on=True), stdout=log, stderr=subprocess.STDOUT)

    def nginx_config(self):
        """deploy/nginx/koffiepot.conf with loopback ports, this checkout's Public/ and a throw-away certificate."""
        conf = NGINX_CONF.read_text()
        upstream = "".join(f"    server 127.0.0.1:{p} max_fails=3 fail_timeout=10s;\n" for p in self.ports)
        conf = re.sub(r"(    server 127\.0\.0\.1:808\d[^\n]*\n)+", upstream, conf)
        conf = conf.replace("listen 80;", f"listen 127.0.0.1:{self.http_port};").replace("listen [::]:80;\n", "")
        conf = conf.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{self.https_port} ssl http2;")
        conf = re.sub(r"\n\s*listen \[::\]:443[^\n]*", "", conf)
        conf = conf.replace("ouders.example.nl;", "127.0.0.1;")
        conf = conf.replace("/etc/letsencrypt/live/ouders.example.nl/fullchain.pem", str(self.workdir / "cert.pem"))
        conf = conf.replace("/etc/letsencrypt/live/ouders.example.nl/privkey.pem", str(self.workdir / "key.pem"))
        conf = conf.replace("/opt/koffiepot/Public", str(ROOT / "Public"))
        (self.workdir / "koffiepot.conf").write_text(conf)
        tmp = self.workdir / "nginx-tmp"
        tmp.mkdir(exist_ok=True)
        (self.workdir / "nginx.conf").write_text(f"""
user root;
worker_processes 2;
pid {self.workdir}/nginx.pid;
error_log {self.workdir}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {self.workdir}/koffiepot.conf;
}}
""")

    def start_nginx(self):
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", str(self.workdir / "key.pem"), "-out", str(self.workdir / "cert.pem")],
                       check=True, capture_output=True)
        self.nginx_config()
        nginx = "/usr/sbin/nginx"
        subprocess.run([nginx, "-t", "-c", str(self.workdir / "nginx.conf"), "-p", str(self.workdir)], check=True, capture_output=True)
        subprocess.run([nginx, "-c", str(self.workdir / "nginx.conf"), "-p", str(self.workdir)], check=True)

    def wait_for(self, url, proc, name, seconds=120):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if proc is not None and proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode}: see {self.workdir}")
            if answers(url):
                return
            time.sleep(0.3)
        raise RuntimeError(f"{name} did not answer {url} in {seconds} s: see {self.workdir}")

    # --- the whole ------------------------------------------------------------------------------------------
    def start(self):
        # One instance first: it migrates and fills the demo; the others start on a migrated database (README).
        self.start_instance(0)
        for i in range(1, self.count):
            self.start_instance(i, wait=False)
        for i in range(1, self.count):
            self.wait_for(f"http://127.0.0.1:{self.ports[i]}/healthz", self.procs[i], f"instance {i}")
        self.start_jobs()
        self.start_nginx()
        self.wait_for(self.url + "/healthz", None, "nginx")
        return self

    def stop(self):
        pid_file = self.workdir / "nginx.pid"
        if pid_file.exists():
            try:
                os.kill(int(pid_file.read_text().strip()), signal.SIGQUIT)
            except (OSError, ValueError):
                pass
        for i, proc in enumerate(self.procs):
            if proc and proc.poll() is None:
                self.record_memory(i)
                proc.terminate()
        for proc in self.procs + [self.jobs]:
            if proc and proc.poll() is None:
                if proc is self.jobs:
                    proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
