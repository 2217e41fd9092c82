"""The case-entity component: case names become entities with the right label and actor."""

from __future__ import annotations


def ents(doc):
    return {e.text: (e.label_, e.ent_id_) for e in doc.ents}


def test_capital_is_a_place_of_its_actor(case_nlp):
    found = ents(case_nlp("Officials in Kyiv welcomed the plan on Monday."))
    assert found["Kyiv"] == ("GPE", "ukraine")


def test_leader_surname_is_a_person_of_its_actor(case_nlp):
    found = ents(case_nlp("Trump said the talks would resume soon."))
    assert found["Trump"] == ("PERSON", "united_states")


def test_full_name_is_one_entity(case_nlp):
    found = ents(case_nlp("Russian President Vladimir Putin spoke by phone."))
    assert found["Vladimir Putin"] == ("PERSON", "russia")


def test_abbreviation_matches_only_in_capitals(case_nlp):
    assert "us" not in ents(case_nlp("They told us nothing new."))
    assert ents(case_nlp("The US delegation arrived."))["US"][1] == "united_states"


def test_other_entities_are_kept(case_nlp):
    found = ents(case_nlp("Trump met Emmanuel Macron in Paris."))
    assert found["Emmanuel Macron"][0] == "PERSON"
    assert found["Emmanuel Macron"][1] == ""


def test_without_a_case_the_model_alone_runs(nlp):
    assert "parley_case_entities" not in nlp.pipe_names
    assert any(e.label_ == "PERSON" for e in nlp("Emmanuel Macron spoke in Paris.").ents)
