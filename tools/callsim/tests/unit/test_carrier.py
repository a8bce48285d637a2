"""The fake Twilio REST API."""

import base64

import httpx

from switchboard_callsim.carrier import FakeTwilioRest, classify

ACCOUNT = "AC" + "0" * 32


def test_classify_reads_hangups_and_dial_targets() -> None:
    assert classify("CA1", {"Status": "completed"}).kind == "hangup"
    dial = classify(
        "CA1", {"Twiml": "<Response><Dial><Number>+15005550009</Number></Dial></Response>"}
    )
    assert (dial.kind, dial.target) == ("transfer", "+15005550009")
    bare = classify("CA1", {"Twiml": "<Response><Dial>+15005550010</Dial></Response>"})
    assert bare.target == "+15005550010"
    assert classify("CA1", {"Twiml": "<Response><Say>hi</Say></Response>"}).kind == "redirect"


async def test_fake_carrier_checks_basic_auth_and_hands_actions_to_the_simulator() -> None:
    carrier = FakeTwilioRest(ACCOUNT, "secret-token")
    url = f"/2010-04-01/Accounts/{ACCOUNT}/Calls/CA123.json"
    transport = httpx.ASGITransport(app=carrier.app())
    async with httpx.AsyncClient(transport=transport, base_url="http://carrier") as client:
        denied = await client.post(url, data={"Status": "completed"}, auth=(ACCOUNT, "wrong"))
        assert denied.status_code == 401
        accepted = await client.post(
            url, data={"Status": "completed"}, auth=(ACCOUNT, "secret-token")
        )
        assert accepted.status_code == 200
    action = await carrier.next_action("CA123")
    assert (action.kind, action.call_sid) == ("hangup", "CA123")
    assert carrier.actions == [action]
    assert base64.b64decode(carrier._auth.split()[1]) == f"{ACCOUNT}:secret-token".encode()
