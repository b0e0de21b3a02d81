"""Locust users for `bench/load.py`: a region's working day against the demo region.

Run by `bench/load.py` (which prepares the database, starts the server and reads the
figures); the logins and ids come from the file in BENCH_LOAD_PEOPLE. Each simulated person
logs in through the login form, as a real user would, and then:
- coaches (most users) open "Mijn dag", the candidate list with a search, a profile and its
  vacancy suggestions and career routes, and update a profile through the API with If-Match;
- employer advisers open vacancy lists and a vacancy's candidates, and register vacancies;
- a partner administrator imports a CSV of vacancies now and then.
"""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path
from typing import Any

from locust import HttpUser, between, task

PEOPLE: dict[str, Any] = json.loads(Path(os.environ["BENCH_LOAD_PEOPLE"]).read_text("utf-8"))
CSRF = re.compile(r'data-csrf="([^"]+)"')
LOGIN_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PROFILE = re.compile(r'href="/werkzoekenden/(\d+)"')
VACANCY = re.compile(r'href="/vacatures/(\d+)"')
SEARCHES = ("heftruck", "zorg", "Jansen", "logistiek", "schoonmaak", "kok", "de")


class RegionUser(HttpUser):
    abstract = True
    logins_key = ""
    csrf = ""

    def on_start(self) -> None:
        email = random.choice(PEOPLE[self.logins_key])
        page = self.client.get("/inloggen", name="/inloggen")
        token = LOGIN_CSRF.search(page.text)
        form = {
            "email": email,
            "password": PEOPLE["password"],
            "csrf_token": token.group(1) if token else "",
        }
        with self.client.post(
            "/inloggen", data=form, name="/inloggen [post]", catch_response=True
        ) as answer:
            if answer.url is None or answer.url.endswith("/inloggen"):  # not let in
                answer.failure(f"login failed for {email}: {answer.status_code}")
        home = self.client.get("/", name="/ (Mijn dag)")
        found = CSRF.search(home.text)
        self.csrf = found.group(1) if found else ""


class Coach(RegionUser):
    weight = 8
    wait_time = between(1, 4)
    logins_key = "coaches"

    def _some_candidate(self) -> str | None:
        query = random.choice(SEARCHES)
        listing = self.client.get(f"/werkzoekenden?q={query}", name="/werkzoekenden?q=")
        ids = PROFILE.findall(listing.text)
        return random.choice(ids) if ids else None

    @task(3)
    def my_day(self) -> None:
        self.client.get("/", name="/ (Mijn dag)")

    @task(4)
    def profile_and_suggestions(self) -> None:
        candidate = self._some_candidate()
        if candidate is None:
            return
        self.client.get(f"/werkzoekenden/{candidate}", name="/werkzoekenden/{id}")
        self.client.get(
            f"/werkzoekenden/{candidate}/vacaturesuggesties",
            name="/werkzoekenden/{id}/vacaturesuggesties",
        )

    @task(1)
    def career_routes(self) -> None:
        candidate = self._some_candidate()
        if candidate is not None:
            self.client.get(
                f"/werkzoekenden/{candidate}/loopbaanroutes",
                name="/werkzoekenden/{id}/loopbaanroutes",
            )

    @task(2)
    def update_profile(self) -> None:
        candidate = self._some_candidate()
        if candidate is None:
            return
        current = self.client.get(f"/api/v1/candidates/{candidate}", name="/api/v1/candidates/{id}")
        if current.status_code != 200:
            return
        headers = {"X-CSRF-Token": self.csrf, "If-Match": current.headers.get("ETag", "*")}
        body = {"availableFrom": f"2027-0{random.randint(1, 9)}-01"}
        with self.client.patch(
            f"/api/v1/candidates/{candidate}",
            json=body,
            headers=headers,
            name="/api/v1/candidates/{id} [patch]",
            catch_response=True,
        ) as answer:
            if answer.status_code == 412:  # someone else saved first: a normal answer
                answer.success()


class EmployerAdviser(RegionUser):
    weight = 3
    wait_time = between(2, 6)
    logins_key = "advisers"

    @task(3)
    def vacancies(self) -> None:
        listing = self.client.get("/vacatures", name="/vacatures")
        ids = VACANCY.findall(listing.text)
        if ids:
            vacancy = random.choice(ids)
            self.client.get(f"/vacatures/{vacancy}", name="/vacatures/{id}")
            self.client.get(f"/vacatures/{vacancy}/kandidaten", name="/vacatures/{id}/kandidaten")

    @task(1)
    def register_vacancy(self) -> None:
        body = {
            "employerId": random.choice(PEOPLE["employer_ids"]),
            "title": random.choice(("Orderpicker", "Verzorgende IG", "Monteur", "Kok")),
            "municipality": random.choice(("Enschede", "Hengelo", "Almelo", "Oldenzaal")),
            "hoursMin": 24,
            "hoursMax": 38,
        }
        self.client.post(
            "/api/v1/vacancies",
            json=body,
            headers={"X-CSRF-Token": self.csrf},
            name="/api/v1/vacancies [post]",
        )


class Importer(RegionUser):
    weight = 1
    fixed_count = 1
    wait_time = between(15, 25)
    logins_key = "admins"

    @task
    def import_vacancies(self) -> None:
        batch = random.randrange(10**9)
        lines = ["external_id,employer_name,title,municipality,hours_min,hours_max"]
        lines += [
            f"load-{batch}-{n},Laadbedrijf {n % 40} B.V.,Magazijnmedewerker {n},Enschede,24,40"
            for n in range(PEOPLE["import_rows"])
        ]
        self.client.post(
            f"/api/v1/vacancy-imports?source=load-{batch}",
            data="\n".join(lines).encode("utf-8"),
            headers={"Content-Type": "text/csv", "X-CSRF-Token": self.csrf},
            name="/api/v1/vacancy-imports [post]",
        )
