"""Quote extraction on small invented sentences: one behaviour per test."""

from __future__ import annotations

import pytest

from parley.extract.quotes import Quote, extract_quotes
from parley.extract.quotes.marks import find_quote_spans


def quotes(nlp, text: str, kind: str | None = None) -> list[Quote]:
    found = extract_quotes(nlp(text))
    return [q for q in found if kind is None or q.kind == kind]


def only(nlp, text: str, kind: str | None = None) -> Quote:
    found = quotes(nlp, text, kind)
    assert len(found) == 1, found
    return found[0]


def test_speaker_after_the_quote(nlp):
    quote = only(nlp, "“We will keep talking until there is a deal,” said Maria Lopez.")
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "Maria Lopez", "say")
    assert quote.text == "We will keep talking until there is a deal"


def test_speaker_before_the_quote(nlp):
    quote = only(nlp, "John Carter said: “The talks went well and we will meet again.”")
    assert (quote.kind, quote.speaker) == ("direct", "John Carter")


def test_offsets_point_at_the_quoted_words_and_the_speaker(nlp):
    text = "“The offer stands for another week,” said Maria Lopez."
    quote = only(nlp, text)
    assert text[quote.start : quote.end] == quote.text
    assert text[quote.speaker_start : quote.speaker_end] == "Maria Lopez"


def test_inverted_speaker_with_appositive_descriptor(nlp):
    text = "“The deal is fragile,” said Anna Berg, a former adviser to the foreign ministry."
    quote = only(nlp, text)
    assert quote.speaker == "Anna Berg"
    assert quote.speaker_descriptor == "a former adviser to the foreign ministry"


def test_title_before_the_name_is_the_descriptor(case_nlp):
    text = "Russian President Vladimir Putin said: “We are ready to talk about all of it.”"
    quote = only(case_nlp, text)
    assert quote.speaker == "Vladimir Putin"
    assert quote.speaker_descriptor == "Russian President"


def test_quote_interrupted_by_its_attribution_gives_two_quotes_one_speaker(nlp):
    text = "“The first part is true,” Helen Park said. “The second part is not.”"
    found = quotes(nlp, text)
    assert [q.text for q in found] == ["The first part is true", "The second part is not."]
    assert {q.speaker for q in found} == {"Helen Park"}


def test_pronoun_resolves_to_the_subject_not_the_nearest_name(nlp):
    text = "Peter Olsen praised the offer made by Karl Weiss. “It is a good start,” he said."
    quote = only(nlp, text)
    assert quote.speaker == "Peter Olsen"
    assert text[quote.speaker_start : quote.speaker_end] == "Peter Olsen"


def test_pronoun_resolves_to_the_last_speaker(nlp):
    text = (
        "The plan helped the government, said Omar Haddad, a senior analyst. "
        "“It was never going to be easy for anyone,” he said."
    )
    quote = only(nlp, text, "direct")
    assert quote.speaker == "Omar Haddad"


def test_multi_sentence_quote_is_one_quote(nlp):
    text = "“We came here. We talked for hours. We left with nothing,” said Omar Haddad."
    quote = only(nlp, text)
    assert quote.text == "We came here. We talked for hours. We left with nothing"
    assert quote.speaker == "Omar Haddad"


def test_curly_opening_with_straight_closing_mark(nlp):
    text = 'Lena Ross said: “The talks are over and everyone is going home."'
    quote = only(nlp, text)
    assert quote.text == "The talks are over and everyone is going home."
    assert quote.speaker == "Lena Ross"


def test_straight_and_curly_quotes_mixed_in_one_article(nlp):
    text = (
        '"We are not leaving the table," said Lena Ross.\n'
        "“Nobody wants another winter of war,” said Omar Haddad."
    )
    assert [q.speaker for q in quotes(nlp, text)] == ["Lena Ross", "Omar Haddad"]


def test_stray_mark_loses_only_its_own_paragraph():
    text = "A stray “ mark sits here.\n“We are leaving now,” said Ana Silva.\nMore text."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["We are leaving now"]


def test_quote_continued_over_paragraphs():
    text = "“First paragraph of the statement.\n“Second paragraph,” she said."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "First paragraph of the statement.",
        "Second paragraph",
    ]


def test_show_title_after_a_possessive_is_not_a_quote(nlp):
    text = "Trump said in an interview on Fox News’s “The Evening Hour” that talks went well."
    assert quotes(nlp, text, "direct") + quotes(nlp, text, "partial") == []


def test_video_title_is_not_a_quote(nlp):
    text = "The ministry posted a video titled “Peace Is Near Now” on Monday."
    assert quotes(nlp, text) == []


def test_single_word_scare_quote_without_speech_verb_is_not_a_quote(nlp):
    text = "The plan to deploy “peacekeeping” troops divided the allies."
    assert quotes(nlp, text) == []


def test_partial_quote_in_the_writers_sentence(case_nlp):
    quote = only(case_nlp, "Trump said the process was “in full force” after the call.", "partial")
    assert (quote.text, quote.speaker, quote.cue) == ("in full force", "Trump", "say")


def test_partial_quote_under_a_participle_takes_the_main_subject(nlp):
    text = "Maria Lopez left the room on Tuesday, saying a “contract for peace” was close."
    quote = only(nlp, text, "partial")
    assert quote.speaker == "Maria Lopez"


def test_organisation_speaks(case_nlp):
    quote = only(case_nlp, "“The proposal is unacceptable to us,” the Kremlin said.")
    assert quote.speaker == "Kremlin"


def test_indirect_speech_with_that(nlp):
    quote = only(nlp, "Maria Lopez said that the talks would resume next week.", "indirect")
    assert (quote.text, quote.speaker) == ("the talks would resume next week", "Maria Lopez")


def test_indirect_speech_told_reporters(nlp):
    quote = only(nlp, "Sam Reed told reporters the deal was close to done.", "indirect")
    assert quote.speaker == "Sam Reed"
    assert quote.text == "the deal was close to done"


def test_indirect_speech_according_to(nlp):
    text = "According to Maria Lopez, the talks will resume next week."
    quote = only(nlp, text, "indirect")
    assert (quote.speaker, quote.cue) == ("Maria Lopez", "according to")
    assert quote.text == "the talks will resume next week"


def test_standalone_quote_continues_the_previous_speaker(nlp):
    text = "“We need more time,” said Omar Haddad.\n“Nobody should expect a deal this month.”"
    found = quotes(nlp, text)
    assert [q.speaker for q in found] == ["Omar Haddad", "Omar Haddad"]


def test_unnamed_speaker_keeps_its_descriptor(nlp):
    quote = only(nlp, "“The talks are stuck,” said a senior European diplomat.")
    assert quote.speaker is None
    assert quote.speaker_descriptor == "a senior European diplomat"


@pytest.mark.parametrize("text", ["", "No quotes at all here.", "“", "“”", '"""'])
def test_messy_input_never_raises(nlp, text):
    assert extract_quotes(nlp(text)) == []  # nothing quoted in any of them


def test_two_reports_of_the_same_clause_are_one_indirect_quote(nlp):
    text = "Lena Ross said the border would reopen next week, according to state radio."
    found = quotes(nlp, text, "indirect")
    assert [q.speaker for q in found] == ["Lena Ross"]
