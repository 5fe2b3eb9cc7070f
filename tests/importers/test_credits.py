"""Splitting photo credits from captions, in the forms news sites and agencies write them."""

from __future__ import annotations

import pytest

from archive_app.importers.credits import split_credit, strip_credit_label


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        (
            "Soldiers in Shusha. Photo: Gohar Avetisyan/AFP",
            "Soldiers in Shusha.",
            "Gohar Avetisyan/AFP",
        ),
        ("Refugees in Goris. Photograph: Narek Simonyan", "Refugees in Goris.", "Narek Simonyan"),
        (
            "The checkpoint at Hakari. Credit: Ministry of Defence",
            "The checkpoint at Hakari.",
            "Ministry of Defence",
        ),
        ("Stepanakert at night - photo Sona Grigoryan", "Stepanakert at night", "Sona Grigoryan"),
        (
            "Refugees on the Lachin road (Photo by Narek Simonyan/AFP via Getty Images)",
            "Refugees on the Lachin road",
            "Narek Simonyan/AFP via Getty Images",
        ),
        (
            "A flag over Xankəndi. Photo by Kamran Huseynli/APA",
            "A flag over Xankəndi.",
            "Kamran Huseynli/APA",
        ),
        ("The mosque in Aghdam © Azertac", "The mosque in Aghdam", "Azertac"),
        (
            "Ruins in Aghdam. Aytan Rzayeva/Getty Images",
            "Ruins in Aghdam.",
            "Aytan Rzayeva/Getty Images",
        ),
        ("Residents leave Khankendi. AFP", "Residents leave Khankendi.", "AFP"),
        ("Displaced families | Photo: UNHCR", "Displaced families", "UNHCR"),
        ("Развалины в Агдаме. Фото: Андрей Соколов", "Развалины в Агдаме.", "Андрей Соколов"),
        ("Şuşa qalası. Foto: AZƏRTAC", "Şuşa qalası.", "AZƏRTAC"),
        ("Protesters in Yerevan (Image: getty )", "Protesters in Yerevan", "getty"),
        ("Photo: Reuters. Soldiers in Shusha.", "Soldiers in Shusha.", "Reuters"),
        ("Photograph: Sona Grigoryan/Meridian Wire", "", "Sona Grigoryan/Meridian Wire"),
    ],
)
def test_credit_is_split_from_caption(text: str, caption: str, credit: str) -> None:
    assert split_credit(text) == (caption, credit)


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers and/or civilians crossed the river near Aghdam.",
        "The 2020/2023 wars changed the map of the South Caucasus.",
        "Karabakh: the view from Baku",
        "A photo of the cathedral in Shusha before the war",
        "Pictures - the ruins of the old market in Aghdam",
    ],
)
def test_caption_without_credit_is_kept_whole(text: str) -> None:
    assert split_credit(text) == (text, "")


def test_split_credit_normalises_text() -> None:
    assert split_credit("  The ﬁrst  convoy\u00a0arrives.  Photo:\tUN Photo ") == (
        "The first convoy arrives.",
        "UN Photo",
    )


def test_empty_caption() -> None:
    assert split_credit("   ") == ("", "")


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Photo: Ministry of Culture of Azerbaijan", "Ministry of Culture of Azerbaijan"),
        ("© Highland Herald", "Highland Herald"),
        ("Credit...Gohar Avetisyan/The Ledger", "Gohar Avetisyan/The Ledger"),
        ("Narek Simonyan/Photolure", "Narek Simonyan/Photolure"),
        ("GETTY", "GETTY"),
    ],
)
def test_label_is_taken_off_a_credit_element(text: str, credit: str) -> None:
    assert strip_credit_label(text) == credit
