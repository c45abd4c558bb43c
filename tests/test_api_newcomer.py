"""The Python API without traps: what a newcomer tries first works, or says exactly why not."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zoneinfo
from pathlib import Path

import attrs
import pendulum
import pytest

import lawgov
import lawgov.samples

SAMPLE = lawgov.samples.load("jianghai-kjj-2020")


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2021, 2, 26, 16, 14, 5, 123456, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai")),
        dt.datetime(2021, 2, 26, 16, 14, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        dt.datetime(2021, 2, 26, 8, 14, tzinfo=dt.timezone.utc),
    ],
)
def test_an_aware_stdlib_datetime_is_converted_exactly(moment: dt.datetime) -> None:
    report = attrs.evolve(SAMPLE, published=moment)
    assert type(report.published) is pendulum.DateTime
    assert report.published == moment
    assert report.published.utcoffset() == moment.utcoffset()
    assert report.published.microsecond == moment.microsecond
    assert lawgov.from_json(lawgov.to_json(report)) == report


def test_a_naive_stdlib_datetime_is_still_refused() -> None:
    with pytest.raises(lawgov.ValidationError) as caught:
        attrs.evolve(SAMPLE, published=dt.datetime(2021, 2, 26, 16, 14))
    assert [(p.path, p.rule) for p in caught.value.problems] == [("published", "naive_datetime")]


def test_messages_name_the_class_and_paths_stay_relative() -> None:
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.Agency(name="")
    assert caught.value.problems[0].path == "name"
    assert "\n  Agency.name: " in str(caught.value)
    assert caught.value.model == "Agency"

    data = lawgov.to_dict(SAMPLE)
    data["sections"][0]["title"] = ""
    with pytest.raises(lawgov.ValidationError) as loaded:
        lawgov.from_json(json.dumps(data), source="a.json")
    assert loaded.value.problems[0].path == "sections[0].title"
    assert "\n  Report.sections[0].title: " in str(loaded.value)
    assert str(loaded.value).startswith("a.json: 1 validation problem:")


def test_a_pickled_validation_error_keeps_its_class_name() -> None:
    import pickle

    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.Agency(name="")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert str(copy) == str(caught.value)


@pytest.mark.parametrize(
    "imports",
    [
        "import lawgov, lawgov.testing\nfrom hypothesis import strategies as st",
        "from hypothesis import strategies as st\nimport lawgov, lawgov.testing",
    ],
)
def test_from_type_works_after_importing_the_kit(imports: str) -> None:
    code = (
        f"{imports}\n"
        "from hypothesis import HealthCheck, given, settings\n"
        "seen = []\n"
        # No deadline or speed checks: this claim is about types, not time on a loaded machine.
        "@settings(max_examples=3, database=None, deadline=None,\n"
        "          suppress_health_check=list(HealthCheck))\n"
        "@given(st.from_type(lawgov.Report), st.from_type(lawgov.Metric))\n"
        "def check(report, metric):\n"
        "    seen.append((type(report).__name__, type(metric).__name__))\n"
        "check()\n"
        "print(sorted(set(seen)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[('Report', 'Metric')]"


def test_importing_the_kit_does_not_import_hypothesis() -> None:
    code = "import sys, lawgov.testing; print('hypothesis' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_read_text_is_public_lazy_and_reads_gbk(tmp_path: Path) -> None:
    code = "import sys, lawgov; print(any(m.startswith('lawgov._parse') for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    assert "read_text" in lawgov.__all__
    assert lawgov.read_text.__module__ == "lawgov"
    text = "区科技局2020年法治政府建设年度报告\n一、主要举措和成效\n"
    (tmp_path / "gbk.txt").write_bytes(text.encode("gbk"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    assert lawgov.read_text(tmp_path / "gbk.txt") == text
    assert lawgov.read_text(tmp_path / "utf16.txt") == text
    assert lawgov.read_text(str(tmp_path / "gbk.txt"), encoding="gb18030") == text


def test_write_has_the_overwrite_policy_of_write_reports(tmp_path: Path) -> None:
    single, corpus = tmp_path / "r.json", tmp_path / "c.jsonl"
    lawgov.write(SAMPLE, single)
    lawgov.write_reports([SAMPLE], corpus)
    for again in (
        lambda: lawgov.write(SAMPLE, single),
        lambda: lawgov.write_reports([SAMPLE], corpus),
    ):
        with pytest.raises(lawgov.OutputExistsError) as caught:
            again()
        assert "force=True" in str(caught.value)
    lawgov.write(attrs.evolve(SAMPLE, year=2021, published=None), single, force=True)
    lawgov.write_reports([SAMPLE, SAMPLE], corpus, force=True)
    assert lawgov.read(single).year == 2021
    assert len(list(lawgov.iter_reports(corpus))) == 2
