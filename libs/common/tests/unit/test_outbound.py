"""The outbound-address guard's pure parts: which addresses are public, and pinning a URL."""

from __future__ import annotations

import ipaddress

import pytest

from switchboard_common.outbound import embedded_ipv4, is_public_address, pinned

PRIVATE_V4 = "10.0.0.1"
PUBLIC_V4 = "8.8.8.8"


def test_only_globally_routable_addresses_are_public() -> None:
    private = ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "::1"]
    private += ["fd00::1", "fe80::1", "::ffff:127.0.0.1", "0.0.0.0", "224.0.0.1", "100.64.0.1"]  # noqa: S104
    private += ["::", "ff02::1", "fe80::1%eth0"]
    assert [address for address in private if is_public_address(address)] == []
    assert all(is_public_address(a) for a in ("8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"))


# Each IPv6 form that carries an IPv4 address, built around the embedded address.
EMBEDDING_FORMS = {
    "ipv4_mapped": lambda v4: f"::ffff:{v4}",
    "ipv4_compatible": lambda v4: f"::{v4}",
    "nat64_well_known": lambda v4: f"64:ff9b::{v4}",
    "nat64_local_use": lambda v4: f"64:ff9b:1::{v4}",
    "6to4": lambda v4: _sixtofour(v4),
    "teredo": lambda v4: _teredo(v4),
}


def _sixtofour(v4: str) -> str:
    packed = int(ipaddress.IPv4Address(v4))
    return str(ipaddress.IPv6Address((0x2002 << 112) | (packed << 80) | 1))


def _teredo(v4: str) -> str:
    """A Teredo address (2001::/32) whose client address is ``v4`` (stored inverted)."""
    server = int(ipaddress.IPv4Address("65.54.227.120"))
    client = int(ipaddress.IPv4Address(v4)) ^ 0xFFFFFFFF
    return str(ipaddress.IPv6Address((0x20010000 << 96) | (server << 64) | client))


@pytest.mark.parametrize("form", sorted(EMBEDDING_FORMS))
def test_an_ipv6_form_embedding_a_private_ipv4_is_refused(form: str) -> None:
    address = EMBEDDING_FORMS[form](PRIVATE_V4)
    assert embedded_ipv4(ipaddress.IPv6Address(address)) == ipaddress.IPv4Address(PRIVATE_V4)
    assert not is_public_address(address), address
    assert not is_public_address(EMBEDDING_FORMS[form]("169.254.169.254"))
    assert not is_public_address(EMBEDDING_FORMS[form]("127.0.0.1"))


@pytest.mark.parametrize("form", sorted(EMBEDDING_FORMS))
def test_an_ipv6_form_embedding_a_public_ipv4_is_public(form: str) -> None:
    address = EMBEDDING_FORMS[form](PUBLIC_V4)
    assert embedded_ipv4(ipaddress.IPv6Address(address)) == ipaddress.IPv4Address(PUBLIC_V4)
    assert is_public_address(address), address


def test_a_plain_ipv6_address_embeds_nothing() -> None:
    assert embedded_ipv4(ipaddress.IPv6Address("2606:4700:4700::1111")) is None
    assert embedded_ipv4(ipaddress.IPv6Address("::1")) is None


def test_a_request_is_pinned_to_the_checked_address_with_the_real_host_and_tls_name() -> None:
    url, host, extensions = pinned("https://api.example.com/v1/slots?day=1", "93.184.216.34")
    assert str(url) == "https://93.184.216.34/v1/slots?day=1"
    assert (host, extensions) == ("api.example.com", {"sni_hostname": "api.example.com"})
    url, host, extensions = pinned("http://api.example.com:8080/x", "2606:2800:220:1::1")
    assert str(url) == "http://[2606:2800:220:1::1]:8080/x"
    assert (host, extensions) == ("api.example.com:8080", {})
