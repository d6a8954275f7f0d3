"""The six official languages: tables, dates, ordinals, fixed phrases, typography, examples.

Every expectation here is written by hand from the UN's published forms (see
docs/languages.md), not copied from the library's output.
"""

from __future__ import annotations

import datetime
import json
import string
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from tests.conftest import pandoc_elements, require_tool

import cstd_docs
from cstd_docs.lang import available, language_pack
from cstd_docs.lang.table import LanguageTable, parse_table
from cstd_docs.model import Delegation, Person
from cstd_docs.model.check import check
from cstd_docs.resolve import participant_text, resolve
from cstd_docs.resolve.document import Heading, NumberedParagraph, SubparagraphItem
from cstd_docs.writers.markdown import render_markdown

LANG_DIR = Path(cstd_docs.__file__).parent / "lang"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh"]
NNBSP = "\u202f"


def example(code: str) -> Path:
    return EXAMPLES / f"short-{code}.json"


def test_the_six_languages_have_tables() -> None:
    assert set(LANGUAGES) <= set(available())


# --- the tables ----------------------------------------------------------------------------

@pytest.mark.parametrize("code", LANGUAGES)
def test_table_has_every_key_english_has(code: str) -> None:
    english = json.loads((LANG_DIR / "en.json").read_text(encoding="utf-8"))
    table = json.loads((LANG_DIR / f"{code}.json").read_text(encoding="utf-8"))
    # "ordinals" holds English-shaped rules; other languages give "ordinal_words"/"ordinal_format".
    missing = set(english) - set(table) - {"ordinals"}
    assert not missing
    assert {"ordinals", "ordinal_words", "ordinal_format"} & set(table)
    assert len(table["months"]) == 12
    assert set(table["distribution"]) == {"general", "limited", "restricted"}
    assert set(table["language_names"]) >= set(LANGUAGES)


ALLOWED_FIELDS = {
    "date": {"day", "month", "year"},
    "date_range_same_month": {"start_day", "end_day", "month", "year"},
    "date_range_same_year": {"start_day", "start_month", "end_day", "end_month", "year"},
    "date_range": {"start", "end"},
    "session": {"ordinal", "number"},
    "place_and_dates": {"place", "dates"},
    "agenda_item_provisional": {"number"},
    "agenda_item": {"number"},
    "annex_numbered": {"numeral"},
    "suggestion_lead_in": {"addressee"},
    "representative_of": {"country"},
    "original": {"language", "Language"},
    "paragraph_number": {"number"},
    "heading_number": {"number"},
    "person_name": {"honorific", "name"},
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_templates_only_use_the_fields_the_library_fills(code: str) -> None:
    table = json.loads((LANG_DIR / f"{code}.json").read_text(encoding="utf-8"))
    for key, allowed in ALLOWED_FIELDS.items():
        used = {name for _, name, _, _ in string.Formatter().parse(table[key]) if name}
        assert used <= allowed, (code, key, used)
    assert table["subparagraph_labels"], code
    for template in table["subparagraph_labels"]:
        used = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        assert used <= {"letter", "roman", "number"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_table_loads_into_typed_classes(code: str) -> None:
    table = language_pack(code).table
    raw = json.loads((LANG_DIR / f"{code}.json").read_text(encoding="utf-8"))
    assert isinstance(table, LanguageTable)
    assert table.united_nations == raw["united_nations"]
    assert table.distribution.limited == raw["distribution"]["limited"]
    assert table.months == tuple(raw["months"])
    assert table.subparagraph_labels == tuple(raw["subparagraph_labels"])
    assert (table.typography is None) == ("typography" not in raw)


def _as_json(value: object) -> object:
    """A table read back into JSON's shapes, under the JSON's keys ("and" for ``and_``)."""
    if attrs.has(type(value)):
        return {("and" if f.name == "and_" else f.name): _as_json(getattr(value, f.name))
                for f in attrs.fields(type(value))}
    if isinstance(value, tuple):
        return [_as_json(item) for item in value]
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    return value


def _within(given: object, read: object, where: str) -> int:
    """Every value the JSON gives is the value read (defaults may add keys); how many were compared."""
    if isinstance(given, dict):
        assert isinstance(read, dict), where
        return sum(_within(item, read[key], f"{where}.{key}") for key, item in given.items())
    assert given == read, where
    return 1


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_value_of_a_table_is_read(code: str) -> None:
    raw = json.loads((LANG_DIR / f"{code}.json").read_text(encoding="utf-8"))
    compared = _within(raw, _as_json(language_pack(code).table), "$")
    assert compared > 60  # the leaves of a whole table (85 in English), nested tables included


def _english_with(change: Callable[[dict[str, Any]], object]) -> str:
    table = json.loads((LANG_DIR / "en.json").read_text(encoding="utf-8"))
    change(table)
    return json.dumps(table)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda t: t.__setitem__("note_ends", t.pop("note_end")),
         ["required field missing @ $.note_end", "extra fields found (note_ends) @ $"]),
        (lambda t: t.pop("months"), ["required field missing @ $.months"]),
        (lambda t: t["distribution"].pop("restricted"), ["required field missing @ $.distribution.restricted"]),
        (lambda t: t.__setitem__("months", t["months"][:11]), ["months: 11 entries, expected 12"]),
        (lambda t: t.__setitem__("suggestion_lead_in", "{adressee} may wish to consider:"),
         ["suggestion_lead_in: unknown field adressee"]),
        (lambda t: t.__setitem__("note_end", 1), ["expected text, got 1 @ $.note_end"]),
        (lambda t: t.__setitem__("distribution", "General"), ['expected an object, got "General" @ $.distribution']),
        (lambda t: t["tables"].__setitem__("caption", "Table"), ["extra fields found (caption) @ $.tables"]),
        (lambda t: (t.pop("months"), t["instruments"].pop("draft_decision"), t["tables"].__setitem__("source", 2)),
         ["required field missing @ $.months", "required field missing @ $.instruments.draft_decision",
          "expected text, got 2 @ $.tables.source"]),
        (lambda t: t["ordinals"]["units"].pop(), ["units: 19 entries, expected 20 @ $.ordinals"]),
    ],
    ids=["misspelt", "missing", "missing-inner", "eleven-months", "template-field", "number-for-text",
         "text-for-object", "misspelt-inner", "three-at-once", "inner-check"],
)
def test_a_wrong_table_fails_when_it_loads_naming_file_and_key(change: Callable[[dict[str, Any]], object],
                                                                words: list[str]) -> None:
    with pytest.raises(cstd_docs.ReportError) as caught:
        parse_table("en", _english_with(change))
    problems = caught.value.problems
    assert {p.path for p in problems} == {"lang/en.json"}
    assert len(problems) == len(words)
    assert all(any(w in p.message for p in problems) for w in words), [p.message for p in problems]


# --- dates ---------------------------------------------------------------------------------

FEB_1 = datetime.date(2022, 2, 1)
MAR_2 = datetime.date(2022, 3, 2)
DATES = {
    "en": ("1 February 2022", "2 March 2022"),
    "fr": ("1er février 2022", "2 mars 2022"),
    "es": ("1 de febrero de 2022", "2 de marzo de 2022"),
    "ru": ("1 февраля 2022 года", "2 марта 2022 года"),
    "zh": ("2022年2月1日", "2022年3月2日"),
    "ar": ("1 شباط/فبراير 2022", "2 آذار/مارس 2022"),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_dates_in_each_languages_un_form(code: str) -> None:
    pack = language_pack(code)
    assert (pack.date(FEB_1), pack.date(MAR_2)) == DATES[code]


RANGES = {
    # same month / across months / across years
    "en": ("14–18 July 2025", "28 March–1 April 2022", "30 December 2021–2 January 2022"),
    "fr": ("14-18 juillet 2025", "28 mars-1er avril 2022", "30 décembre 2021-2 janvier 2022"),
    "es": ("14 a 18 de julio de 2025", "28 de marzo a 1 de abril de 2022",
           "30 de diciembre de 2021 a 2 de enero de 2022"),
    "ru": ("14–18 июля 2025 года", "28 марта — 1 апреля 2022 года",
           "30 декабря 2021 года — 2 января 2022 года"),
    "zh": ("2025年7月14日至18日", "2022年3月28日至4月1日", "2021年12月30日至2022年1月2日"),
    "ar": ("14-18 تموز/يوليه 2025", "28 آذار/مارس - 1 نيسان/أبريل 2022",
           "30 كانون الأول/ديسمبر 2021 - 2 كانون الثاني/يناير 2022"),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_date_ranges(code: str) -> None:
    pack = language_pack(code)
    d = datetime.date
    got = (
        pack.date_range(d(2025, 7, 14), d(2025, 7, 18)),
        pack.date_range(d(2022, 3, 28), d(2022, 4, 1)),
        pack.date_range(d(2021, 12, 30), d(2022, 1, 2)),
    )
    assert got == RANGES[code]
    assert pack.date_range(FEB_1, FEB_1) == DATES[code][0]


# --- session ordinals ----------------------------------------------------------------------

ORDINALS = {
    "en": ["First", "Second", "Tenth", "Twenty-first", "Twenty-fifth", "Thirtieth", "Ninety-ninth"],
    "fr": ["Première", "Deuxième", "Dixième", "Vingt et unième", "Vingt-cinquième", "Trentième",
           "Quatre-vingt-dix-neuvième"],
    "es": ["1º", "2º", "10º", "21º", "25º", "30º", "99º"],
    "ru": ["Первая", "Вторая", "Десятая", "Двадцать первая", "Двадцать пятая", "Тридцатая",
           "Девяносто девятая"],
    "zh": ["一", "二", "十", "二十一", "二十五", "三十", "九十九"],
    "ar": ["الأولى", "الثانية", "العاشرة", "الحادية والعشرون", "الخامسة والعشرون", "الثلاثون",
           "التاسعة والتسعون"],
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_session_ordinals(code: str) -> None:
    pack = language_pack(code)
    assert [pack.ordinal(n) for n in (1, 2, 10, 21, 25, 30, 99)] == ORDINALS[code]


def test_more_french_and_russian_ordinals() -> None:
    fr, ru = language_pack("fr"), language_pack("ru")
    assert [fr.ordinal(n) for n in (71, 80, 81, 91, 100)] == [
        "Soixante et onzième", "Quatre-vingtième", "Quatre-vingt-unième", "Quatre-vingt-onzième", "Centième"]
    assert ru.ordinal(40) == "Сороковая"
    assert fr.ordinal(101) == "101e"  # past the table: the table's ordinal_format


SESSIONS = {
    "en": "Twenty-fifth session",
    "fr": "Vingt-cinquième session",
    "es": "25º período de sesiones",
    "ru": "Двадцать пятая сессия",
    "zh": "第二十五届会议",
    "ar": "الدورة الخامسة والعشرون",
}


# --- the examples: round trip, resolution, Markdown ---------------------------------------

@pytest.mark.parametrize("code", LANGUAGES)
def test_example_json_round_trip_is_exact(code: str) -> None:
    text = example(code).read_text(encoding="utf-8")
    report = cstd_docs.loads(text)
    assert report.language == code
    assert cstd_docs.dumps(report) == text
    assert cstd_docs.loads(cstd_docs.dumps(report)) == report
    assert check(report) == []


EXPECTED: dict[str, dict[str, Any]] = {
    "en": dict(
        united_nations="United Nations", distribution="Distr.: General", date="1 February 2022",
        language_line="Original: English", place_and_dates="Geneva, 28 March–1 April 2022",
        agenda="Item 2 of the provisional agenda", chapter="I.", section="A.", labels=["(a)", "(b)", "(c)", "(i)"],
        paragraph="1.", findings=["Main findings", "Suggestions"],
        lead_in="Member States may wish to consider the following courses of action:",
        delegate="Representative of Thailand.",
        person="Ms. Maria Basso, Lead, Advanced Manufacturing and Production, World Economic Forum.",
    ),
    "fr": dict(
        united_nations="Nations Unies", distribution="Distr. générale", date="1er février 2022",
        language_line=f"Original{NNBSP}: anglais", place_and_dates="Genève, 28 mars-1er avril 2022",
        agenda="Point 2 de l’ordre du jour provisoire", chapter="I.", section="A.",
        labels=["a)", "b)", "c)", "i)"], paragraph="1.", findings=["Principales conclusions", "Suggestions"],
        lead_in=f"Les États membres voudront peut-être envisager les mesures suivantes{NNBSP}:",
        delegate="Représentant de la Thaïlande.",
        person="Mme Maria Basso, Responsable, Fabrication et production avancées, Forum économique mondial.",
    ),
    "es": dict(
        united_nations="Naciones Unidas", distribution="Distr. general", date="1 de febrero de 2022",
        language_line="Original: inglés", place_and_dates="Ginebra, 28 de marzo a 1 de abril de 2022",
        agenda="Tema 2 del programa provisional", chapter="I.", section="A.", labels=["a)", "b)", "c)", "i)"],
        paragraph="1.", findings=["Principales conclusiones", "Sugerencias"],
        lead_in="Los Estados miembros tal vez deseen considerar las siguientes medidas:",
        delegate="Representante de Tailandia.",
        person="Sra. Maria Basso, Directora, Fabricación y Producción Avanzadas, Foro Económico Mundial.",
    ),
    # Arabic, Chinese and Russian documents carry the masthead box in English.
    "ru": dict(
        united_nations="Организация Объединенных Наций", distribution="Distr.: General", date="1 February 2022",
        language_line="Original: English", place_and_dates="Женева, 28 марта — 1 апреля 2022 года",
        agenda="Пункт 2 предварительной повестки дня", chapter="I.", section="A.",
        labels=["a)", "b)", "c)", "i)"], paragraph="1.", findings=["Основные выводы", "Предложения"],
        lead_in="Государства-члены, возможно, пожелают рассмотреть следующие меры:",
        delegate="Представитель Таиланда.",
        person="г-жа Мария Бассо, руководитель направления передового производства, Всемирный экономический форум.",
    ),
    "zh": dict(
        united_nations="联合国", distribution="Distr.: General", date="1 February 2022",
        language_line="Original: English", place_and_dates="2022年3月28日至4月1日，日内瓦",
        agenda="临时议程项目2", chapter="一.", section="A.", labels=["(a)", "(b)", "(c)", "(i)"],
        paragraph="1.", findings=["主要结论", "建议"], lead_in="会员国不妨考虑采取以下行动：",
        delegate="泰国代表。", person="Maria Basso女士，先进制造和生产负责人，世界经济论坛。",
    ),
    "ar": dict(
        united_nations="الأمم المتحدة", distribution="Distr.: General", date="1 February 2022",
        language_line="Original: English", place_and_dates="جنيف، 28 آذار/مارس - 1 نيسان/أبريل 2022",
        agenda="البند 2 من جدول الأعمال المؤقت", chapter="أولاً -", section="ألف -",
        labels=["(أ)", "(ب)", "(ج)", "'1'"], paragraph="1 -", findings=["الاستنتاجات الرئيسية", "الاقتراحات"],
        lead_in="قد ترغب الدول الأعضاء في النظر في مسارات العمل التالية:",
        delegate="ممثل تايلند.",
        person="السيدة ماريا باسو، رئيسة قسم التصنيع والإنتاج المتقدمين، المنتدى الاقتصادي العالمي.",
    ),
}


def _text(runs: tuple[object, ...]) -> str:
    return "".join(r if isinstance(r, str) else getattr(r, "text", "") for r in runs)


@pytest.mark.parametrize("code", LANGUAGES)
def test_resolved_example_has_the_languages_fixed_phrases(code: str) -> None:
    want = EXPECTED[code]
    doc = resolve(cstd_docs.load(example(code)))
    assert doc.language == code
    assert doc.right_to_left is (code == "ar")
    m = doc.masthead
    assert (m.united_nations, m.distribution, m.date, m.language_line) == (
        want["united_nations"], want["distribution"], want["date"], want["language_line"])
    assert doc.front.session == SESSIONS[code]
    assert doc.front.place_and_dates == want["place_and_dates"]
    assert _text(doc.front.agenda[0].label) == want["agenda"]
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    assert headings[0].number == want["chapter"]
    assert headings[1].number == want["section"]
    assert [_text(h.title) for h in headings[2:4]] == want["findings"]
    labels = [b.label for b in doc.blocks if isinstance(b, SubparagraphItem)]
    assert labels[:3] == want["labels"][:3]
    assert labels[3] == want["labels"][3]  # the nested level
    paragraphs = [b for b in doc.blocks if isinstance(b, NumberedParagraph)]
    assert paragraphs[0].number == want["paragraph"]
    assert _text(paragraphs[-1].text) == want["lead_in"]
    notes = [_text(n.text) for n in doc.notes]
    assert want["person"] in notes
    assert want["delegate"] in notes


@pytest.mark.parametrize("code", LANGUAGES)
def test_markdown_in_every_language(code: str) -> None:
    want = EXPECTED[code]
    text = render_markdown(cstd_docs.load(example(code)))
    for phrase in (want["united_nations"], want["distribution"], want["date"], want["language_line"],
                   SESSIONS[code], want["place_and_dates"], want["agenda"], *want["findings"]):
        assert phrase in text, phrase
    assert "E/CN.16/2022/2" in text


# --- participant notes ---------------------------------------------------------------------

def test_french_and_spanish_contractions_in_delegate_notes() -> None:
    fr, es = language_pack("fr"), language_pack("es")
    assert participant_text(Delegation("les Philippines"), fr) == "Représentant des Philippines"
    assert participant_text(Delegation("le Bénin"), fr) == "Représentant du Bénin"
    assert participant_text(Delegation("Israël"), fr) == "Représentant d’Israël"
    assert participant_text(Delegation("la Gambie"), fr) == "Représentant de la Gambie"
    assert participant_text(Delegation("el Ecuador"), es) == "Representante del Ecuador"
    assert participant_text(Delegation("El Salvador"), es) == "Representante de El Salvador"


def test_chinese_puts_the_honorific_after_the_name() -> None:
    zh = language_pack("zh")
    assert participant_text(Person("先生", "Peter Major", country="匈牙利"), zh) == "Peter Major先生，匈牙利"


# --- masthead details ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("code", "original", "single", "line"),
    [
        ("en", "en", True, "English only"),
        ("fr", "en", True, "Anglais seulement"),
        ("fr", "es", False, f"Original{NNBSP}: espagnol"),
        ("es", "fr", False, "Original: francés"),
        ("es", "en", True, "Solo en inglés"),
        ("ru", "en", True, "English only"),
        ("ar", "fr", False, "Original: French"),
    ],
)
def test_language_line(code: str, original: str, single: bool, line: str) -> None:
    assert language_pack(code).language_line(original, single) == line


def test_subparagraph_labels_deeper_levels() -> None:
    fr, ar, en = language_pack("fr"), language_pack("ar"), language_pack("en")
    assert [fr.subparagraph_label(d, 2) for d in (1, 2, 3, 4)] == ["b)", "ii)", "b.", "ii."]
    assert [en.subparagraph_label(d, 2) for d in (1, 2, 3, 4)] == ["(b)", "(ii)", "b.", "ii."]
    assert ar.subparagraph_label(1, 5) == "(هـ)"
    assert ar.subparagraph_label(2, 3) == "'3'"


def test_unknown_language_is_a_problem() -> None:
    report = cstd_docs.load(example("en"))
    report = attrs.evolve(report, language="de", masthead=attrs.evolve(report.masthead, original_language="xx"))
    problems = check(report)
    paths = {p.path for p in problems}
    assert {"$.language", "$.masthead.original_language"} <= paths


# --- typography ----------------------------------------------------------------------------

def test_french_spaces_before_high_punctuation() -> None:
    fr = language_pack("fr")
    assert fr.typeset("Thèmes : a ; b ! c ?") == f"Thèmes{NNBSP}: a{NNBSP}; b{NNBSP}! c{NNBSP}?"
    assert fr.typeset("Voici:") == f"Voici{NNBSP}:"
    assert fr.typeset("« texte »") == f"«{NNBSP}texte{NNBSP}»"
    once = fr.typeset("Note : fin.")
    assert fr.typeset(once) == once


@pytest.mark.parametrize(
    "text",
    [
        "Voir http://unctad.org/a?b=1 et https://x.org/page.",
        "À 10:30 précises",
        "Voir www.example.org/?q, puis",
        "mailto:secretariat@unctad.org",
        "Quoi?!",
    ],
)
def test_french_spaces_leave_urls_times_and_mark_pairs_alone(text: str) -> None:
    out = language_pack("fr").typeset(text)
    if text == "Quoi?!":
        assert out == f"Quoi{NNBSP}?!"
    else:
        assert out == text


def test_url_at_the_end_of_a_sentence_is_left_alone() -> None:
    fr = language_pack("fr")
    assert fr.typeset("Voir https://unctad.org/faq?") == "Voir https://unctad.org/faq?"


@pytest.mark.parametrize("code", ["en", "es", "ru", "zh", "ar"])
def test_other_languages_do_not_touch_the_authors_text(code: str) -> None:
    assert language_pack(code).typeset("Themes: a; b! c?") == "Themes: a; b! c?"


def test_french_report_runs_get_the_spaces_but_urls_do_not() -> None:
    doc = resolve(cstd_docs.load(example("fr")))
    first = next(b for b in doc.blocks if isinstance(b, NumberedParagraph))
    assert _text(first.text).endswith(f"thèmes suivants{NNBSP}:")
    assert " :" not in render_markdown(doc)
    url_note = next(n for n in doc.notes if "unctad.org" in _text(n.text))
    assert _text(url_note.text) == "https://unctad.org/topic/commission-on-science-and-technology-for-development"
    # The example file itself keeps the author's plain spaces: typography is applied, not stored.
    assert " :" in example("fr").read_text(encoding="utf-8")


@pytest.mark.interop
@pytest.mark.parametrize("code", LANGUAGES)
def test_pandoc_reads_every_language_without_lists_and_with_all_notes(code: str) -> None:
    pandoc = require_tool("pandoc")
    markdown = render_markdown(cstd_docs.load(example(code)))
    ast = json.loads(subprocess.run([pandoc, "-f", "markdown", "-t", "json"], input=markdown, text=True,
                                    capture_output=True, check=True).stdout)
    kinds = [str(element["t"]) for element in pandoc_elements(ast["blocks"])]
    assert "OrderedList" not in kinds
    assert "BulletList" not in kinds
    assert kinds.count("Note") == 5  # agenda symbol, subtitle note, two citations, the URL note


@pytest.mark.parametrize("code", LANGUAGES)
def test_examples_follow_the_schema(code: str) -> None:
    import jsonschema

    schema_path = EXAMPLES.parent / "schemas" / "report.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = json.loads(example(code).read_text(encoding="utf-8"))
    assert data["$schema"] == "../schemas/report.schema.json"
    jsonschema.Draft202012Validator(schema).validate(data)


def test_a_table_reads_the_same_once_another_library_resolved_its_field_types() -> None:
    from cstd_docs.lang import table

    text = (LANG_DIR / "en.json").read_text(encoding="utf-8")
    before = parse_table("en", text)
    for cls in (table.LanguageTable, table.Distributions, table.Typography, table.EnglishOrdinals,
                table.Instruments, table.AgendaLabels, table.Tables, table.ContentsWords, table.OfficialRecordsWords):
        attrs.resolve_types(cls)  # as cattrs does when it meets the class: the fields' types become classes
    assert parse_table("en", text) == before
