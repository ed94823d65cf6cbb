"""The shared page cache on a real Redis server, as in production.

scripts/run-tests.sh starts Redis and sets TEST_REDIS_URL; without it these tests
start their own server with scripts/redis.sh. The outage test always starts a
private server, because it stops it halfway.
"""

import os
import socket
import subprocess
import uuid

import pytest
from django.core.cache import caches

from portal import page_cache as page_cache_module
from tests.conftest import ROOT
from tests.portal.test_page_cache_invalidation import text

REDIS_SCRIPT = ROOT / "scripts" / "redis.sh"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(port):
    env = {**os.environ, "PORTAL_REDIS_PORT": str(port)}
    result = subprocess.run([REDIS_SCRIPT, "start"], env=env, check=True,
                            capture_output=True, text=True)
    return result.stdout.strip().splitlines()[-1]


def stop_redis(port):
    subprocess.run([REDIS_SCRIPT, "stop"], env={**os.environ, "PORTAL_REDIS_PORT": str(port)},
                   check=False)


@pytest.fixture(scope="session")
def redis_url():
    url = os.environ.get("TEST_REDIS_URL")
    if url:
        yield url
        return
    port = free_port()
    yield start_redis(port)
    stop_redis(port)


def use_redis(settings, url):
    """Point the page cache at Redis under a key prefix of its own (suites share a server)."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "portal.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        },
    }
    settings.PAGE_CACHE_ENABLED = True
    page_cache_module._down_until = 0.0
    page_cache_module.local_entries.clear()
    return caches["pages"]


@pytest.mark.django_db
def test_pages_are_shared_through_redis(client, settings, redis_url, demo_site):
    cache = use_redis(settings, redis_url)
    assert client.get("/fi/tietoa/")["X-Page-Cache"] == "miss"
    second = client.get("/fi/tietoa/")
    assert second["X-Page-Cache"] == "hit"
    assert cache.__class__.__name__ == "RedisCache"
    # Another worker (nothing in its own memory) is served from Redis.
    page_cache_module.local_entries.clear()
    assert client.get("/fi/tietoa/")["X-Page-Cache"] == "hit"
    # What another worker process would find: the entry is in Redis itself.
    import redis

    server = redis.Redis.from_url(redis_url)
    prefix = settings.CACHES["pages"]["KEY_PREFIX"]
    assert any(key.startswith(prefix.encode()) for key in server.scan_iter(f"{prefix}*"))


@pytest.mark.django_db
def test_publishing_is_seen_through_redis(client, settings, redis_url, demo_site):
    use_redis(settings, redis_url)
    client.get("/fi/")
    assert client.get("/fi/")["X-Page-Cache"] == "hit"
    demo_site.intro = "Uusi esittelyteksti."
    demo_site.save_revision().publish()
    assert "Uusi esittelyteksti." in text(client, "/fi/")


@pytest.mark.django_db
def test_stopped_redis_makes_pages_slower_never_failing(client, settings, demo_site):
    port = free_port()
    url = start_redis(port)
    try:
        use_redis(settings, url)
        client.get("/fi/")
        assert client.get("/fi/")["X-Page-Cache"] == "hit"
        stop_redis(port)
        # This worker still has the page in its own memory (same content generation).
        assert client.get("/fi/")["X-Page-Cache"] == "hit"
        # Another worker, without it in memory, renders it; the store is skipped quietly.
        page_cache_module.local_entries.clear()
        response = client.get("/fi/")
        assert response.status_code == 200
        assert "Hyväksi havaitut" in response.content.decode()
        assert response["X-Page-Cache"] == "miss"
        demo_site.intro = "Muutettu, kun välimuisti oli poissa."
        demo_site.save_revision().publish()
        assert "Muutettu, kun välimuisti oli poissa." in text(client, "/fi/")
        # Back up (empty, as after a restart): pages are cached again.
        start_redis(port)
        page_cache_module._down_until = 0.0
        page_cache_module.local_entries.clear()
        client.get("/fi/")
        assert client.get("/fi/")["X-Page-Cache"] == "hit"
    finally:
        stop_redis(port)
        page_cache_module._down_until = 0.0
