"""A stand-in OIDC provider: real signing keys and a JWKS document served over real HTTP."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

ISSUER = "https://idp.test/"
AUDIENCE = "switchboard"

SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


@dataclass(frozen=True, slots=True)
class ProviderKey:
    kid: str
    alg: str
    private: SigningKey

    def public_jwk(self) -> dict[str, Any]:
        public = self.private.public_key()
        if isinstance(public, rsa.RSAPublicKey):
            jwk = RSAAlgorithm.to_jwk(public, as_dict=True)
        else:
            jwk = ECAlgorithm.to_jwk(public, as_dict=True)
        return {**jwk, "kid": self.kid, "alg": self.alg, "use": "sig"}

    def public_pem(self) -> bytes:
        return self.private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )


def rsa_key(kid: str) -> ProviderKey:
    return ProviderKey(kid, "RS256", rsa.generate_private_key(public_exponent=65537, key_size=2048))


def ec_key(kid: str) -> ProviderKey:
    return ProviderKey(kid, "ES256", ec.generate_private_key(ec.SECP256R1()))


def claims(sub: str = "alice", **overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    values: dict[str, Any] = {"sub": sub, "iss": ISSUER, "aud": AUDIENCE, "iat": now}
    values["exp"] = now + 300
    values.update(overrides)
    return {name: value for name, value in values.items() if value is not None}


def sign(key: ProviderKey, body: dict[str, Any], *, kid: str | None = None) -> str:
    """A token signed by ``key``; its header names ``kid`` (default: the key's own)."""
    return jwt.encode(body, key.private, algorithm=key.alg, headers={"kid": kid or key.kid})


def unsigned(body: dict[str, Any], kid: str) -> str:
    return jwt.encode(body, "", algorithm="none", headers={"kid": kid})


def hs256_with_public_key(key: ProviderKey, body: dict[str, Any]) -> str:
    """The algorithm-confusion forgery: HMAC keyed with the provider's public PEM."""

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    header = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": key.kid}).encode())
    payload = b64(json.dumps(body).encode())
    mac = hmac.new(key.public_pem(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{b64(mac)}"


@dataclass
class JwksServer:
    """Serves the published keys at ``url`` from a thread; counts fetches.

    ``hold`` cleared makes the server accept requests and not answer until it is set again.
    """

    keys: list[ProviderKey]
    fetches: int = 0
    requested: threading.Event = field(default_factory=threading.Event)
    hold: threading.Event = field(default_factory=threading.Event)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    def __post_init__(self) -> None:
        self.hold.set()

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/.well-known/jwks.json"

    def publish(self, *keys: ProviderKey) -> None:
        self.keys = list(keys)

    def start(self) -> None:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                provider.requested.set()
                provider.hold.wait(timeout=30)
                provider.fetches += 1
                body = json.dumps({"keys": [k.public_jwk() for k in provider.keys]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Closes the listening socket: later fetches get connection refused."""
        self.hold.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
