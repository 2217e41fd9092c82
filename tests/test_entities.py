"""Entity mentions from one parsed article: keys, labels, descriptors and actors."""

from __future__ import annotations

from parley.extract.entities import extract_mentions, surname_variant


def mentions(nlp, text, case=None):
    return extract_mentions(nlp(text), None, case)


def by_text(found, text):
    return [m for m in found if m.text == text]


def test_surname_takes_the_full_name_of_the_article_as_key(nlp):
    found = mentions(nlp, "Vladimir Putin met the envoy. Later Putin said he was pleased.")
    assert {m.key for m in by_text(found, "Putin")} == {"Vladimir Putin"}


def test_title_premodifier_becomes_descriptor_not_name(nlp):
    found = mentions(nlp, "Russian President Vladimir Putin spoke on Tuesday.")
    person = next(m for m in found if m.label == "PERSON")
    assert (person.key, person.descriptor) == ("Vladimir Putin", "Russian President")


def test_office_premodifier_becomes_descriptor(nlp):
    found = mentions(nlp, "State Department spokeswoman Tammy Bruce confirmed the news.")
    person = next(m for m in found if m.label == "PERSON")
    assert person.descriptor == "State Department spokeswoman"


def test_apposition_becomes_descriptor(nlp):
    text = "Maria Olsen, a former senior adviser on trade at the Treasury, said the deal was weak."
    person = next(m for m in mentions(nlp, text) if m.label == "PERSON")
    assert person.descriptor.startswith("a former senior adviser on trade")


def test_possessive_is_not_part_of_the_name(nlp):
    found = mentions(nlp, "Joe Biden’s administration brokered the deal.")
    assert [m.text for m in found if m.label == "PERSON"] == ["Joe Biden"]


def test_nationality_adjective_is_norp_not_a_place(nlp):
    found = mentions(nlp, "Ukrainian drones hit the depot while Ukrainian officials watched.")
    assert [m.label for m in found if m.text == "Ukrainian"] == ["NORP", "NORP"]


def test_surname_tagged_as_organisation_becomes_the_person(nlp):
    text = "Donald Trump spoke first. Trump’s call with the envoy was long."
    assert {m.label for m in by_text(mentions(nlp, text), "Trump")} == {"PERSON"}


def test_case_names_carry_their_actor(case_nlp, case):
    found = mentions(case_nlp, "Officials in Kyiv and Moscow reacted to Sergei Lavrov.", case)
    actors = {m.text: m.actor for m in found}
    assert (actors["Kyiv"], actors["Moscow"], actors["Sergei Lavrov"]) == (
        "ukraine",
        "russia",
        "russia",
    )


def test_spelling_variant_of_a_case_person_gets_the_actor(case_nlp, case):
    found = mentions(case_nlp, "President Volodymyr Zelenskyy travelled abroad.", case)
    assert [m.actor for m in found if m.label == "PERSON"] == ["ukraine"]


def test_demonym_maps_to_the_case_actor(case_nlp, case):
    found = mentions(case_nlp, "Russian officials said nothing.", case)
    assert [m.actor for m in found if m.text == "Russian"] == ["russia"]


def test_without_case_no_actor_is_invented(nlp):
    found = mentions(nlp, "Vladimir Putin visited Moscow.")
    assert [m.text for m in found] == ["Vladimir Putin", "Moscow"]
    assert all(m.actor is None for m in found)


def test_spans_point_at_the_mention_text(nlp):
    text = "The Carnegie Endowment for International Peace published a report."
    found = mentions(nlp, text)
    assert found and all(text[m.start : m.end] == m.text for m in found)


def test_surname_variants():
    assert surname_variant("Zelensky", "Zelenskyy")
    assert not surname_variant("Hill", "Hall")


def test_surname_mislabelled_by_the_model_is_the_person_named_in_full(nlp):
    from parley.extract.entities import extract_mentions

    doc = nlp("Anna Kovalenko wrote a report. Kovalenko said little had changed.")
    assert [(e.text, e.label_) for e in doc.ents][-1] == ("Kovalenko", "ORG")  # the model's
    mentions = {m.text: m for m in extract_mentions(doc)}
    assert (mentions["Kovalenko"].label, mentions["Kovalenko"].key) == ("PERSON", "Anna Kovalenko")


def test_particle_surname_is_keyed_to_the_full_name(nlp):
    from parley.extract.entities import extract_mentions

    doc = nlp("Khalil al-Rami led the delegation. Rami said the talks would go on.")
    keys = {m.text: m.key for m in extract_mentions(doc) if m.label == "PERSON"}
    assert keys.get("Rami") == "Khalil al-Rami"
