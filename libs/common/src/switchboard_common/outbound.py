"""The one outbound-address guard: where a tenant-supplied URL (an HTTP tool, an LLM ``api_base``)
may point, checked when it is written and pinned when it is called.

A tenant's URL must not make a service reach its own network: addresses that are not globally
routable (loopback, private, link-local such as cloud metadata, reserved, multicast) are refused
unless the operator allows them. IPv6 forms that embed an IPv4 address (IPv4-mapped,
IPv4-compatible, NAT64, 6to4, Teredo) are judged by the embedded address, since a gateway turns
them into that IPv4 destination. At call time the host is resolved once, every address it
resolves to is checked, and the connection goes to the checked address (``PinnedTransport``),
with the original Host header and TLS server name: a DNS answer that changes between the check
and the connect cannot slip in.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass, field

import httpx

DEFAULT_PORTS = {"http": 80, "https": 443}

_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


class AddressRefusedError(Exception):
    """The host resolves to an address this service may not call (or does not resolve)."""

    def __init__(self, host: str, reason: str) -> None:
        super().__init__(f"{host}: {reason}")
        self.host = host
        self.reason = reason


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries, for the forms a gateway or host would use to
    reach it: IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96 and 64:ff9b:1::/48), 6to4
    (2002::/16) and Teredo (2001::/32, the client address)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    low32 = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if any(ip in network for network in _NAT64):
        return low32
    if ip in _IPV4_COMPATIBLE and int(ip) > 1:  # :: and ::1 are not IPv4-compatible forms
        return low32
    return None


def is_public_address(address: str) -> bool:
    """Whether ``address`` (an IP literal, optionally with a ``%zone``) is globally routable."""
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(
        address.split("%", 1)[0]
    )
    if isinstance(ip, ipaddress.IPv6Address):
        ip = embedded_ipv4(ip) or ip
    return ip.is_global and not ip.is_multicast


def is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


async def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (an IP literal is its own answer)."""
    if is_ip_literal(host):
        return [host]
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    return [str(info[4][0]) for info in infos]


def addresses_allowed(addresses: list[str], *, allow_private: bool) -> bool:
    """Whether a host resolving to ``addresses`` may be called: every one must be public."""
    return allow_private or all(is_public_address(address) for address in addresses)


async def checked_address(host: str, port: int, *, allow_private: bool) -> str:
    """The address to connect to: the host's first, once every address it resolves to is
    allowed. Raises ``AddressRefusedError`` (also when the host does not resolve)."""
    try:
        addresses = await resolve(host, port)
    except OSError as exc:
        raise AddressRefusedError(host, "does not resolve") from exc
    if not addresses:
        raise AddressRefusedError(host, "does not resolve")
    if not addresses_allowed(addresses, allow_private=allow_private):
        raise AddressRefusedError(host, "resolves to a loopback, private or reserved address")
    return addresses[0]


def url_port(url: httpx.URL) -> int:
    return url.port or DEFAULT_PORTS.get(url.scheme, 80)


def pinned(url: httpx.URL | str, address: str) -> tuple[httpx.URL, str, dict[str, object]]:
    """``url`` aimed at ``address``: the URL to connect to, the Host header the server expects,
    and for HTTPS the TLS server name (certificates are still checked against the real host)."""
    original = httpx.URL(url)
    target = original.copy_with(host=address)
    host = original.host
    if ":" in host:
        host = f"[{host}]"
    default_port = DEFAULT_PORTS.get(original.scheme)
    host_header = host if original.port in (None, default_port) else f"{host}:{original.port}"
    extensions: dict[str, object] = {}
    if original.scheme == "https":
        extensions["sni_hostname"] = original.host
    return target, host_header, extensions


@dataclass(slots=True)
class _Pin:
    address: str
    transport: httpx.AsyncHTTPTransport = field(default_factory=httpx.AsyncHTTPTransport)


class PinnedTransport(httpx.AsyncBaseTransport):
    """An httpx transport for clients that talk to tenant-supplied URLs (an SDK such as the
    OpenAI client): each host is resolved and checked once, on its first request, and every
    request to it (redirects included) connects to that checked address. A refused host raises
    ``AddressRefusedError`` before any byte is sent. Each host gets its own connection pool, so
    a pooled connection never carries another host's requests."""

    def __init__(self, *, allow_private: bool = False) -> None:
        self._allow_private = allow_private
        self._pins: dict[tuple[str, str, int], _Pin] = {}
        self._lock = asyncio.Lock()

    async def _pin(self, url: httpx.URL) -> _Pin:
        key = (url.scheme, url.host, url_port(url))
        async with self._lock:
            pin = self._pins.get(key)
            if pin is None:
                address = await checked_address(
                    url.host, url_port(url), allow_private=self._allow_private
                )
                pin = self._pins[key] = _Pin(address)
            return pin

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        pin = await self._pin(request.url)
        target, host_header, extensions = pinned(request.url, pin.address)
        headers = request.headers.copy()
        headers["Host"] = host_header
        # a new request: the caller's keeps its URL (redirects are resolved against it)
        aimed = httpx.Request(
            request.method,
            target,
            headers=headers,
            stream=request.stream,
            extensions={**request.extensions, **extensions},
        )
        return await pin.transport.handle_async_request(aimed)

    async def aclose(self) -> None:
        pins, self._pins = list(self._pins.values()), {}
        for pin in pins:
            await pin.transport.aclose()
