"""What callers say to four (fictional) businesses, with each business's vocabulary.

44 utterances with names, times, numbers and services, written as Whisper spells them (digits,
"Doctor" spelled out is normalized from "Dr."). The vocabulary is what an operator would list in
the agent's `stt.vocabulary`: the business name, staff and services, most important first.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Business:
    name: str
    vocabulary: tuple[str, ...]
    utterances: tuple[str, ...]


BUSINESSES = (
    Business(
        "Brightwater Dental",
        ("Brightwater Dental", "Dr. Okafor", "Dr. Lindqvist", "Marisol", "Invisalign",
         "teeth whitening", "root canal"),
        (
            "Hi, is this Brightwater Dental?",
            "I'd like to book a cleaning with Doctor Okafor.",
            "Can I see Doctor Lindqvist on Tuesday at 3:30?",
            "How much does Invisalign cost?",
            "Do you do teeth whitening on Saturdays?",
            "My hygienist last time was Marisol.",
            "I think I need a root canal, my tooth really hurts.",
            "My phone number is 555 0142.",
            "Could you move my appointment to next Thursday?",
            "Is Doctor Okafor in this Friday morning?",
            "I'm calling to confirm my appointment at 10 o'clock tomorrow.",
        ),
    ),
    Business(
        "Kowalczyk Plumbing",
        ("Kowalczyk Plumbing", "Bartek", "tankless water heater", "sump pump", "backflow test",
         "Rinnai", "Navien"),
        (
            "Hello, is this Kowalczyk Plumbing?",
            "Can Bartek come out today? My sump pump stopped working.",
            "I want a quote for a tankless water heater.",
            "Do you do backflow tests for businesses?",
            "The leak is under the kitchen sink at 42 Elm Street.",
            "Is there an extra charge after 6 o'clock?",
            "Bartek fixed our Rinnai heater last year.",
            "My water heater is leaking, can someone come tomorrow morning?",
            "Can you send someone between 2 and 4 on Thursday?",
            "I'd like to pay the invoice for the sump pump repair.",
            "Do you service Rinnai and Navien units?",
        ),
    ),
    Business(
        "Serenova Day Spa",
        ("Serenova Day Spa", "Siobhan", "Niamh", "hot stone massage", "microdermabrasion",
         "HydraFacial"),
        (
            "Hi, I'm calling Serenova Day Spa about a gift card.",
            "Can I book a hot stone massage with Siobhan?",
            "Is Niamh working on Saturday afternoon?",
            "How long does a HydraFacial take?",
            "I'd like microdermabrasion and a facial for 2 people.",
            "Do you have anything at 11:15 on Sunday?",
            "I need to cancel my 4 o'clock with Niamh.",
            "What is the price of a 90 minute massage?",
            "My friend recommended Siobhan for deep tissue work.",
            "Can I add a HydraFacial to my booking next week?",
            "Do you sell gift cards for Serenova online?",
        ),
    ),
    Business(
        "Hollybrook Veterinary Clinic",
        ("Hollybrook Veterinary Clinic", "Dr. Mbeki", "Dr. Haverford", "microchipping",
         "Bordetella", "spay"),
        (
            "Hello, is this Hollybrook Veterinary Clinic?",
            "My dog needs his Bordetella vaccine before boarding.",
            "Can Doctor Mbeki see my cat on Monday?",
            "How much is microchipping for a puppy?",
            "I'd like to schedule a spay for my 6 month old kitten.",
            "Doctor Haverford treated my rabbit last week.",
            "Is the clinic open until 7 on Wednesdays?",
            "My dog ate chocolate, can I bring him in right now?",
            "I need a refill of my cat's thyroid medication.",
            "Do you have an appointment at 9:45 with Doctor Mbeki?",
            "Can I pick up the prescription food on Friday?",
        ),
    ),
)  # fmt: skip
