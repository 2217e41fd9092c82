"""Who said it: one test per class of attribution error, on invented sentences."""

from __future__ import annotations

import pytest

from parley.extract.quotes import Quote, extract_quotes


def quotes(nlp, text: str, kind: str | None = None) -> list[Quote]:
    found = extract_quotes(nlp(text))
    return [q for q in found if kind is None or q.kind == kind]


def speakers(nlp, text: str) -> list[str | None]:
    return [q.speaker for q in quotes(nlp, text) if q.kind != "indirect"]


# -- places are never speakers ---------------------------------------------------------------


def test_a_dateline_is_not_the_speaker(nlp):
    text = (
        "VIENNA (Northern Wire) - Anna Berg said the new offer was “a step backwards for "
        "everyone at the table.”"
    )
    assert speakers(nlp, text) == ["Anna Berg"]


def test_a_place_opening_the_sentence_is_not_the_speaker(nlp):
    text = "In Geneva on Tuesday, “we made real progress on the hard questions,” Omar Haddad said."
    assert speakers(nlp, text) == ["Omar Haddad"]


# -- the clause that governs the quote ----------------------------------------------------------


def test_the_subject_of_the_reported_clause_is_not_the_speaker(nlp):
    text = "Omar Haddad said the rebels' reply was “completely unacceptable to our side.”"
    assert speakers(nlp, text) == ["Omar Haddad"]


def test_a_conjoined_warning_belongs_to_the_first_speaker(nlp):
    text = (
        "Peter Olsen said the union had accepted the terms, but warned that “nothing is "
        "settled until it is signed.”"
    )
    assert speakers(nlp, text) == ["Peter Olsen"]


def test_a_speech_verb_after_a_modal_is_not_a_speech_event(nlp):
    text = "Lena Ross said she expected that voters would say “not again” to the plan."
    assert speakers(nlp, text) == ["Lena Ross"]


def test_a_later_clause_with_its_own_speaker_does_not_take_the_quote(nlp):
    text = (
        "Maria Lopez said she was “still weighing every option” until Peter Olsen "
        "announced his decision."
    )
    assert speakers(nlp, text) == ["Maria Lopez"]


# -- continuation paragraphs --------------------------------------------------------------------


def test_a_quote_after_he_added_with_a_colon(nlp):
    text = (
        "Omar Haddad spoke to reporters after the meeting. He added:\n\n"
        "“We will return next week with a new offer for the other side.”"
    )
    assert speakers(nlp, text) == ["Omar Haddad"]


def test_a_run_of_quoted_paragraphs_keeps_its_speaker(nlp):
    text = (
        "“The first round went well,” said Lena Ross.\n\n"
        "“The second round will be harder, and everyone in the room knows it.”"
    )
    assert speakers(nlp, text) == ["Lena Ross", "Lena Ross"]


def test_a_quote_after_the_writers_own_paragraph_is_not_carried_over(nlp):
    text = (
        "“We are ready to sign today,” said Lena Ross.\n\n"
        "The talks resumed on Monday after a week of delays and a long dispute over the "
        "wording of the second article.\n\n"
        "“Nobody expected this outcome.”"
    )
    assert speakers(nlp, text) == ["Lena Ross", None]


def test_an_ended_quote_followed_by_its_speaker(nlp):
    text = "“Is that all there is to it?” Anna Berg asked. “Then we are done here.”"
    assert speakers(nlp, text) == ["Anna Berg", "Anna Berg"]


# -- descriptions and titles --------------------------------------------------------------------


def test_a_title_resolves_to_the_person_who_holds_it(nlp):
    text = (
        "President-elect Maria Lopez met the envoys on Monday. "
        "“We will keep every promise we made,” the president-elect said."
    )
    quote = quotes(nlp, text, "direct")[0]
    assert (quote.speaker, quote.speaker_descriptor) == ("Maria Lopez", "the president-elect")


def test_the_newspaper_resolves_to_the_named_newspaper(nlp):
    text = (
        "The Northern Courier published an editorial on Sunday. "
        "“The talks deserve a second chance,” the newspaper wrote."
    )
    quote = quotes(nlp, text, "direct")[0]
    assert quote.speaker == "The Northern Courier"
    assert quote.speaker_descriptor == "the newspaper"


def test_a_body_named_by_description_speaks_for_itself(nlp):
    text = "Norland's trade ministry said the new tariffs were “a grave and costly mistake.”"
    assert speakers(nlp, text) == ["Norland's trade ministry"]


def test_a_spokesman_speaks_for_the_body_he_represents(case_nlp):
    text = "A spokesman for the Kremlin said: “We will respond to this in kind.”"
    quote = quotes(case_nlp, text, "direct")[0]
    assert quote.speaker == "Kremlin"
    assert quote.speaker_descriptor == "A spokesman for the Kremlin"


def test_an_unresolved_description_stays_a_descriptor(nlp):
    quote = quotes(nlp, "“We will not sign this text,” the spokesman said.")[0]
    assert (quote.speaker, quote.speaker_descriptor) == (None, "the spokesman")


def test_a_nationality_after_a_is_a_description_not_a_name(nlp):
    quote = quotes(nlp, "“It is over for him,” said a Texas Republican.")[0]
    assert (quote.speaker, quote.speaker_descriptor) == (None, "a Texas Republican")


def test_a_title_parsed_as_the_subject_gives_the_person_after_it(nlp):
    text = "“We are not leaving,” said Pentagon spokesman Navy Capt. Jeff Larsen."
    assert speakers(nlp, text) == ["Jeff Larsen"]


# -- name variants ------------------------------------------------------------------------------


def test_a_surname_with_a_particle_links_to_the_full_name(nlp):
    text = (
        "Khalil al-Rami, the chief negotiator, arrived in Doha on Monday. "
        "“We want guarantees before anything else,” Rami said."
    )
    assert speakers(nlp, text) == ["Khalil al-Rami"]


def test_a_titled_surname_gives_the_full_name_without_the_title(nlp):
    text = (
        "Tatiana Orlova has written about the Kremlin for years. "
        "“Nobody in Moscow is in a hurry,” Ms. Orlova said."
    )
    quote = quotes(nlp, text, "direct")[0]
    assert quote.speaker == "Tatiana Orlova"
    assert quote.speaker_descriptor is None


# -- round-up formats ---------------------------------------------------------------------------


def test_a_round_up_line_names_the_speaker_and_outlet(nlp):
    text = (
        "What the commentators said.\n\n"
        "Maria Lopez, The Daily Courier:\n\n"
        "“The deal will not survive the winter, whatever the two sides say.”\n\n"
        "Peter Olsen, Northern Review:\n\n"
        "“Nobody in the capital expected a deal this week, and nobody got one.”"
    )
    assert speakers(nlp, text) == ["Maria Lopez", "Peter Olsen"]


def test_a_source_line_after_a_dash(nlp):
    text = "Polls were wrong again - Peter Olsen: “Late deciders broke for the challenger.”"
    assert speakers(nlp, text) == ["Peter Olsen"]


# -- the writer's own voice ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Let me say this plainly: the deal is dead and both sides know it.",
        "I said last week that the talks would fail, and they have.",
        "To put it bluntly, the offer was never serious.",
    ],
)
def test_the_writers_own_sentences_are_never_quotes(nlp, text):
    assert quotes(nlp, text) == []


# -- descriptors are role phrases ---------------------------------------------------------------


def test_an_age_is_not_a_descriptor(nlp):
    quote = quotes(nlp, "“We are not there yet,” said Maria Lopez, 45.")[0]
    assert (quote.speaker, quote.speaker_descriptor) == ("Maria Lopez", None)


def test_an_honorific_is_not_a_descriptor(nlp):
    quote = quotes(nlp, "“We will see about that,” said Mr. Olsen.")[0]
    assert quote.speaker == "Olsen" and quote.speaker_descriptor is None


def test_a_descriptor_stops_before_its_clause(nlp):
    text = (
        "“The border is the real question,” said Anna Berg, a former adviser who served "
        "two governments."
    )
    assert quotes(nlp, text)[0].speaker_descriptor == "a former adviser"


def test_a_quoted_transcript_line_gives_the_speaker(nlp):
    text = (
        "Anna Berg joined the programme from Geneva.\n\n"
        "BERG: “We have not seen the final text, and nobody else has either.”"
    )
    assert speakers(nlp, text) == ["Anna Berg"]


def test_an_organisation_name_with_and_is_one_name(nlp):
    text = (
        "Talks went on.\n\nThe Survivors and Missing Families Forum said on Tuesday that the "
        "offer was “a chance that must not be missed.”"
    )
    assert speakers(nlp, text) == ["Survivors and Missing Families Forum"]


def test_the_forum_points_back_to_the_named_forum(nlp):
    text = (
        "The Survivors and Missing Families Forum urged the cabinet to sign the deal. "
        "“Bring every one of them home now,” the forum said."
    )
    quote = quotes(nlp, text, "direct")[0]
    assert quote.speaker == "Survivors and Missing Families Forum"
    assert quote.speaker_descriptor == "the forum"


def test_an_office_of_a_named_person_speaks_as_that_office(nlp):
    text = "Prime Minister Ola Brandt's office said it would “study the text with great care.”"
    assert speakers(nlp, text) == ["Prime Minister Ola Brandt's office"]


def test_a_titled_given_name_links_to_the_full_name(nlp):
    text = (
        "Sheikh Karim bin Nasser Al Rumi met the envoys on Sunday. "
        "“We are hopeful about the next round,” Sheikh Karim said."
    )
    assert speakers(nlp, text) == ["Karim bin Nasser Al Rumi"]
