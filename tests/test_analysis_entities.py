"""Corpus-wide entity merging."""

from __future__ import annotations

from parley.analysis.entities import merge_entities, slug
from parley.extract.records import Mention


def m(text, key=None, label="PERSON", actor=None, descriptor=None):
    return Mention(0, len(text), text, label, key or text, actor, descriptor)


def test_surname_full_name_and_titled_name_are_one_entity():
    index = merge_entities(
        [
            ("a1", m("Putin", key="Vladimir Putin")),
            ("a1", m("Vladimir Putin", descriptor="Russian President")),
            ("a2", m("Vladimir Putin")),
        ]
    )
    assert [(e.name, e.mentions) for e in index.entities] == [("Vladimir Putin", 3)]


def test_spelling_variants_of_a_surname_merge():
    index = merge_entities(
        [("a1", m("Volodymyr Zelensky")), ("a2", m("Volodymyr Zelenskyy")), ("a3", m("Zelenskyy"))]
    )
    assert len(index.entities) == 1


def test_lone_surname_joins_the_unique_person_with_that_surname():
    index = merge_entities([("a1", m("Kurt Volker")), ("a2", m("Volker"))])
    assert index.entity_for("a2", "Volker").name == "Kurt Volker"


def test_ambiguous_lone_surname_stays_apart():
    index = merge_entities(
        [("a1", m("Jake Sullivan")), ("a2", m("Ann Sullivan")), ("a3", m("Sullivan"))]
    )
    assert len(index.entities) == 3


def test_descriptors_are_distinct_and_most_frequent_first():
    index = merge_entities(
        [
            ("a1", m("Fiona Hill", descriptor="a former adviser")),
            ("a2", m("Fiona Hill", descriptor="a senior fellow")),
            ("a3", m("Fiona Hill", descriptor="a senior fellow")),
            ("a4", m("Fiona Hill", descriptor="A senior  fellow")),
        ]
    )
    assert index.entities[0].descriptors == ["a senior fellow", "a former adviser"]


def test_entity_carries_actor_type_and_slug_id():
    index = merge_entities([("a1", m("Moscow", label="GPE", actor="russia"))])
    entity = index.entities[0]
    assert (entity.id, entity.type, entity.actor) == ("moscow", "GPE", "russia")


def test_nationality_adjectives_are_not_entities():
    assert len(merge_entities([("a1", m("Russian", label="NORP", actor="russia"))])) == 0


def test_entity_for_resolves_surface_forms_with_titles_and_possessives():
    index = merge_entities([("a1", m("Putin", key="Vladimir Putin")), ("a1", m("Vladimir Putin"))])
    for surface in ("Putin’s", "President Putin", "Russian President Vladimir Putin"):
        assert index.entity_for("a1", surface).name == "Vladimir Putin", surface


def test_entity_for_unknown_name_is_none():
    index = merge_entities([("a1", m("Vladimir Putin"))])
    assert index.entity_for("a1", "Angela Merkel") is None


def test_case_spelling_is_the_canonical_name(case):
    index = merge_entities(
        [("a1", m("Volodymyr Zelenskyy")), ("a2", m("Volodymyr Zelenskyy"))], case
    )
    assert (index.entities[0].name, index.entities[0].actor) == ("Volodymyr Zelensky", "ukraine")


def test_to_dict_has_the_export_fields():
    entity = merge_entities([("a1", m("Vladimir Putin"))]).entities[0]
    assert set(entity.to_dict()) == {
        "id",
        "name",
        "type",
        "aliases",
        "descriptors",
        "actor",
        "mentions",
    }


def test_slug_is_stable_and_ascii():
    assert slug("Center for Strategic & International Studies") == (
        "center-for-strategic-and-international-studies"
    )


def test_a_surname_without_its_particle_joins_the_full_name():
    index = merge_entities([("a1", m("Khalil al-Rami")), ("a2", m("Rami")), ("a3", m("al-Rami"))])
    assert [(e.name, e.mentions) for e in index.entities] == [("Khalil al-Rami", 3)]
    assert index.entity_for("a2", "Rami").name == "Khalil al-Rami"


def test_particles_between_given_name_and_surname_do_not_split_a_person():
    index = merge_entities([("a1", m("Mohammed bin Rashid")), ("a2", m("Mohammed Rashid"))])
    assert len(index.entities) == 1


def test_a_surname_the_model_tagged_as_a_facility_joins_the_person():
    index = merge_entities([("a1", m("Tatiana Orlova")), ("a2", m("Orlova", label="FAC"))])
    assert [(e.name, e.type, e.mentions) for e in index.entities] == [
        ("Tatiana Orlova", "PERSON", 2)
    ]


def test_a_one_word_organisation_does_not_join_a_person():
    index = merge_entities([("a1", m("Gerald Ford")), ("a2", m("Ford", label="ORG"))])
    assert len(index.entities) == 2
