"""The pytest plugin, exercised as another project would use it: pytest runs a throwaway test file
in a temporary directory, with lawgov installed and its plugin loaded through the pytest11 entry
point (no conftest, no imports of the plugin)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

import lawgov
from lawgov import testing
from lawgov.testing import pytest_plugin

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent


def _ten_line_test() -> str:
    """The code block under "In ten lines" in docs/testing.md, exactly as readers see it."""
    guide = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    section = guide.split("## In ten lines", 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def test_the_documented_test_is_ten_lines() -> None:
    code = _ten_line_test()
    assert len([line for line in code.splitlines() if line.strip()]) <= 12
    assert "lawgov_sample_report" in code
    assert "max_examples=100" in code


def test_a_throwaway_project_gets_fixtures_random_reports_and_a_path_diff(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(test_throwaway=_ten_line_test())
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*Reports differ at 4 paths (left -> right):",
            "*  title: '江海区科学技术局2020年法治政府建设年度报告' -> "
            "'江海区科学技术局2021年法治政府建设年度报告'",
            "*  year: 2020 -> 2021",
            "*  published: 2021-02-26T16:14:00+08:00 -> 2022-02-26T16:14:00+08:00",
            "*  preamble?0?: '现将江海区科学技术局2020年*' -> '现将江海区科学技术局2021年*'",
        ]
    )


def test_the_plugin_works_without_hypothesis(pytester: pytest.Pytester) -> None:
    # A project that installed plain lawgov (no testing extra) still gets the fixtures and the
    # diff, and a clear message when it reaches for a strategy.
    pytester.makepyfile(
        test_plain="""
        import pytest

        def test_fixtures(lawgov_sample_report, lawgov_report_factory):
            assert lawgov_report_factory(year=2019).year == 2019
            assert lawgov_sample_report.issuer.name

        def test_strategies_need_the_extra():
            import lawgov.testing
            with pytest.raises(ImportError, match=r"lawgov\\[testing\\]"):
                lawgov.testing.reports

        def test_diff(lawgov_report_factory):
            assert lawgov_report_factory(views=1) == lawgov_report_factory(views=2)
        """
    )
    # A finder that refuses Hypothesis, as if it were not installed.
    runner = pytester.makepyfile(
        run_without_hypothesis="""
        import sys

        class NoHypothesis:
            def find_spec(self, name, path=None, target=None):
                if name.partition(".")[0] == "hypothesis":
                    raise ModuleNotFoundError(f"No module named {name!r}", name=name)
                return None

        sys.meta_path.insert(0, NoHypothesis())
        import pytest
        sys.exit(pytest.main(["-p", "no:hypothesispytest", "-p", "no:cacheprovider",
                              "test_plain.py"]))
        """
    )
    result = pytester.run(sys.executable, str(runner))
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*Reports differ at 1 path (left -> right):", "*  views: 1 -> 2"])


def test_the_assertion_hook_explains_only_lawgov_objects() -> None:
    report = testing.make_report()
    other = testing.make_report(year=2021)
    config = pytest.Config.__new__(pytest.Config)  # the hook does not look at the config
    lines = pytest_plugin.pytest_assertrepr_compare(config, "==", report, other)
    assert lines is not None
    assert lines[0] == "Reports differ at 4 paths (left -> right):"
    assert pytest_plugin.pytest_assertrepr_compare(config, "!=", report, other) is None
    assert pytest_plugin.pytest_assertrepr_compare(config, "==", report, "text") is None
    assert pytest_plugin.pytest_assertrepr_compare(config, "==", {1: 2}, {1: 3}) is None
    metric = testing.make_metric()
    assert pytest_plugin.pytest_assertrepr_compare(
        config, "==", metric, testing.make_metric(value=2)
    ) == [
        "Metrics differ at 2 paths (left -> right):",
        "  value: 1500 -> 2",
        "  text: '1500万元' -> '2万元'",
    ]


def test_fixtures_give_the_sample_and_the_factory(
    lawgov_sample_report: lawgov.Report, lawgov_report_factory: object
) -> None:
    assert lawgov_sample_report == lawgov.samples.load(pytest_plugin.SAMPLE_NAME)
    assert lawgov_report_factory is testing.make_report


def test_the_complete_example_passes_in_a_fresh_project(pytester: pytest.Pytester) -> None:
    shutil.copy(ROOT / "examples" / "test_with_lawgov.py", pytester.path / "test_with_lawgov.py")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=7)
