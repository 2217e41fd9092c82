"""Classes of sentences the timeline meets in real coverage, one test each (our own sentences).

Every test runs the real tagger and extractor on a short text published on Wednesday
19 March 2025 (Monday is the 17th, Tuesday the 18th, Saturday the 15th).
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.articles.model import Article
from parley.extract.entities import extract_mentions
from parley.extract.events import extract_events
from parley.extract.timex import find_timexes

WEDNESDAY = date(2025, 3, 19)


def run(nlp, text, published=WEDNESDAY):
    doc = nlp(text)
    article = Article(id="a1", source="t.txt", text=text, published=published)
    mentions = extract_mentions(doc, article, None)
    return extract_events(doc, article, None, mentions, find_timexes(doc, published))


def of_type(found, kind):
    matching = [e for e in found if e.type == kind]
    assert matching, found
    return matching


def dates(found, kind):
    return [e.date for e in of_type(found, kind)]


# A clause that reports no event of its own dates the event it carries ------------------


def test_participle_clause_of_a_plain_verb_takes_its_date(nlp):
    text = "The northern president signed a decree on Monday suspending the fishing accord."
    assert dates(run(nlp, text), "walkout") == ["2025-03-17"]


def test_participle_clause_after_an_infinitive_takes_the_date(nlp):
    text = "The spokeswoman tried on Tuesday to calm markets, telling reporters that talks go on."
    assert dates(run(nlp, text), "statement") == ["2025-03-18"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On Monday, the northern parliament voted to suspend the fishing accord.", "walkout"),
        ("The move followed the minister's decision on Monday to raise the tariff.", "sanctions"),
        ("The two states on Monday began the process of restoring the sanctions.", "sanctions"),
    ],
)
def test_an_implicative_word_dates_the_event_it_carries_out(nlp, text, kind):
    assert dates(run(nlp, text), kind) == ["2025-03-17"]


def test_a_simultaneous_participle_clause_shares_the_date(nlp):
    text = "Anna Lind announced the summit on Monday while hosting Omar Haddad in Lisbon."
    found = run(nlp, text)
    assert dates(found, "statement") == ["2025-03-17"]
    assert "2025-03-17" in dates(found, "meeting")


# A date hung on an argument of the verb dates the verb -----------------------------------


def test_date_after_a_purpose_phrase_dates_the_verb(nlp):
    text = "The north recalled its envoys to the two capitals for consultations on Saturday."
    found = run(nlp, text)
    assert dates(found, "walkout") == ["2025-03-15"]
    assert not [e for e in found if e.type == "talks" and e.date]


def test_date_after_a_plan_put_to_a_summit_dates_the_proposal(nlp):
    text = "The southern state will put the harbour plan to a regional summit on Tuesday."
    found = run(nlp, text)
    assert dates(found, "proposal") == ["2025-03-25"]


def test_light_verb_takes_its_type_from_its_object_not_from_any_phrase(nlp):
    text = "Anna Lind set the tone in a post on Friday suggesting a lower tariff."
    found = run(nlp, text)
    assert dates(found, "statement") == ["2025-03-14"]


def test_a_plan_handed_to_a_minister_is_no_release(nlp):
    text = "The plan was handed to the northern minister Omar Haddad on Saturday."
    found = run(nlp, text)
    assert [e for e in found if e.type == "release"] == []


def test_an_answer_delivered_is_a_proposal(nlp):
    text = "The rebels delivered their answer to the mediators on Thursday."
    assert dates(run(nlp, text), "proposal") == ["2025-03-13"]


# What the story has not reached yet ---------------------------------------------------------


def test_a_past_mention_never_links_to_a_later_scheduled_occasion(nlp):
    text = (
        "The envoys held their first session in Lisbon on Saturday and agreed to meet again "
        "next Saturday. Omar Haddad told state radio after the meeting that the mood was calm."
    )
    assert dates(run(nlp, text), "statement") == ["2025-03-15"]


def test_earlier_the_same_day_counts_from_a_day_already_told(nlp):
    text = (
        "Anna Lind answered on Friday. In a post, she said the tariff would rise from May 1. "
        "Earlier the same day she had said there was no reason to meet Omar Haddad."
    )
    assert dates(run(nlp, text), "statement")[-1] == "2025-03-14"


# By a time, in a past clause --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "By Tuesday afternoon the envoy had posted a statement on Fieldpost.",
        "By Tuesday morning Anna Lind was scolding both sides in front of reporters.",
    ],
)
def test_by_a_time_in_a_past_clause_dates_the_event(nlp, text):
    assert dates(run(nlp, text), "statement") == ["2025-03-18"]


def test_by_a_time_in_a_future_clause_is_a_deadline(nlp):
    text = "The rebels must free the hostages by Saturday, Anna Lind said on Monday."
    assert [e for e in run(nlp, text) if e.type == "release" and e.date] == []


def test_a_deadline_deep_in_its_phrase_dates_nothing(nlp):
    text = "Earlier on Friday, Anna Lind gave the rebels until 6 p.m. Lisbon time on Sunday to act."
    assert dates(run(nlp, text), "ultimatum") == ["2025-03-14"]


# Anchors and occasions -------------------------------------------------------------------


def test_the_next_morning_is_the_day_after_the_event_told_before(nlp):
    text = "The council condemned the blockade on March 12, and drones struck the next morning."
    assert dates(run(nlp, text), "attack") == ["2025-03-13"]


def test_talks_ending_in_a_signing_are_on_its_day(nlp):
    text = (
        "The two ministers signed the accord in Lisbon on Tuesday after a day of talks "
        "hosted by the Portuguese foreign minister."
    )
    assert dates(run(nlp, text), "talks") == ["2025-03-18"]


def test_calling_something_names_it_on_a_day(nlp):
    text = (
        "The northern parliament suspended the accord on Monday. "
        "The southern foreign ministry called it a devastating signal the same day."
    )
    assert dates(run(nlp, text), "statement") == ["2025-03-17"]


def test_a_motion_that_failed_is_a_rejection(nlp):
    text = "On March 12, a resolution to keep the tariff relief in place failed."
    assert dates(run(nlp, text), "rejection") == ["2025-03-12"]


def test_a_mechanism_named_by_a_sanction_word_is_sanctions(nlp):
    text = "The three states triggered the so-called snapback mechanism on Monday."
    assert dates(run(nlp, text), "sanctions") == ["2025-03-17"]


def test_speaking_face_to_face_is_a_meeting(nlp):
    text = "As the session ended on Saturday, the two envoys spoke face to face for a few minutes."
    assert "2025-03-15" in dates(run(nlp, text), "meeting")


def test_an_offer_made_more_than_once_is_no_occasion(nlp):
    text = "The north, which has ties with the rebels, has offered more than once to host talks."
    assert [e for e in run(nlp, text) if e.type == "proposal"] == []


def test_a_complement_clause_misread_as_relative_is_reported(nlp):
    text = (
        "Anna Lind told reporters at the regional summit on Wednesday that northern and "
        "southern officials would talk next week."
    )
    found = run(nlp, text)
    assert dates(found, "talks") == ["2025-W13"]
    assert not [e for e in found if e.type == "meeting" and e.date == "2025-W13"]


# The story's scene ---------------------------------------------------------------------


def test_a_call_told_after_the_scene_is_on_its_day_approximately(nlp):
    text = (
        "On Tuesday at the harbour office, Anna Lind unveiled a new fishing plan. "
        "Before leaving the office, she phoned the northern minister Omar Haddad."
    )
    call = of_type(run(nlp, text), "call")[0]
    assert (call.date, call.approximate, call.dating) == ("2025-03-18", True, "narrative")


def test_a_statement_to_someone_told_after_the_scene_is_on_its_day(nlp):
    text = "Anna Lind met Omar Haddad in Lisbon on Tuesday. Haddad told her the blockade must end."
    assert dates(run(nlp, text), "statement") == ["2025-03-18"]


def test_an_analysis_recalling_an_older_day_sets_no_scene(nlp):
    text = (
        "On March 3, at the harbour office in Lisbon, Anna Lind unveiled a new fishing plan "
        "for the two coasts. Before leaving the office, she phoned the minister Omar Haddad."
    )
    assert [e.date for e in of_type(run(nlp, text), "call")] == [None]


def test_a_bare_quote_after_the_scene_stays_undated(nlp):
    text = (
        "Anna Lind met Omar Haddad in Lisbon on Tuesday. "
        "Haddad said the blockade must end, and the rebels agreed to talk."
    )
    assert not [e for e in run(nlp, text) if e.dating == "narrative"]


def test_a_live_blog_entry_dates_by_the_day_it_has_reached(nlp):
    text = (
        "Live\n\n00:20 GMT\n\nSpeaking to reporters just before midnight on Tuesday, "
        "Anna Lind said the envoys had agreed a framework.\n\n"
        "The talks were difficult, she said."
    )
    found = run(nlp, text)
    assert {e.date for e in of_type(found, "statement")} == {"2025-03-18"}


def test_an_entry_does_not_date_what_its_statements_report(nlp):
    text = "Live\n\n10:05 GMT\n\nAnna Lind said the envoys would meet the 20% agreed in Lisbon."
    assert [e for e in run(nlp, text) if e.type == "agreement" and e.date] == []


# Reported and announced ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "approximate"),
    [
        ("The two states have agreed to a ceasefire, the mediator announced on Monday.", False),
        ("The mediator announced on Monday that the two states had agreed to a ceasefire.", True),
    ],
)
def test_a_perfect_reported_by_a_dated_statement_is_on_its_day(nlp, text, approximate):
    agreement = of_type(run(nlp, text), "agreement")[0]
    assert (agreement.date, agreement.approximate) == ("2025-03-17", approximate)


def test_a_lead_with_a_trailing_attribution_follows_the_lead_convention(nlp):
    text = (
        "The rebels have accepted a new ceasefire proposal put forward by the mediators, "
        "officials from both sides said."
    )
    agreement = of_type(run(nlp, text), "agreement")[0]
    assert (agreement.date, agreement.approximate) == ("2025-03-19", True)


def test_state_media_are_no_speaker(nlp):
    text = "Northern state media said on Monday that the talks had been candid."
    assert [e for e in run(nlp, text) if e.type == "statement"] == []


def test_another_speaker_conjoined_takes_no_date_from_the_clause(nlp):
    text = "On Tuesday Anna Lind scolded both sides, and the rebels said they had agreed to it."
    assert [e.date for e in run(nlp, text) if e.trigger == "said"] == []


def test_an_event_days_before_a_present_clause_counts_from_today(nlp):
    text = (
        "Two days after Anna Lind announced on Fieldpost that a deal was done, "
        "the northern capital has said little."
    )
    assert dates(run(nlp, text), "statement") == ["2025-03-17"]


# Measures --------------------------------------------------------------------------------


def test_a_change_of_a_sanction_is_sanctions(nlp):
    text = "Anna Lind signed an order on Monday extending the suspension of the higher tariffs."
    assert dates(run(nlp, text), "sanctions") == ["2025-03-17"]


def test_what_a_container_noun_carries_is_acted_on(nlp):
    text = "The northern state halted the entry of all fuel and medicine into the port on Sunday."
    assert dates(run(nlp, text), "aid") == ["2025-03-16"]


def test_a_measure_added_along_with_another_is_its_own_mention(nlp):
    text = (
        "Anna Lind said on Monday that the south would impose a tariff of 50% from May 1, "
        "along with export controls on fishing gear."
    )
    found = run(nlp, text)
    assert {e.date for e in of_type(found, "sanctions")} == {"2025-05-01"}
    assert len(of_type(found, "sanctions")) == 2


def test_aid_that_crosses_is_aid(nlp):
    text = "Hundreds of aid trucks crossed into the port city on Sunday, the relief office said."
    assert dates(run(nlp, text), "aid") == ["2025-03-16"]


@pytest.mark.parametrize(
    "text",
    [
        "The threatened tariff was off the table on Monday, Anna Lind said.",
        "If the talks fail on Monday, the tariff comes back.",
    ],
)
def test_a_threatened_or_conditional_measure_is_no_event(nlp, text):
    assert [e for e in run(nlp, text) if e.type == "sanctions" and e.date] == []


# Who, what, where -------------------------------------------------------------------------


def test_a_demand_with_a_deadline_is_an_ultimatum(nlp):
    text = "Anna Lind on Monday demanded that the rebels free every hostage by noon on Saturday."
    assert dates(run(nlp, text), "ultimatum") == ["2025-03-17"]


def test_visiting_a_facility_is_no_meeting(nlp):
    text = "On Monday Anna Lind visited the border crossing with Omar Haddad."
    assert [e for e in run(nlp, text) if e.type == "meeting"] == []


def test_a_general_strike_is_no_attack(nlp):
    text = "On Sunday hundreds of thousands joined a general strike in the capital."
    assert [e for e in run(nlp, text) if e.type == "attack"] == []


def test_leaving_the_government_is_a_walkout(nlp):
    text = "The Harbour party announced on Sunday that it had left the government in protest."
    assert dates(run(nlp, text), "walkout") == ["2025-03-16"]


def test_people_handed_over_by_pronoun_are_released(nlp):
    text = (
        "Anna Lind and Omar Haddad crossed the border after the rebels handed them "
        "to the Red Cross on Sunday."
    )
    assert dates(run(nlp, text), "release") == ["2025-03-16"]


def test_a_relative_pronoun_stands_for_its_noun(nlp):
    text = "The envoys met on Monday, four days into the ceasefire that took effect on Thursday."
    assert "2025-03-13" in dates(run(nlp, text), "agreement")


def test_a_where_clause_of_a_dated_place_happened_then(nlp):
    text = (
        "The deal was prepared on Saturday in Lisbon, where Anna Lind and Omar Haddad "
        "met for two days."
    )
    assert dates(run(nlp, text), "meeting") == ["2025-03-15"]


def test_a_plan_put_to_a_meeting_dates_the_meeting_too(nlp):
    text = "The southern state will put the harbour plan to a regional summit in Lisbon on Tuesday."
    found = run(nlp, text)
    assert dates(found, "meeting") == ["2025-03-25"] and dates(found, "proposal") == ["2025-03-25"]


def test_a_release_planned_for_a_weekday_is_the_next_one(nlp):
    text = (
        "The militia said it would delay the release of the next group of hostages, "
        "planned for Saturday, until further notice."
    )
    assert dates(run(nlp, text), "release") == ["2025-03-22"]


def test_a_pronoun_is_the_person_last_named_as_a_subject(nlp):
    text = (
        "Anna Lind weighed in on Monday. She told reporters on Monday that the deal needed "
        "approval by Omar Haddad. She also told the council on Tuesday that the tariff would fall."
    )
    found = [e for e in run(nlp, text) if e.type == "statement"]
    assert len(found) == 2 and all(e.actors[:1] == ("Anna Lind",) for e in found)


# Series, second occasions, pronouns ------------------------------------------------------


def test_an_ordinal_standing_for_a_series_noun_is_a_mention(nlp):
    text = (
        "No date has been set for a sixth round of talks. "
        "The fifth, in Lisbon on March 12, ended with some progress."
    )
    assert "2025-03-12" in dates(run(nlp, text), "talks")


def test_a_second_dated_occasion_joined_by_and_is_its_own_mention(nlp):
    text = "The envoys met in Lisbon in January and in Oslo in February."
    found = run(nlp, text)
    assert {"2025-01", "2025-02"} <= set(dates(found, "meeting"))


def test_two_days_side_by_side_are_one_occasion(nlp):
    text = "The envoys met in Lisbon on Monday and Tuesday, officials said."
    assert dates(run(nlp, text), "meeting") == ["2025-W12"]


def test_it_stands_for_the_noun_just_named(nlp):
    text = "The licensing system stays. The north introduced it in January for fishing gear."
    found = [e for e in run(nlp, text) if e.trigger == "introduced"]
    assert [(e.type, e.date) for e in found] == [("sanctions", "2025-01")]


def test_announcing_a_measure_is_the_measure(nlp):
    text = "The ministry announced on Thursday that exports of fishing gear would need a licence."
    found = run(nlp, text)
    assert dates(found, "sanctions") == ["2025-03-13"]
    assert [e for e in found if e.type == "statement"] == []


def test_the_other_half_of_an_exchange_is_on_the_scene_day(nlp):
    text = (
        "Anna Lind said on Tuesday that the south would cut its tariff after a meeting "
        "with Omar Haddad on Tuesday. In return, the north agreed to reopen the port."
    )
    agreement = of_type(run(nlp, text), "agreement")[0]
    assert (agreement.date, agreement.dating) == ("2025-03-18", "narrative")


def test_an_opening_participle_of_speech_after_the_scene_is_on_its_day(nlp):
    text = (
        "Anna Lind met Omar Haddad in Lisbon on Tuesday. "
        "Speaking to reporters on the flight home, Lind said the talks had gone well."
    )
    assert "2025-03-18" in dates(run(nlp, text), "statement")


def test_what_someone_said_is_no_occasion(nlp):
    text = "Consider what the two sides actually said this week about the port."
    assert [e for e in run(nlp, text) if e.type == "statement"] == []


def test_a_warning_addressed_to_a_party_is_an_ultimatum(nlp):
    text = "On Sunday Anna Lind warned the rebels that they must leave the port or face force."
    assert dates(run(nlp, text), "ultimatum") == ["2025-03-16"]


def test_a_warning_to_nobody_in_particular_is_a_statement(nlp):
    text = "On Sunday Anna Lind warned that the rebels would face force."
    assert [e for e in run(nlp, text) if e.type == "ultimatum"] == []


def test_conditions_that_were_met_are_no_meeting(nlp):
    text = "The north said on Monday it would return when its conditions were met."
    assert [e for e in run(nlp, text) if e.type == "meeting"] == []


def test_places_are_no_participants_with_a_case(case_nlp, case):
    text = "Russian drones struck homes from Lviv in the west to the south on Monday."
    doc = case_nlp(text)
    article = Article(id="a1", source="t.txt", text=text, published=WEDNESDAY)
    mentions = extract_mentions(doc, article, case)
    found = extract_events(doc, article, case, mentions, find_timexes(doc, WEDNESDAY))
    actors = {a for e in found for a in e.actors}
    assert found and "Lviv" not in actors
