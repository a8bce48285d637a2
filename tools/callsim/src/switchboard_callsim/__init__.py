"""Switchboard call simulator: plays the carrier's side of a phone call from a scenario."""

from switchboard_callsim.carrier import CarrierAction, CarrierObserver, FakeTwilioRest
from switchboard_callsim.events import SimEvent, describe
from switchboard_callsim.report import CallReport, Check, TurnRecord
from switchboard_callsim.runner import run_call
from switchboard_callsim.scenario import Scenario, ScenarioError, load_scenario, parse_scenario
from switchboard_callsim.signature import twilio_signature

__all__ = [
    "CallReport",
    "CarrierAction",
    "CarrierObserver",
    "Check",
    "FakeTwilioRest",
    "Scenario",
    "ScenarioError",
    "SimEvent",
    "TurnRecord",
    "describe",
    "load_scenario",
    "parse_scenario",
    "run_call",
    "twilio_signature",
]
