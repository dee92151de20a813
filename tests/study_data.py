"""Test data for studying: a tiny hand-made dictionary, a short lesson holding "autonomy", and the
real JMdict table built once per test run (into the shared table's place) where `jamdict-data` is installed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from library.facade import data_dir
from library.study.dictionary import Dictionary, jmdict_source_path

TINY_DICTIONARY = """english\tjapanese\treading\tnote
access\tアクセス\tあくせす\tto be able to use
autonomy\t自治\tじち\tself-government
autonomy\t自主性\tじしゅせい\t
model\tモデル\t\t
take part\t参加する\tさんかする\t
"""

# The reference lesson's own words, as a learner might add them to the hand-made dictionary.
REFERENCE_WORDS = """carriage\t客車\tきゃくしゃ\ta railway car for passengers
privacy\tプライバシー\tぷらいばしー\tbeing away from others
reserve\t予約する\tよやくする\tto book
"""

OTHER_LESSON = """Schools Give Students More Autonomy

Many schools now give students more autonomy in how they learn.

Teachers say that autonomy helps students take part in class and use new models of study.

Words in This Story

autonomy – n. the power to make your own choices
"""

PRIVACY_LESSON = """Hotels Give Guests More Privacy

Many small hotels now give guests more privacy, with doors that lock from the inside.

Owners say that privacy matters most to people who travel alone.

Words in This Story

privacy – n. the right to keep your life to yourself
"""

_built: list[Path] = []


def write_other_lesson(folder: Path) -> Path:
    """A second, short lesson that also contains "autonomy"."""
    path = folder / "schools_autonomy.txt"
    path.write_text(OTHER_LESSON, encoding="utf-8")
    return path


def write_privacy_lesson(folder: Path) -> Path:
    """A second, short lesson that also contains the reference lesson's "privacy"."""
    path = folder / "hotels_privacy.txt"
    path.write_text(PRIVACY_LESSON, encoding="utf-8")
    return path


def install_tiny_dictionary(with_reference_words: bool = False) -> Dictionary:
    """The hand-made dictionary imported into the current data folder (with the reference lesson's words)."""
    dictionary = Dictionary(data_dir() / "dictionary.db")
    dictionary.import_text(TINY_DICTIONARY + (REFERENCE_WORDS if with_reference_words else ""), "tiny", tsv=True)
    return dictionary


def install_jmdict(tmp_path_factory: pytest.TempPathFactory) -> Dictionary:
    """The real JMdict table in the current data folder, built once per run (skips without the package)."""
    if jmdict_source_path() is None:
        pytest.skip("jamdict-data is not installed (pip install 'study-reader[dictionary]')")
    if not _built:
        folder = tmp_path_factory.mktemp("jmdict")
        Dictionary(folder / "dictionary.db", table=folder / "table.db").build_jmdict()
        _built.append(folder / "table.db")
    dictionary = Dictionary(data_dir() / "dictionary.db")
    dictionary.table.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(_built[0], dictionary.table)  # the shared table, as a first start leaves it
    return dictionary
