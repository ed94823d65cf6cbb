"""A small fixed-window rate limit for public look-ups, counted in the default cache.

``allow(request, action, limit, seconds)`` counts one use by the visitor's address and
says whether it is still within ``limit`` uses per ``seconds``. The default cache is
shared by the workers in production, like allauth's own limits.
"""

import hashlib
import time

from django.core.cache import cache


def _client(request):
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow(request, action, limit, seconds):
    window = int(time.time() // seconds)
    client = hashlib.sha256(_client(request).encode()).hexdigest()[:32]
    key = f"throttle:{action}:{client}:{window}"
    cache.add(key, 0, timeout=seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr: this is the first use
        cache.set(key, 1, timeout=seconds + 1)
        used = 1
    return used <= limit
