"""Reading and writing files safely, and finding the maps under a folder: one place for each rule.

Writes: `-` is standard output; a regular file is replaced atomically (a temporary
file beside it, renamed over it), keeping its mode, or created with the umask's
mode; anything else that exists (a device such as /dev/null, a named pipe) is
written directly, never renamed over; an output that is one of the inputs
(by path, through `..`, a symlink or a hard link) is refused.

Reads: only regular files, with the size limit checked on the open file before
anything is read (a FIFO or /dev/zero in a folder of maps never blocks or fills
memory).
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import secrets
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError, MapLoadError, Position, no_map_files

MAP_SUFFIXES = (".yaml", ".yml")
STDOUT = "-"
"""The output name that means standard output, for every command that writes."""


# ---------------------------------------------------------------------------
# Names shown to people


def display_path(path: str | os.PathLike[str]) -> str:
    """A file name (or any text holding one) as text that can be printed and stored as
    UTF-8.

    Bytes of the name that are not UTF-8 (Python keeps them as lone surrogates)
    are shown as `\\xNN`; the same rule everywhere a name is printed or written
    into JSON, SARIF or a diagnostic line.
    """
    text = os.fspath(path)
    if isinstance(text, bytes):
        return text.decode("utf-8", "backslashreplace")
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is no byte of a name (from JSON, say)
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


# ---------------------------------------------------------------------------
# Reading


class ReadError(ArgmapError):
    """A file that argmap will not read: missing, not a regular file, or too large."""


class FileMissing(ReadError):
    """No file of that name."""


class NotRegularFile(ReadError):
    """A folder, FIFO, device or socket: never read as a file."""


class FileTooLarge(ReadError):
    """Larger than the limit its reader set."""


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    Opened without blocking (a named pipe with no writer would block for ever),
    then checked with fstat on the open descriptor (no race with a swap of the
    name): a directory, FIFO, device or socket is refused (E001), and so is a
    file larger than `limit` (E003), before anything is read. At most
    `limit + 1` bytes are read, in case the file grows meanwhile.
    Every failure is a ReadError whose position is the file.
    """
    where = Position(display_path(path))

    def fail(code: str, message: str, kind: type[ReadError] = ReadError) -> ReadError:
        return kind(code, message, where)

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise fail("E001", "no such file", FileMissing) from None
    except PermissionError:
        raise fail("E001", "permission denied") from None
    except OSError as exc:
        raise fail("E001", f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise fail("E001", "is a directory, not a map file", NotRegularFile)
        if not stat.S_ISREG(info.st_mode):
            raise fail(
                "E001", f"is a {_kind(info.st_mode)}, not a regular file: not read", NotRegularFile
            )
        if info.st_size > limit:
            raise fail(
                "E003",
                f"file is {info.st_size:,} bytes; the limit is {limit:,} bytes",
                FileTooLarge,
            )
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise fail("E001", f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise fail("E003", f"file is over {limit:,} bytes (it grew while being read)", FileTooLarge)
    return data


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


# ---------------------------------------------------------------------------
# Writing


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True if the two names lead to one file: the same resolved path (`x/../m.yaml`,
    a symlink) or the same device and inode (a hard link)."""
    try:
        if Path(a).resolve() == Path(b).resolve():
            return True
    except (OSError, RuntimeError):  # a symlink loop
        pass
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def refuse_overwriting_input(
    output: str | os.PathLike[str], *inputs: str | os.PathLike[str]
) -> None:
    """Refuse an output that is one of the inputs (`-o` naming the map, however spelt)."""
    if os.fspath(output) == STDOUT:
        return
    for given in inputs:
        if same_file(output, given):
            raise ArgmapError(
                "E702",
                f"refusing to overwrite the input file {display_path(given)} with output",
            )


def write_output(
    output: str | os.PathLike[str],
    data: bytes | str,
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Write one document where `-o` says: `-` is standard output, anything else a file
    (see `write_file`). An output naming one of `inputs` is refused (E702)."""
    if os.fspath(output) == STDOUT:
        write_stdout(data)
        return
    refuse_overwriting_input(output, *inputs)
    write_file(output, data)


def write_stdout(data: bytes | str) -> None:
    """Write to standard output and flush; a failure (closed, full) is ArgmapError E707."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    stream: Any = sys.stdout
    if stream is None:  # started with standard output closed (`>&-`)
        raise output_failed(OSError(errno.EBADF, os.strerror(errno.EBADF)))
    binary = getattr(stream, "buffer", None)
    try:
        if binary is not None:
            stream.flush()
            binary.write(payload)
            binary.flush()
        else:  # a text-only stream (a test runner's capture)
            stream.write(payload.decode("utf-8", "replace"))
            stream.flush()
    except BrokenPipeError:
        raise  # the reader went away (`| head`): the CLI's boundary treats it as normal
    except OSError as exc:
        raise output_failed(exc) from None


def output_failed(exc: OSError) -> ArgmapError:
    """The one-line error for standard output that cannot be written."""
    return ArgmapError("E707", f"cannot write the output: {exc.strerror or exc}")


def write_file(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write `data` to the file `path`.

    A regular file (or a new one) is replaced atomically: a reader sees the old
    file or the new one, never half of it; a symlink's target is replaced, the
    link is kept. A file that exists and is not regular (a device, a named
    pipe) is written in place: renaming over it would destroy it.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(path)
    try:
        info = target.stat()
    except (FileNotFoundError, NotADirectoryError):  # (a file in the way: said below)
        info = None
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise ArgmapError("E701", f"cannot write {display_path(target)}: is a directory")
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_in_place(target, payload, info.st_mode)
        return
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    write_atomically(target, payload, mode=None if info is None else stat.S_IMODE(info.st_mode))


PIPE_WAIT = 2.0
"""Seconds a named pipe given as output may take to get a reader."""


def _write_in_place(target: Path, payload: bytes, mode: int) -> None:
    kind = _kind(mode)
    # O_NONBLOCK: a named pipe with no reader fails (ENXIO) instead of blocking for ever;
    # a reader that is still starting (`cat pipe & argmap … -o pipe`) gets PIPE_WAIT.
    deadline = time.monotonic() + PIPE_WAIT
    while True:
        try:
            fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
            break
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise _cannot_write(target, exc) from None
            if time.monotonic() >= deadline:
                raise ArgmapError(
                    "E701",
                    f"cannot write {display_path(target)}: a {kind} that nobody is reading",
                ) from None
            time.sleep(0.05)
    try:
        os.set_blocking(fd, True)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    finally:
        os.close(fd)


def _cannot_write(target: Path, exc: OSError) -> ArgmapError:
    return ArgmapError("E701", f"cannot write {display_path(target)}: {exc.strerror or exc}")


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(
    path: str | os.PathLike[str], data: bytes | str, *, mode: int | None = None
) -> None:
    """Write `data` to the regular file `path` so that a reader sees the old file or the
    new one, never half.

    The bytes go to a temporary file in the same folder (a short name of its own,
    so a 255-byte target name still works), flushed to disk, given `mode` (new
    files: 0o666 less the umask), then renamed over the target. The temporary
    file is removed on any failure, on Ctrl-C, and on SIGTERM or SIGHUP.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    shown = display_path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocking = next((p for p in target.parents if p.is_file()), None)
        if blocking is not None:  # mkdir says only "File exists" or "Not a directory"
            raise ArgmapError(
                "E701", f"cannot write {shown}: {display_path(blocking)} is a file, not a folder"
            ) from None
        raise _cannot_write(target, exc) from None
    tmp = target.parent / f".argmap-{secrets.token_hex(6)}.tmp"
    with _removed_on_signal(tmp):
        try:
            fd = os.open(
                tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600
            )
        except OSError as exc:
            raise _cannot_write(target, exc) from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, (0o666 & ~current_umask()) if mode is None else mode)
            os.replace(tmp, target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise _cannot_write(target, exc) from None
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


class Terminated(SystemExit):
    """SIGTERM or SIGHUP arrived during a write: the temporary file is removed, then we exit."""


@contextlib.contextmanager
def _removed_on_signal(tmp: Path) -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP end the process by raising (so the
    cleanup above runs) instead of killing it outright."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s]
    previous: dict[int, Any] = {}

    def stop(signum: int, _frame: object) -> None:
        raise Terminated(128 + signum)

    handler: Callable[[int, Any], None] = stop
    for sig in wanted:
        current = signal.getsignal(sig)
        if current is signal.SIG_IGN:  # nohup: the user asked for the write to go on
            continue
        previous[sig] = current
        signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


# ---------------------------------------------------------------------------
# Folders of maps


def walk_yaml(folder: str | os.PathLike[str]) -> list[Path]:
    """Every *.yaml / *.yml file under `folder`, sorted; hidden folders (.git, .venv) and
    hidden files (.pre-commit-config.yaml) skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            Path(root) / f
            for f in sorted(files)
            if f.endswith(MAP_SUFFIXES) and not f.startswith(".")
        ]
    return found


def find_maps(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files named, and every *.yaml / *.yml below each folder named, in order.

    Which of a folder's files are maps is decided when they are read: commands
    load each with `argmap.load` and skip (I303) YAML that is not a map at all,
    the rule of `validate DIR`; a file named on the command line is always read
    as a map.
    """
    found: list[Path] = []
    for given in paths:
        p = Path(given)
        found += walk_yaml(p) if p.is_dir() else [p]
    return found


# ---------------------------------------------------------------------------
# Standard output and error for the command line


class _Guarded:
    """A standard stream whose failed writes (closed, full disk) raise ArgmapError E707;
    after a failure, flushing is quiet (so that exiting does not fail a second time)."""

    def __init__(self, inner: Any, fd: int) -> None:
        self._inner = inner
        self._fd = fd
        self._failed = False
        binary = getattr(inner, "buffer", None)
        self.buffer = _Guarded(binary, fd) if binary is not None else None

    def _fail(self, exc: OSError) -> ArgmapError:
        self._failed = True
        if self.buffer is not None:
            self.buffer._failed = True
        with contextlib.suppress(OSError):  # whatever is still buffered goes nowhere
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._fd)
            os.close(devnull)
        return output_failed(exc)

    def write(self, data: Any) -> int:
        if not data:  # click probes a stream with write("") and write(b""): its type answers
            try:
                return int(self._inner.write(data))
            except OSError:
                return 0
        if self._failed:  # every later write fails too; only flushing goes quiet
            raise output_failed(OSError(errno.EIO, "an earlier write failed"))
        try:
            return int(self._inner.write(data))
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._fail(exc) from None

    def flush(self) -> None:
        if self._failed:
            return
        try:
            self._inner.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._fail(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _Closed:
    """Standard output when the process started with it closed (`>&-`): every write fails."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self) -> None:
        self.buffer = self

    def write(self, data: Any) -> int:
        raise output_failed(OSError(errno.EBADF, "standard output is closed"))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


UNENCODABLE = "argmap.unencodable"
"""The error handler of stdout and stderr: see `_escape_unencodable`."""


def _escape_unencodable(exc: UnicodeError) -> tuple[str, int]:
    """Each character the output encoding cannot hold as `\\uXXXX` (a pair of them past
    U+FFFF), which is also a valid escape inside a JSON string: a JSON document printed
    in a Latin-1 or ASCII terminal still parses, to the same text."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start : exc.end]:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), exc.end


def guard_standard_streams() -> None:
    """Set up stdout and stderr for a command-line run.

    - Text that the output encoding cannot hold (`PYTHONIOENCODING=latin-1`, an
      ASCII locale) or that is not text at all (a file name that is not UTF-8)
      is written as a backslash escape instead of raising UnicodeEncodeError.
    - A failed write of standard output (closed with `>&-`, `/dev/full`) is the
      one-line error E707 instead of a success or an internal error.
    - A closed descriptor 0, 1 or 2 is taken by /dev/null, so that no file
      argmap opens later gets it (a write meant for stdout would land there).
    """
    closed_stdout = sys.stdout is None
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            with contextlib.suppress(OSError):
                got = os.open(os.devnull, os.O_RDWR)
                if got != fd:
                    os.dup2(got, fd)
                    os.close(got)
    codecs.register_error(UNENCODABLE, _escape_unencodable)
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and hasattr(stream, "reconfigure"):
            with contextlib.suppress(Exception):
                stream.reconfigure(errors=UNENCODABLE)
    if closed_stdout:
        sys.stdout = _Closed()
    elif sys.stdout is not None:
        sys.stdout = _Guarded(sys.stdout, 1)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the run


def map_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Every map file named or found under a directory; E001 (MapLoadError) for a directory
    with none."""
    found: list[Path] = []
    for given in paths:
        here = find_maps([given])
        if not here and Path(given).is_dir():
            raise MapLoadError([no_map_files(str(given))])
        found += here
    return found
