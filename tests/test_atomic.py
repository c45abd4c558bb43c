"""Atomic output: a file appears complete or not at all, and nothing is overwritten unasked."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgov import LawgovError
from lawgov._formats.atomic import OutputExistsError, atomic_open, atomic_write


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("."))


def _write_then_raise(target: Path, error: BaseException, *, force: bool) -> None:
    with atomic_open(target, force=force) as handle:
        handle.write(b"<partial")
        raise error


def test_writes_the_content_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    atomic_write(target, b'{"a": 1}\n')
    assert target.read_bytes() == b'{"a": 1}\n'
    assert _leftovers(tmp_path) == []


def test_text_is_written_as_utf8(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    atomic_write(target, "区科技局\n")
    assert target.read_bytes() == "区科技局\n".encode()
    with atomic_open(tmp_path / "t.csv", "w") as handle:
        handle.write("一,二\r\n")
    # newline="" keeps what the writer wrote (csv needs that), no translation.
    assert (tmp_path / "t.csv").read_bytes() == "一,二\r\n".encode()


def test_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"original")
    with pytest.raises(OutputExistsError) as info:
        atomic_write(target, b"new")
    assert target.read_bytes() == b"original"
    assert isinstance(info.value, FileExistsError)
    assert isinstance(info.value, LawgovError)
    assert info.value.source == str(target)
    assert "--force" in str(info.value)
    assert _leftovers(tmp_path) == []


def test_refusal_happens_before_the_body_runs(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"original")
    ran: list[bool] = []

    def write() -> None:
        with atomic_open(target) as handle:
            ran.append(True)
            handle.write(b"x")

    with pytest.raises(OutputExistsError):
        write()
    assert not ran


def test_force_replaces_and_keeps_the_old_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"original")
    target.chmod(0o600)
    atomic_write(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_new_files_get_the_umask_permissions_not_the_temporary_files(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a", b"x")
    finally:
        os.umask(old)
    # mkstemp creates 0600 files; a normal output must be readable by others like any file.
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o644


@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyboardInterrupt()])
def test_a_failure_midway_leaves_no_file(tmp_path: Path, error: BaseException) -> None:
    target = tmp_path / "out.xml"
    with pytest.raises(type(error)):
        _write_then_raise(target, error, force=False)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_failed_forced_write_keeps_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.xml"
    target.write_bytes(b"<complete/>")
    with pytest.raises(KeyboardInterrupt):
        _write_then_raise(target, KeyboardInterrupt(), force=True)
    assert target.read_bytes() == b"<complete/>"
    assert _leftovers(tmp_path) == []


def test_a_file_that_appears_during_the_write_is_not_clobbered(tmp_path: Path) -> None:
    target = tmp_path / "out.json"

    def write_while_another_writer_wins_the_race() -> None:
        with atomic_open(target) as handle:
            handle.write(b"ours")
            target.write_bytes(b"theirs")

    with pytest.raises(OutputExistsError):
        write_while_another_writer_wins_the_race()
    assert target.read_bytes() == b"theirs"
    assert _leftovers(tmp_path) == []


def test_missing_directory_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write(tmp_path / "no" / "such" / "dir.json", b"x")


def test_only_write_modes_are_accepted(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="mode"):
        atomic_open(tmp_path / "x", "ab")  # type: ignore[call-overload]


@given(data=st.binary(max_size=5000))
def test_any_bytes_round_trip(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    directory = tmp_path_factory.mktemp("atomic")
    atomic_write(directory / "f.bin", data)
    assert (directory / "f.bin").read_bytes() == data
    assert [p.name for p in directory.iterdir()] == ["f.bin"]
