"""The one httpx client the app shares, with timeouts fit for a model that thinks for minutes."""

from __future__ import annotations

import ssl

import httpx

from r1desk import __version__

CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 600.0  # R1 may send nothing for minutes while it thinks
WRITE_TIMEOUT_S = 30.0
POOL_TIMEOUT_S = 10.0
DEFAULT_DEADLINE_S = 900.0  # a whole reply, enforced by the clients
USER_AGENT = f"r1desk/{__version__}"


def make_tls_context() -> ssl.SSLContext:
    """Certificate verification as httpx sets it up (its CA bundle; SSL_CERT_FILE and
    SSL_CERT_DIR honoured). About 50 ms of OpenSSL work that releases the GIL: callers on
    the GUI thread build it in a worker thread."""
    return httpx.create_ssl_context(verify=True, trust_env=True)


def make_http_client(
    transport: httpx.AsyncBaseTransport | None = None, *, tls: ssl.SSLContext | None = None
) -> httpx.AsyncClient:
    """One per app: proxies from the environment, TLS verification on, no redirects."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(
            connect=CONNECT_TIMEOUT_S,
            read=READ_TIMEOUT_S,
            write=WRITE_TIMEOUT_S,
            pool=POOL_TIMEOUT_S,
        ),
        trust_env=True,
        verify=tls if tls is not None else True,
        follow_redirects=False,
        headers={"user-agent": USER_AGENT},
        transport=transport,
    )
