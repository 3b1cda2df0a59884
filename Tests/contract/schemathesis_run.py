"""The API against its own contract (issue 14 pt 3): Schemathesis generates requests for every operation of
`openapi.yaml` (examples, boundary cases, fuzzing) against a running Koffiepot with the demo municipality —
anonymously and with a personal API token of each staff role — and checks that no answer is a server error and
every answer matches the schema (status, content type, body).

Usage: schemathesis_run.py [--max-examples N] [--database-url postgres://…]   (scripts/test: 15; by hand: more)
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
from conftest import ROOT, api_token, free_port, start_server  # noqa: E402

ROLES = {"advisor": "anja@koffiepot.test", "teacher": "leerkracht@koffiepot.test", "coordinator": "coordinator@koffiepot.test",
         "admin": "admin@koffiepot.test"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-examples", type=int, default=15)
    parser.add_argument("--database-url", help="an empty PostgreSQL database (default: SQLite in a fresh file)")
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="koffiepot-contract-")
    port = free_port()
    proc = start_server(port, free_port(), workdir, database_url=args.database_url)
    if not proc:
        sys.exit("server did not start:\n" + open(os.path.join(workdir, "server.log")).read()[-2000:])
    server = f"http://127.0.0.1:{port}"
    identities = [("anonymous", [])] + [(role, ["-H", f"Authorization: Bearer {api_token(server, email)}"]) for role, email in ROLES.items()]
    total, failed = 0, []
    try:
        for name, headers in identities:
            result = subprocess.run(
                [str(ROOT / ".venv" / "bin" / "st"), "run", str(ROOT / "Public" / "openapi.yaml"), "--url", server + "/api/v1",
                 "--checks", "not_a_server_error,response_schema_conformance,content_type_conformance",
                 "--phases", "examples,coverage,fuzzing,stateful", "--max-examples", str(args.max_examples), "--seed", "14",
                 "--request-timeout", "20", *headers],
                capture_output=True, text=True, cwd=workdir)
            generated = re.search(r"(\d+) generated", result.stdout)
            total += int(generated.group(1)) if generated else 0
            print(f"schemathesis as {name}: {generated.group(0) if generated else 'no cases'} — exit {result.returncode}")
            refused = re.search(r"Authentication failed: (\d+) operations", result.stdout)
            if refused:
                print(f"  ({refused.group(1)} operations answered this identity only 401/403: not for this role)")
            if result.returncode != 0:
                failed.append(name)
                print(result.stdout[-6000:])
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    database = "PostgreSQL" if args.database_url else "SQLite"
    print(f"schemathesis on {database}: {total} cases over {len(identities)} identities, {len(failed)} runs with failures")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
