"""How long does a coach wait for the first vacancy suggestions and the first text analysis
after the server starts?

Prepares (or reuses) the demo region in a data folder, starts `ontschot serve` on it as a
separate process, and as soon as the health check answers logs in as the demo coach
through the login form, then opens one candidate's suggestions page and sends one text
analysis. Prints `name: value` lines (seconds). The server warms both up on a thread at
start (`ontschot.app.warm_up_in_background`) and logs when each is done; with
`--after-warm-up` the first request waits for those two log lines, to show the figure a
coach gets once the warm-up is done (a coach who logs in sooner waits for the rest of it).

    python bench/first_calls.py [--data-dir var/bench-first-calls] [--after-warm-up]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

TEXT = (
    "Wij zoeken een orderpicker met heftruckcertificaat. Je verzamelt orders, laadt en lost "
    "vrachtwagens en houdt het magazijn netjes. Ervaring met een handscanner is een pré."
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prepare(data_dir: Path) -> tuple[dict[str, str], str, int]:
    """The server's environment, the demo coach's e-mail and one of their candidates."""
    from ontschot.access.models import AppUser
    from ontschot.config import load_settings
    from ontschot.db import make_engine
    from ontschot.people.models import Candidate
    from ontschot.synth.demo import prepare_demo

    env = {
        **os.environ,
        "ONTSCHOT_DATA_DIR": str(data_dir),
        "ONTSCHOT_ENVIRONMENT": "test",
        "ONTSCHOT_SECRET_KEY": "bench-first-calls-secret-key-0123456789",
        "ONTSCHOT_RATE_LIMIT_PER_MINUTE": "100000",
        "ONTSCHOT_LOG_LEVEL": "info",
    }
    env.pop("ONTSCHOT_DATABASE_URL", None)
    os.environ.update({k: v for k, v in env.items() if k.startswith("ONTSCHOT_")})
    result = prepare_demo(load_settings())
    env["ONTSCHOT_DATABASE_URL"] = result.settings.database_url
    coach = next(login for login in result.logins if login.role == "coach")
    engine = make_engine(result.settings.database_url)
    with Session(engine) as db:
        user_id = db.scalar(select(AppUser.id).where(AppUser.email == coach.email))
        candidate_id = db.scalar(
            select(Candidate.id).where(Candidate.coach_user_id == user_id).limit(1)
        )
    engine.dispose()
    return env, coach.email, int(candidate_id or 1)


def _log_in(client: httpx.Client, email: str, password: str) -> None:
    form = client.get("/inloggen").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form)
    response = client.post(
        "/inloggen",
        data={"email": email, "password": password, "csrf_token": token.group(1) if token else ""},
    )
    if "Uitloggen" not in response.text:
        raise SystemExit(f"login as {email} failed: {response.status_code}")


PREPARING = "De suggesties worden voorbereid"
OTHER_TEXT = "Verzorgende IG in de thuiszorg. Je helpt cliënten bij de dagelijkse verzorging."


def _timed(
    call: Callable[..., httpx.Response], *args: Any, **kwargs: Any
) -> tuple[httpx.Response, float]:
    t0 = time.perf_counter()
    response = call(*args, **kwargs)
    return response, time.perf_counter() - t0


def _state(response: httpx.Response) -> str:
    if PREPARING in response.text or response.status_code == 503:
        return f"status {response.status_code}, 'being prepared' answer"
    return f"status {response.status_code}, full answer"


def _csrf(html: str) -> str:
    found = re.search(r'data-csrf="([^"]+)"', html)
    return found.group(1) if found else ""


def _read_log(server: subprocess.Popen[str], warm: list[str], started: float) -> None:
    for line in server.stderr or ():
        found = re.search(r"warm-up of (.+) done in ([0-9.]+) s", line)
        if found:
            name = found.group(1).replace(" ", "_")
            at = time.perf_counter() - started
            warm.append(f"warm_up_{name}_s: {found.group(2)} (ready {at:.1f} s after start)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path("var/bench-first-calls"))
    parser.add_argument("--after-warm-up", action="store_true", help="wait for the warm-up")
    args = parser.parse_args()
    from ontschot.synth.plan import DEMO_PASSWORD

    args.data_dir.mkdir(parents=True, exist_ok=True)
    env, email, candidate_id = _prepare(args.data_dir.resolve())
    port = _free_port()
    started = time.perf_counter()
    server = subprocess.Popen(  # noqa: S603 - our own entry point, fixed arguments
        [str(Path(sys.executable).with_name("ontschot")), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    warm: list[str] = []
    reader = threading.Thread(target=_read_log, args=(server, warm, started), daemon=True)
    reader.start()
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=120, follow_redirects=True) as client:
            while True:
                try:
                    if client.get("/api/v1/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.05)
            print(f"server_answers_after_start_s: {time.perf_counter() - started:.2f}")
            while args.after_warm_up and len(warm) < 2 and server.poll() is None:
                time.sleep(0.1)
            for line in warm:
                print(line)
            _log_in(client, email, DEMO_PASSWORD)
            path = f"/werkzoekenden/{candidate_id}/vacaturesuggesties"
            page, seconds = _timed(client.get, path)
            print(f"first_suggestions_page_s: {seconds:.2f} ({_state(page)})")
            while PREPARING in page.text:
                time.sleep(0.5)
                page = client.get(path)
            print(f"suggestions_shown_after_start_s: {time.perf_counter() - started:.1f}")
            token = _csrf(page.text)
            form = {"text": TEXT, "csrf_token": token}
            answer, seconds = _timed(client.post, "/tekstanalyse", data=form)
            print(f"first_text_analysis_s: {seconds:.2f} ({_state(answer)})")
            while answer.status_code == 503:
                time.sleep(0.5)
                answer = client.post("/tekstanalyse", data=form)
            print(f"text_analysis_shown_after_start_s: {time.perf_counter() - started:.1f}")
            _, seconds = _timed(client.get, path)
            print(f"second_suggestions_page_s: {seconds:.2f}")
            other = {**form, "text": OTHER_TEXT}
            _, seconds = _timed(client.post, "/tekstanalyse", data=other)
            print(f"second_text_analysis_s: {seconds:.2f} (another text)")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
