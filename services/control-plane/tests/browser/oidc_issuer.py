"""A stand-in OIDC provider for the console's sign-in: discovery, an authorization endpoint that
signs the configured subject straight in, a token endpoint that checks PKCE (S256), and JWKS.
An OIDC provider is a third party, so a fake is allowed; its keys and tokens are real."""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode

import jwt
from fastapi import FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, RedirectResponse

from tests.integration.oidc_provider import AUDIENCE, ProviderKey, rsa_key

CLIENT_ID = "switchboard-console"


@dataclass
class FakeIssuer:
    """``url`` is set once it is served; ``subject`` is who signs in."""

    subject: str = "alice"
    url: str = ""
    key: ProviderKey = field(default_factory=lambda: rsa_key("console-test"))
    codes: dict[str, tuple[str, str]] = field(default_factory=dict)
    exchanged: list[str] = field(default_factory=list)

    def app(self) -> FastAPI:
        app = FastAPI()
        app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"])

        @app.get("/.well-known/openid-configuration")
        async def discovery() -> dict[str, object]:
            return {
                "issuer": self.url + "/",
                "authorization_endpoint": self.url + "/authorize",
                "token_endpoint": self.url + "/token",
                "jwks_uri": self.url + "/jwks",
                "code_challenge_methods_supported": ["S256"],
            }

        @app.get("/authorize")
        async def authorize(request: Request) -> Response:
            query = request.query_params
            if query.get("client_id") != CLIENT_ID or query.get("code_challenge_method") != "S256":
                return JSONResponse({"error": "invalid_request"}, status_code=400)
            code = secrets.token_urlsafe(16)
            self.codes[code] = (query["code_challenge"], query["redirect_uri"])
            target = urlencode({"code": code, "state": query.get("state", "")})
            return RedirectResponse(f"{query['redirect_uri']}?{target}", status_code=302)

        @app.post("/token")
        async def token(request: Request) -> Response:
            form = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
            challenge, redirect_uri = self.codes.pop(form.get("code", ""), ("", ""))
            digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
            computed = base64.urlsafe_b64encode(digest).decode().rstrip("=")
            if (
                not challenge
                or computed != challenge
                or form.get("redirect_uri") != redirect_uri
                or form.get("client_id") != CLIENT_ID
            ):
                return JSONResponse({"error": "invalid_grant"}, status_code=400)
            now = int(time.time())
            claims = {"sub": self.subject, "iss": self.url + "/", "aud": AUDIENCE, "iat": now}
            access = jwt.encode(
                {**claims, "exp": now + 300},
                self.key.private,
                algorithm=self.key.alg,
                headers={"kid": self.key.kid},
            )
            self.exchanged.append(self.subject)
            return JSONResponse({"access_token": access, "token_type": "Bearer", "expires_in": 300})

        @app.get("/jwks")
        async def jwks() -> dict[str, object]:
            return {"keys": [self.key.public_jwk()]}

        return app
