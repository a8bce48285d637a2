"""Switchboard call simulator: plays the carrier's side of a phone call from a scenario."""

from switchboard_callsim.carrier import CarrierAction, CarrierObserver, FakeTwilioRest
from switchboard_callsim.events import SimEvent, describe
from switchboard_callsim.report import CallReport, Check, TurnRecord
from switchboard_callsim.runner import run_call
from switchboard_callsim.scenario import Scenario, ScenarioError, load_scenario, parse_scenario
from switchboard_callsim.signature import twilio_signature
from switchboard_callsim.telnyx_rest import FakeTelnyxRest, TelnyxCommand
from switchboard_callsim.telnyx_runner import run_telnyx_call
from switchboard_callsim.telnyx_signature import TelnyxSigner

__all__ = [
    "CallReport",
    "CarrierAction",
    "CarrierObserver",
    "Check",
    "FakeTelnyxRest",
    "FakeTwilioRest",
    "Scenario",
    "ScenarioError",
    "SimEvent",
    "TelnyxCommand",
    "TelnyxSigner",
    "TurnRecord",
    "describe",
    "load_scenario",
    "parse_scenario",
    "run_call",
    "run_telnyx_call",
    "twilio_signature",
]
