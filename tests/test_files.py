"""argmap/files.py: where output goes and what is read, with hostile targets and names."""

from __future__ import annotations

import os
import signal
import stat
import threading
from pathlib import Path

import pytest

from argmap.errors import ArgmapError
from argmap.files import (
    ReadError,
    display_path,
    read_regular_file,
    refuse_overwriting_input,
    same_file,
    write_atomically,
    write_file,
    write_output,
)


@pytest.fixture
def the_map(tmp_path: Path) -> Path:
    path = tmp_path / "m.yaml"
    path.write_text("argmap: 1\n", encoding="utf-8")
    return path


def test_an_output_that_reaches_the_input_through_dotdot_is_refused(the_map: Path) -> None:
    sneaky = the_map.parent / "nosuch" / ".." / "m.yaml"
    with pytest.raises(ArgmapError) as caught:
        write_output(sneaky, "x", inputs=[the_map])
    assert caught.value.code == "E702"
    assert the_map.read_text(encoding="utf-8") == "argmap: 1\n"


def test_an_output_that_is_the_input_through_a_symlink_or_hard_link_is_refused(
    the_map: Path,
) -> None:
    (the_map.parent / "soft.yaml").symlink_to(the_map)
    os.link(the_map, the_map.parent / "hard.yaml")
    for name in ("soft.yaml", "hard.yaml"):
        assert same_file(the_map.parent / name, the_map)
        with pytest.raises(ArgmapError, match="refusing to overwrite the input file"):
            refuse_overwriting_input(the_map.parent / name, the_map)
    assert the_map.read_text(encoding="utf-8") == "argmap: 1\n"
    assert not same_file(the_map.parent / "other.yaml", the_map)


def test_dash_is_standard_output(
    capfd: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_output("-", "on stdout\n")
    assert capfd.readouterr().out == "on stdout\n"
    assert not (tmp_path / "-").exists()


def test_a_named_pipe_is_written_in_place_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_file(fifo, "through the pipe")
    reader.join(5)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_named_pipe_nobody_reads_is_an_error_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("argmap.files.PIPE_WAIT", 0.1)  # the wait for a reader
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ArgmapError) as caught:
        write_file(fifo, "x")
    assert caught.value.format() == (
        f"error: cannot write {fifo}: a named pipe that nobody is reading [E701]"
    )
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_node_stays_a_device(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the same device as /dev/null
    write_file(null, "gone")
    assert stat.S_ISCHR(null.stat().st_mode)
    assert null.stat().st_rdev == os.makedev(1, 3)


def test_a_symlink_to_a_file_keeps_the_link_and_replaces_its_target(tmp_path: Path) -> None:
    (tmp_path / "real.svg").write_text("old", encoding="utf-8")
    (tmp_path / "link.svg").symlink_to("real.svg")
    write_file(tmp_path / "link.svg", "new")
    assert (tmp_path / "link.svg").is_symlink()
    assert (tmp_path / "real.svg").read_text(encoding="utf-8") == "new"


def test_a_250_byte_name_can_be_written(tmp_path: Path) -> None:
    name = "n" * 246 + ".svg"
    write_file(tmp_path / name, "ok")
    assert (tmp_path / name).read_text(encoding="utf-8") == "ok"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_new_files_follow_the_umask_and_existing_files_keep_their_mode(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        write_file(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o600
    kept = tmp_path / "kept.txt"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    write_file(kept, "new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert kept.read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_or_sighup_during_a_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    target = tmp_path / "out.svg"
    target.write_text("old", encoding="utf-8")
    real_fsync = os.fsync

    def killed_while_syncing(fd: int) -> None:
        real_fsync(fd)
        os.kill(os.getpid(), signum)

    monkeypatch.setattr(os, "fsync", killed_while_syncing)
    with pytest.raises(SystemExit) as caught:
        write_atomically(target, "new")
    assert caught.value.code == 128 + signum
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.svg"]
    assert target.read_text(encoding="utf-8") == "old"
    assert signal.getsignal(signum) is signal.SIG_DFL  # the handler is put back


def test_a_directory_is_not_a_target(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError, match="is a directory"):
        write_file(tmp_path, "x")


def test_only_regular_files_are_read_and_a_fifo_never_blocks(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ReadError) as caught:
        read_regular_file(fifo, 100)
    assert caught.value.format() == (
        f"{fifo}: error: is a named pipe, not a regular file: not read [E001]"
    )
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    with pytest.raises(ReadError, match="is a device, not a regular file"):
        read_regular_file(zero, 100)


def test_the_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 101)
    with pytest.raises(ReadError) as caught:
        read_regular_file(big, 100)
    assert caught.value.message == "file is 101 bytes; the limit is 100 bytes"
    assert read_regular_file(big, 101) == b"x" * 101


def test_a_name_that_is_not_utf8_is_shown_with_its_bytes_escaped() -> None:
    assert display_path(os.fsdecode(b"maps/caf\xe9.yaml")) == "maps/caf\\xe9.yaml"
    assert display_path("maps/café.yaml") == "maps/café.yaml"
