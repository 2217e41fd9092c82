"""Plain-text captures: title, outlet, byline, dates, tags recovered; page chrome stripped."""

from __future__ import annotations

import json
from datetime import date

from parley.articles.model import Tag
from parley.articles.plaintext import clean_text, split_glued

BODY = "Negotiators met in Lisbon on Monday to discuss harbour fees, officials said."
MORE = "The southern delegation said it would reply within a week."


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_title_from_first_line_without_markdown_hash():
    cleaned = clean_text(f"# Harbour talks resume\n\n{BODY}")
    assert cleaned.meta.title == "Harbour talks resume"
    assert paragraphs(cleaned.text) == [BODY]


def test_long_first_paragraph_is_body_not_title():
    cleaned = clean_text(f"{BODY} {MORE} {BODY}\n{MORE}")
    assert cleaned.meta.title is None
    assert paragraphs(cleaned.text)[0].startswith("Negotiators")


def test_single_short_line_stays_body():
    cleaned = clean_text("Talks resume on Monday")
    assert cleaned.meta.title is None
    assert cleaned.text == "Talks resume on Monday"


def test_repeated_top_line_is_outlet_and_title_repeat_dropped():
    text = f"Harbour Notes\nHarbour Notes\nTalks resume\n0:00\n-4:12\n\nTalks resume\n\n{BODY}"
    cleaned = clean_text(text)
    assert cleaned.meta.outlet == "Harbour Notes"
    assert cleaned.meta.title == "Talks resume"
    assert paragraphs(cleaned.text) == [BODY]


def test_lines_become_blank_line_separated_paragraphs():
    cleaned = clean_text(f"Talks resume\n{BODY}\n{MORE}")
    assert cleaned.text == f"{BODY}\n\n{MORE}"


def test_glued_header_gives_byline_and_drops_chrome():
    header = (
        "Ann Lee and Bo Ray in Lisbon and Cy Holm in Oslo"
        "Publishedyesterday57Print this page"
        "Unlock the Harbour Brief newsletter for free"
        "Your guide to what the fee rules mean for the coast"
    )
    cleaned = clean_text(f"Talks resume\n\n{header}{BODY}")
    assert cleaned.meta.authors == ("Ann Lee", "Bo Ray", "Cy Holm")
    assert cleaned.text == BODY


def test_by_line_gives_author():
    cleaned = clean_text(f"Talks resume\n\nBy Ann Lee\n\n{BODY}")
    assert cleaned.meta.authors == ("Ann Lee",)
    assert cleaned.text == BODY


def test_photo_credit_is_not_an_author():
    cleaned = clean_text(f"Talks resume\n\nAnn Lee / Harbour Press / Pictures\n\n{BODY}")
    assert cleaned.meta.authors == ()
    assert cleaned.text == BODY


def test_updated_at_dateline_gives_date():
    cleaned = clean_text(f"Talks resume\n\nUpdated at 9:05 a.m. ET on April 2, 2025\n\n{BODY}")
    assert cleaned.meta.published == date(2025, 4, 2)
    assert cleaned.text == BODY


def test_relative_published_leaves_date_unknown():
    cleaned = clean_text(f"Talks resume\n\nPublished yesterday\n\n{BODY}")
    assert cleaned.meta.published is None
    assert cleaned.text == BODY


def test_write_to_line_gives_authors():
    tail = "Write to Ann Lee at ann.lee@news.example and Bo Ray at bo@news.example"
    cleaned = clean_text(f"Talks resume\n\n{BODY}\n{tail}")
    assert cleaned.meta.authors == ("Ann Lee", "Bo Ray")
    assert cleaned.text == BODY


def test_cross_links_dropped():
    links = "Read: How the fee row began\n\nAnn Lee: Ports in trouble"
    text = f"Talks resume\n\n{BODY}\n\n{links}\n\n{MORE}"
    assert paragraphs(clean_text(text).text) == [BODY, MORE]


def test_leave_a_reply_and_what_follows_dropped():
    text = f"Talks resume\n\n{BODY}\n\nLeave a Reply\n\nYour email address will not be shown."
    assert clean_text(text).text == BODY


def test_podcast_link_list_and_lead_in_dropped():
    text = (
        f"Talks resume\n\n{BODY}\n\nListen on these platforms:\n\nApple Podcasts\n\nSpotify"
        "\n\nDiscussion about this episode"
    )
    assert clean_text(text).text == BODY


def test_trailing_tag_blob_becomes_tags():
    blob = json.dumps(
        {
            "contentId": "x1",
            "annotations": [
                {
                    "type": "PERSON",
                    "predicate": "http://onto.example/mentions",
                    "prefLabel": "Ann Lee",
                },
                {
                    "type": "LOCATION",
                    "predicate": "http://onto.example/about",
                    "prefLabel": "Lisbon",
                },
            ],
        }
    )
    cleaned = clean_text(f"Talks resume\n\n{BODY}{blob}")
    assert cleaned.tags == (
        Tag(type="PERSON", predicate="mentions", label="Ann Lee"),
        Tag(type="LOCATION", predicate="about", label="Lisbon"),
    )
    assert cleaned.text == BODY


def test_braces_inside_body_are_not_a_tag_blob():
    text = f"Talks resume\n\n{BODY} The draft {{clause 4}} was debated."
    assert clean_text(text).tags == ()


def test_glued_sentences_split_into_paragraphs():
    assert split_glued("It was “in full force”.But the sides disagreed.") == [
        "It was “in full force”.",
        "But the sides disagreed.",
    ]


def test_abbreviations_are_not_split():
    assert split_glued("The U.S.-led talks met at 3.5 p.m. in Lisbon.") == [
        "The U.S.-led talks met at 3.5 p.m. in Lisbon."
    ]


def test_glued_recirculation_teaser_dropped():
    text = f"Talks resume\n\n{BODY}RecommendedAnn LeeWhy ports matter “Fees are high,” said Bo Ray."
    assert paragraphs(clean_text(text).text) == [BODY, "“Fees are high,” said Bo Ray."]


def test_teaser_title_with_section_dropped():
    text = f"Talks resume\n\n{BODY}\n\nInside the harbour dispute | Harbour Film"
    assert clean_text(text).text == BODY


def test_known_title_dropped_not_inferred():
    cleaned = clean_text(f"Harbour deal\n{BODY}\n{MORE}", known_title="Harbour deal")
    assert cleaned.meta.title is None
    assert cleaned.text == f"{BODY}\n\n{MORE}"


# Each class of page chrome, in sentences of our own: dropped before any stage sees it.


def test_live_blog_banner_dropped():
    text = f"Live updates: Follow the harbour talks as they happen\nTalks resume\n\n{BODY}"
    cleaned = clean_text(text)
    assert cleaned.meta.title == "Talks resume"
    assert cleaned.text == BODY


def test_photo_caption_with_agency_credit_dropped():
    caption = "Photo: Delegates leave the harbour office. Ann Lee / Wire Agency via Getty Images"
    assert clean_text(f"Talks resume\n\n{caption}\n\n{BODY}").text == BODY


def test_caption_ending_with_an_agency_dropped_but_a_sentence_naming_one_kept():
    caption = "Fishing boats in the harbour at dawn. AFP"
    sentence = "The fee was cut in half, officials told Reuters."
    text = f"Talks resume\n\n{BODY}\n\n{caption}\n\n{sentence}"
    assert paragraphs(clean_text(text).text) == [BODY, sentence]


def test_share_and_listen_prompts_dropped():
    prompts = "Share on Facebook Share on X Share via email\n\nListen 4 min\n\nShare full article"
    assert clean_text(f"Talks resume\n\n{prompts}\n\n{BODY}").text == BODY


def test_newsletter_prompt_dropped():
    prompt = "Sign up for the Harbour Brief and get the week's port news in your inbox"
    assert clean_text(f"Talks resume\n\n{BODY}\n\n{prompt}\n\n{MORE}").text == f"{BODY}\n\n{MORE}"


def test_reporting_credit_line_dropped():
    credit = "Reporting by Ann Lee; editing by Bo Ray"
    assert clean_text(f"Talks resume\n\n{BODY}\n\n{credit}").text == BODY


def test_advertisement_markers_dropped():
    ads = "Advertisement\n\nStory continues below advertisement"
    assert paragraphs(clean_text(f"Talks resume\n\n{BODY}\n\n{ads}\n\n{MORE}").text) == [BODY, MORE]


def test_related_line_dropped():
    text = f"Talks resume\n\n{BODY}\n\nRelated: Why the fee row matters to fishermen\n\n{MORE}"
    assert paragraphs(clean_text(text).text) == [BODY, MORE]


def test_known_outlet_line_dropped_and_not_taken_as_title():
    cleaned = clean_text(f"HARBOUR NOTES\nTalks resume\n\n{BODY}", known_outlet="Harbour Notes")
    assert cleaned.meta.title == "Talks resume"
    assert cleaned.text == BODY


def test_dateline_opening_the_story_dropped():
    for dateline in ("LISBON—", "LISBON, Portugal (Wire) — ", "LISBON, March 3 — "):
        assert clean_text(f"Talks resume\n\n{dateline}{BODY}").text == BODY


def test_byline_and_place_glued_to_the_first_sentence_dropped():
    cleaned = clean_text(f"Talks resume\n\nAnn LeeLisbon{BODY}")
    assert cleaned.meta.authors == ("Ann Lee",)
    assert cleaned.text == BODY


def test_tag_and_topic_lists_dropped():
    tags = "Topics: harbour fees, Lisbon, fishing\n\nFiled under: Ports, Analysis"
    assert clean_text(f"Talks resume\n\n{BODY}\n\n{tags}").text == BODY


def test_share_bars_dropped():
    bars = "Share this story: Facebook | X | Email\n\nShare  |  Comment  |  Save"
    assert clean_text(f"Talks resume\n\n{BODY}\n\n{bars}\n\n{MORE}").text == f"{BODY}\n\n{MORE}"


def test_section_label_in_capitals_dropped():
    assert clean_text(f"ANALYSIS\n\nTalks resume\n\n{BODY}").text == BODY


def test_closed_comments_and_what_follows_dropped():
    text = f"Talks resume\n\n{BODY}\n\nJoin the conversation: 12 comments\n\nGreat piece, thanks."
    assert clean_text(text).text == BODY


def test_caption_without_closing_punctuation_dropped():
    caption = "Fishermen unload the morning catch at the old harbour in Lisbon"
    text = f"Talks resume\n\n{BODY}\n\n{caption}\n\n{MORE}"
    assert paragraphs(clean_text(text).text) == [BODY, MORE]


def test_byline_and_update_line_split_at_a_bar():
    header = "By Ann Lee and Bo Ray  |  Updated April 2, 2025 at 9:05 a.m. EDT"
    cleaned = clean_text(f"Talks resume\n\n{header}\n\n{BODY}")
    assert cleaned.meta.authors == ("Ann Lee", "Bo Ray")
    assert cleaned.meta.published == date(2025, 4, 2)
    assert cleaned.text == BODY


def test_dateline_with_a_time_zone_glued_to_the_first_sentence_dropped():
    for header in (
        "By Ann Lee  |  Updated April 2, 2025 at 9:05 a.m. EDT",
        "April 2, 2025 at 9:05 a.m. EST",
        "Published April 2, 2025 8:03 a.m. ET",
        "Updated 2 April 2025, 13:05 GMT",
    ):
        cleaned = clean_text(f"Talks resume\n\n{header}{BODY}")
        assert cleaned.text == BODY, header
        assert cleaned.meta.published == date(2025, 4, 2), header


def test_role_label_glued_to_a_date_dropped():
    cleaned = clean_text(f"Talks resume\n\nColumnist2 April 2025{BODY}")
    assert cleaned.text == BODY


def test_dateline_naming_two_places_dropped():
    text = f"Talks resume\n\nLISBON/OSLO, April 2 (Wire) - {BODY}"
    assert clean_text(text).text == BODY


def test_caption_after_a_credit_naming_only_the_photographer_dropped():
    credit = "Photo: Ann Lee/Harbour Wire"
    caption = "Fishermen unload the morning catch at the old harbour in Lisbon."
    text = f"Talks resume\n\n{BODY}\n\n{credit}\n\n{caption}\n\n{MORE}"
    assert paragraphs(clean_text(text).text) == [BODY, MORE]


def test_sentence_after_a_credit_that_describes_the_photo_kept():
    credit = "Photo: Fishermen in the harbour on Monday. (Harbour Wire)"
    text = f"Talks resume\n\n{credit}\n\n{BODY}\n\n{MORE}"
    assert paragraphs(clean_text(text).text) == [BODY, MORE]


def test_long_first_sentence_after_a_credit_kept():
    credit = "Photo: Ann Lee/Harbour Wire"
    lead = (
        "Negotiators from the two coastal states met in Lisbon on Monday to settle the "
        "harbour fees that have kept their fishing fleets in port since the spring, officials said."
    )
    assert clean_text(f"Talks resume\n\n{credit}\n\n{lead}").text == lead
