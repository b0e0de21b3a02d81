"""Locust users for the baseline of `bench/load.py`: only the health check (no database)."""

from __future__ import annotations

from locust import HttpUser, between, task


class HealthOnly(HttpUser):
    wait_time = between(0.5, 1.5)

    @task
    def health(self) -> None:
        self.client.get("/api/v1/health", name="/api/v1/health")
