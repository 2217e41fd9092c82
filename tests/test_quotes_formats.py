"""Quotation formats and attribution classes beyond "X said": other quotation marks, signed
quotes, headlines, framing verbs and nouns, announced statements, described bodies. One test
per class, on invented sentences."""

from __future__ import annotations

from parley.extract.quotes import Quote, extract_quotes
from parley.extract.quotes.marks import find_quote_spans


def quotes(nlp, text: str) -> list[Quote]:
    return [q for q in extract_quotes(nlp(text)) if q.kind != "indirect"]


def pairs(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes(nlp, text)]


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


# -- quotation marks ----------------------------------------------------------------------------


def test_doubled_apostrophes_pair_as_quotation_marks(nlp):
    text = "''The harvest is late this year,'' said Tomas Weller, a grain trader in Linz."
    assert pairs(nlp, text) == [("The harvest is late this year", "Tomas Weller")]


def test_doubled_apostrophes_around_a_fragment_in_a_sentence():
    text = "He said the board was ''looking hard at every option'' before the vote."
    assert spans(text) == ["looking hard at every option"]


def test_grave_pairs_open_a_quote():
    assert spans("``We will not sign,'' she said.") == ["We will not sign"]


def test_curly_single_marks_pair_at_word_edges():
    text = "Weller: Grain Talks Are ‘Going Nowhere’ After Third Round"
    assert spans(text) == ["Going Nowhere"]


def test_apostrophes_inside_words_are_not_quotation_marks():
    text = "The union’s chief didn’t say it, and the ’90s deal wasn’t mentioned."
    assert spans(text) == []


def test_single_marks_inside_a_double_quote_stay_in_it():
    text = "“She told me ‘never again’ and left,” Tomas Weller said."
    assert spans(text) == ["She told me ‘never again’ and left"]


def test_a_closing_mark_after_a_space_still_closes_the_quote():
    text = 'Weller said: "We asked for a fair price, and we got nothing, " before leaving.'
    assert spans(text) == ["We asked for a fair price, and we got nothing"]


def test_an_opening_mark_before_an_ellipsis_opens_the_quote():
    text = "The letter read: “ … and the growers will not wait another season.”"
    assert spans(text) == ["and the growers will not wait another season."]


def test_an_invisible_direction_mark_before_a_quote_is_a_space():
    text = "Growers wrote back.\n\u202a”We are tired of waiting for the ministry!” posted Ana Ruiz."
    assert spans(text) == ["We are tired of waiting for the ministry!"]


# -- signed quotes ------------------------------------------------------------------------------


def test_a_quote_signed_with_a_dash_and_a_name(nlp):
    text = (
        "Readers wrote in.\n"
        "“The talks have gone on far too long.” ― Ana Ruiz\n"
        "“Nobody asked the farmers what they need.” — Tomas L. Weller, a grower."
    )
    assert pairs(nlp, text) == [
        ("The talks have gone on far too long.", "Ana Ruiz"),
        ("Nobody asked the farmers what they need.", "Tomas L. Weller"),
    ]


def test_a_signature_on_the_line_after_the_quote(nlp):
    text = '"The port must reopen before the winter."\n\n- Sen. Ana Ruiz, at the rally.'
    assert [q.speaker for q in quotes(nlp, text)] == ["Ana Ruiz"]


def test_a_dash_followed_by_a_clause_is_no_signature(nlp):
    text = "“The port must reopen before winter,” Ana Ruiz said — and the crowd cheered."
    assert [q.speaker for q in quotes(nlp, text)] == ["Ana Ruiz"]


# -- short quotes that are speech -----------------------------------------------------------------


def test_a_short_quote_that_is_a_sentence_of_its_own_is_speech(nlp):
    text = "“We are close to a deal,” Tomas Weller said. “Very close.”"
    assert pairs(nlp, text) == [
        ("We are close to a deal", "Tomas Weller"),
        ("Very close.", "Tomas Weller"),
    ]


def test_a_question_followed_by_its_attribution(nlp):
    text = "“Who pays for it?” the minister asked the growers."
    assert [q.text for q in quotes(nlp, text)] == ["Who pays for it?"]


def test_a_quote_framed_by_as_after_a_verb_is_the_subjects(nlp):
    text = "Ana Ruiz dismissed the new tariff schedule as “pure theatre” on Monday."
    assert pairs(nlp, text) == [("pure theatre", "Ana Ruiz")]


def test_a_quote_after_known_as_is_a_name_not_speech(nlp):
    text = "The plan, known as “Green Harbour,” was shelved in March."
    assert pairs(nlp, text) == []


def test_words_inside_a_speech_nouns_phrase_are_its_owners(nlp):
    text = "Tomas Weller’s claim that growers lost “every single market” was disputed."
    assert pairs(nlp, text) == [("every single market", "Tomas Weller")]


def test_a_title_noun_right_before_a_capitalised_quote_makes_a_title(nlp):
    text = "Ana Ruiz praised the documentary “Fields of Rye” at the festival."
    assert pairs(nlp, text) == []


def test_a_title_noun_before_a_lower_case_quote_is_no_title(nlp):
    text = "Tomas Weller said the aid program “is failing the smallest growers.”"
    assert pairs(nlp, text) == [("is failing the smallest growers.", "Tomas Weller")]


# -- headlines ----------------------------------------------------------------------------------


def test_a_headline_quote_takes_the_name_before_the_colon(nlp):
    text = "Weller: Grain Talks Are ‘Going Nowhere’ After Third Round\n\nThe talks stalled again."
    assert [q.speaker for q in quotes(nlp, text)] == ["Weller"]


def test_a_headline_quote_takes_the_name_of_a_closing_speech_verb(nlp):
    text = "Export Deal ‘Within Reach,’ Says Ana Ruiz\n\nNegotiators met in Linz."
    assert [q.speaker for q in quotes(nlp, text)] == ["Ana Ruiz"]


def test_a_headline_quote_takes_the_name_opening_the_line(nlp):
    text = "Ana Ruiz Calls Tariff Plan ‘A Gift To Smugglers’\n\nThe minister spoke in Linz."
    assert [q.speaker for q in quotes(nlp, text)] == ["Ana Ruiz"]


# -- attributions that are not a bare speech verb ------------------------------------------------


def test_a_phrasal_speech_verb_attributes_the_quote(nlp):
    text = "“The numbers do not add up,” Ana Ruiz pointed out."
    assert [(q.speaker, q.cue) for q in quotes(nlp, text)] == [("Ana Ruiz", "point out")]


def test_a_statement_announced_before_a_colon(nlp):
    text = "On Friday, Ana Ruiz made the following statement:\n\n“We will not sign this deal.”"
    assert [q.speaker for q in quotes(nlp, text)] == ["Ana Ruiz"]


def test_a_quote_after_an_attribution_with_a_relative_clause(nlp):
    text = (
        "“It was a long night,” said Tomas Weller, a trader who called the talks a farce. "
        "“Nobody slept.”"
    )
    assert [q.speaker for q in quotes(nlp, text)] == ["Tomas Weller", "Tomas Weller"]


def test_a_later_sentence_opening_with_an_adverb_is_not_the_attribution(nlp):
    text = (
        "“Prices will fall,” Tomas Weller said. “Everybody knows it, right?” Later, Ana Ruiz "
        "claimed the opposite."
    )
    assert [q.speaker for q in quotes(nlp, text)] == ["Tomas Weller", "Tomas Weller"]


def test_a_naming_participle_is_not_a_speech_verb(nlp):
    text = (
        "“We expect five thousand growers,” said Ana Ruiz, who leads a group called Fair "
        "Fields. “They will all come.”"
    )
    assert [q.speaker for q in quotes(nlp, text)] == ["Ana Ruiz", "Ana Ruiz"]


# -- names and described bodies -----------------------------------------------------------------


def test_a_name_glued_to_a_live_blog_time_stamp(nlp):
    text = "Updated at 4:15 p.m. EDTOmar Haddad said: “We accept the proposal in full.”"
    assert [q.speaker for q in quotes(nlp, text)] == ["Omar Haddad"]


def test_a_round_up_source_line_with_an_outlet(nlp):
    text = 'Ana Ruiz, The Linz Courier:\n"The growers have run out of patience with both sides."'
    assert [q.speaker for q in quotes(nlp, text)] == ["Ana Ruiz"]


def test_a_spokesperson_named_after_a_comma(nlp):
    text = (
        "“The border stays open,” the ministry’s spokesman, Omar Haddad, told reporters on Monday."
    )
    assert [q.speaker for q in quotes(nlp, text)] == ["Omar Haddad"]


def test_the_statement_said_after_a_speaker_with_no_earlier_statement(nlp):
    text = (
        "On Saturday, Prime Minister Omar Haddad's office said the port would stay closed. "
        '"The port will reopen when the talks end," the statement said.'
    )
    assert [q.speaker for q in quotes(nlp, text)] == ["Prime Minister Omar Haddad's office"]


def test_a_state_body_with_no_owner_is_the_countrys(nlp):
    text = (
        "Austria said on Sunday that it would answer any new tariff. In a statement, the "
        "trade ministry accused its neighbour of bad faith. “We do not want a trade war,” a "
        "ministry spokesperson said."
    )
    assert [q.speaker for q in quotes(nlp, text)] == ["Austria's trade ministry"]


def test_an_organisation_name_without_its_kind_noun(nlp):
    text = "The Fair Fields party said it would leave the coalition, calling the deal “a trap.”"
    assert [q.speaker for q in quotes(nlp, text)] == ["Fair Fields"]
