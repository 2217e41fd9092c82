"""Dated events from one parsed article, with hand-made time expressions."""

from __future__ import annotations

from datetime import date

from parley.articles.model import Article
from parley.extract.entities import extract_mentions
from parley.extract.events import extract_events
from parley.extract.records import Timex


def timex(text, phrase, value, kind="DATE"):
    start = text.index(phrase)
    return Timex(start, start + len(phrase), phrase, kind, value)


def events(nlp, text, timexes=(), case=None, published=date(2025, 3, 19)):
    doc = nlp(text)
    article = Article(id="a1", source="t.txt", text=text, published=published)
    return extract_events(doc, article, case, extract_mentions(doc, article, case), timexes)


def only(found, kind):
    matching = [e for e in found if e.type == kind]
    assert len(matching) == 1, found
    return matching[0]


def test_call_takes_the_date_attached_to_it(case_nlp, case):
    text = "Donald Trump spoke about his call with Vladimir Putin on Tuesday."
    call = only(events(case_nlp, text, [timex(text, "Tuesday", "2025-03-18")], case), "call")
    assert (call.date, call.date_precision) == ("2025-03-18", "day")


def test_participants_are_case_actors_subject_first(case_nlp, case):
    text = "Vladimir Putin rejected the proposal from Donald Trump on Tuesday."
    rejection = only(
        events(case_nlp, text, [timex(text, "Tuesday", "2025-03-18")], case), "rejection"
    )
    assert rejection.actors[:2] == ("russia", "united_states")


def test_week_precision_is_kept(case_nlp, case):
    text = "Ukraine agreed to the plan with the United States last week."
    agreement = only(
        events(case_nlp, text, [timex(text, "last week", "2025-W11")], case), "agreement"
    )
    assert (agreement.date, agreement.date_precision) == ("2025-W11", "week")


def test_undated_sentence_inherits_no_date(case_nlp, case):
    text = "Trump spoke to Putin on Tuesday. Russia attacked the grid in Ukraine."
    found = events(case_nlp, text, [timex(text, "Tuesday", "2025-03-18")], case)
    assert only(found, "attack").date is None


def test_hypothetical_trigger_is_not_an_event(case_nlp, case):
    text = "Russia would attack Ukraine if the talks failed on Tuesday."
    found = events(case_nlp, text, [timex(text, "Tuesday", "2025-03-18")], case)
    assert not [e for e in found if e.type == "attack"]


def test_negated_agreement_is_a_rejection(case_nlp, case):
    text = "Putin did not agree to the full ceasefire on Tuesday."
    found = events(case_nlp, text, [timex(text, "Tuesday", "2025-03-18")], case)
    assert [e.type for e in found] == ["rejection"]


def test_call_for_is_not_a_phone_call(case_nlp, case):
    text = "On Monday, Ukraine renewed its calls for a ceasefire with Russia."
    found = events(case_nlp, text, [timex(text, "Monday", "2025-03-17")], case)
    assert not [e for e in found if e.type == "call"]


def test_bare_speech_verb_needs_a_date(case_nlp, case):
    text = "Putin said that Russia wanted peace."
    assert events(case_nlp, text, [], case) == []


def test_remarks_to_reporters_are_a_statement_even_undated(case_nlp, case):
    text = "Putin told reporters that Russia wanted peace."
    statement = only(events(case_nlp, text, [], case), "statement")
    assert statement.date is None and statement.dating == "no time expression"


def test_dated_speech_verb_is_a_statement(case_nlp, case):
    text = "Sergei Lavrov told reporters on Monday that Russia wanted peace."
    statement = only(
        events(case_nlp, text, [timex(text, "Monday", "2025-03-17")], case), "statement"
    )
    assert statement.actors == ("russia",)


def test_year_less_value_takes_the_publication_year(case_nlp, case):
    text = "Trump held a phone call with Putin on February 12."
    found = events(case_nlp, text, [timex(text, "February 12", "XXXX-02-12")], case)
    assert only(found, "call").date == "2025-02-12"


def test_date_inside_another_noun_phrase_dates_nothing(case_nlp, case):
    text = "Zelensky warned the leaders travelling to the 9 May parade."
    found = events(case_nlp, text, [timex(text, "9 May", "2025-05-09")], case)
    assert all(e.date is None for e in found)


def test_summary_is_short_and_evidence_points_into_the_text(case_nlp, case):
    text = (
        "After a long and difficult conversation that lasted for more than two hours and "
        "touched on energy, shipping, prisoners, sanctions relief and a dozen other subjects "
        "of mutual interest, Vladimir Putin agreed with Donald Trump on Tuesday to halt strikes "
        "on energy infrastructure for thirty days while technical teams met in the Gulf."
    )
    agreement = only(
        events(case_nlp, text, [timex(text, "Tuesday", "2025-03-18")], case), "agreement"
    )
    assert len(agreement.summary) <= 200
    assert agreement.start <= text.index("agreed") < agreement.end


def test_works_without_a_case(nlp):
    text = "Vladimir Putin met Donald Trump in Helsinki on Monday."
    meeting = only(events(nlp, text, [timex(text, "Monday", "2025-03-17")]), "meeting")
    assert "Vladimir Putin" in meeting.actors and meeting.date == "2025-03-17"
