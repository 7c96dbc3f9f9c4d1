"""Bad leaflet folders, kiosk configurations, PIN files, command-line outputs and fonts: each
gets a clear message and a safe fallback, and nothing the user had is lost."""

from __future__ import annotations

import logging
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT
from PySide6.QtGui import QImage

from leaflet_app.content import LeafletError, load_leaflet
from leaflet_app.font_check import damaged_fonts, warn_once_if_damaged
from leaflet_app.kiosk.config import load_config, set_pin_interactively
from leaflet_app.kiosk.pin import hash_pin, looks_like_hash, verify_pin

SECTIONS = ["what-is-an-scr", "contact"]


def run(*args: str, data: Path | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if data is not None:
        env["LEAFLET_APP_DATA"] = str(data)
    return subprocess.run([sys.executable, "-m", "leaflet_app", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120, input=stdin)


# --- the leaflet folder ---------------------------------------------------------------------------

def leaflet_folder(data: Path) -> Path:
    return data / "resources" / "leaflets" / "scr"


def set_meta(folder: Path, key: str, value: str) -> None:
    meta = folder / "leaflet.toml"
    lines = [line for line in meta.read_text(encoding="utf-8").splitlines() if not line.startswith(f"{key} =")]
    meta.write_text("\n".join(lines + [f"{key} = {value}"]) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("key", "value", "complaint"),
    [
        ("contact_details", "42", "contact_details must be a list of strings"),
        ("contact_details", '"John Dryden House"', "contact_details must be a list of strings"),
        ("contact_details", "[1, 2]", "contact_details must be a list of strings"),
        ("id", "5", "id must be a string"),
        ("contact_section", "[1]", "contact_section must be a string"),
        ("source", '"../../../../etc/passwd"', "source must be a file name"),
        ("source", '"missing.md"', "missing"),
    ],
)
def test_bad_leaflet_metadata_is_named_and_the_app_exits_cleanly(data_copy: Path, key: str, value: str,
                                                                 complaint: str) -> None:
    set_meta(leaflet_folder(data_copy), key, value)
    with pytest.raises(LeafletError, match=complaint):
        load_leaflet(leaflet_folder(data_copy))
    result = run("--list-languages", data=data_copy)
    assert result.returncode == 1 and complaint in result.stderr and "Traceback" not in result.stderr


def test_leaflet_saved_with_a_bom_loads_as_it_is(data_copy: Path) -> None:
    source = leaflet_folder(data_copy) / "leaflet.md"
    source.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    meta = leaflet_folder(data_copy) / "leaflet.toml"
    meta.write_bytes(b"\xef\xbb\xbf" + meta.read_bytes())
    assert load_leaflet(leaflet_folder(data_copy)).title.text == "Serious Case Review Information Leaflet"


@pytest.mark.parametrize("kind", ["latin1", "folder", "fifo"])
def test_unreadable_leaflet_source_is_named(data_copy: Path, kind: str) -> None:
    source = leaflet_folder(data_copy) / "leaflet.md"
    if kind == "latin1":
        source.write_bytes(source.read_bytes() + "café".encode("latin-1"))
    else:
        source.unlink()
        source.mkdir() if kind == "folder" else os.mkfifo(source)
    with pytest.raises(LeafletError, match="not UTF-8|not a regular file"):
        load_leaflet(leaflet_folder(data_copy))


def test_missing_data_folder_is_said_without_a_traceback(tmp_path: Path) -> None:
    """The program installed without its resources (e.g. a wheel built without package data)."""
    shutil.copytree(ROOT / "leaflet_app", tmp_path / "leaflet_app")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(tmp_path))
    env.pop("LEAFLET_APP_DATA", None)
    result = subprocess.run([sys.executable, "-m", "leaflet_app", "--export", str(tmp_path / "x.txt")],
                            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 1 and "data folder was not found" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "x.txt").exists()


# --- the kiosk configuration --------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("kiosk = 5", "'kiosk' must be a table"),
        ('kiosk = "text"', "'kiosk' must be a table"),
        ('start_language = ["pl"]', "start_language must be one of"),
        ("languages = [1, 2]", "languages must be a list"),
        ('admin_pin = "scrypt$1$2$3$zz$yy"', "never a plain PIN"),
        (f'admin_pin = "{hash_pin("1234").replace("$16384$", "$1073741824$")}"', "never a plain PIN"),
        ("idle_timeout = nan", "idle_timeout must be a number"),
        ("attract_period = 1e308", "attract_period must be a number"),
    ],
)
def test_kiosk_config_faults_give_locked_safe_defaults(tmp_path: Path, text: str, complaint: str, caplog) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        c = load_config(path, LANGUAGES, SECTIONS)
    assert any(complaint in p for p in c.problems), c.problems
    assert complaint in caplog.text and c.admin_pin_hash == "" and c.idle_timeout == 120


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder", "huge", "latin1"])
def test_kiosk_config_that_is_not_a_small_text_file_gives_defaults_without_hanging(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "kiosk.toml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        path.write_text("# x\n" * 100_000, encoding="utf-8")
    else:
        path.write_bytes("# café\nidle_timeout = 60\n".encode("latin-1"))
    c = load_config(path, LANGUAGES, SECTIONS)
    assert c.problems and "cannot be read" in c.problems[0] and c.idle_timeout == 120


def test_pin_hash_shape_is_checked() -> None:
    good = hash_pin("2468")
    assert looks_like_hash(good) and verify_pin("2468", good)
    for bad in ("", "scrypt$$$$$", good.replace("scrypt", "md5"), good[:-2], good + "00", good.replace("$8$", "$0$")):
        assert not looks_like_hash(bad) and not verify_pin("2468", bad)


# --- --kiosk-set-pin ------------------------------------------------------------------------------

def answers(*values: str):
    it = iter(values)

    def ask(prompt: str) -> str:
        value = next(it)
        if value == "EOF":
            raise EOFError
        return value

    return ask


def test_set_pin_on_end_of_input_changes_nothing(tmp_path: Path, capsys) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("idle_timeout = 60\n", encoding="utf-8")
    assert set_pin_interactively(path, ask=answers("EOF")) == 2
    assert "Nothing was changed" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == "idle_timeout = 60\n"
    result = run("--kiosk-set-pin", "--kiosk-config", str(path), stdin="")
    assert result.returncode == 2 and "Traceback" not in result.stderr and "Nothing was changed" in result.stdout


@pytest.mark.parametrize(
    ("where", "complaint"),
    [("missing/kiosk.toml", "does not exist"), ("folder", "not a regular file"), ("/sys/kiosk.toml", "cannot be written")],
)
def test_set_pin_where_it_cannot_be_written_says_so(tmp_path: Path, capsys, where: str, complaint: str) -> None:
    path = tmp_path / where
    if where == "folder":
        path.mkdir()
    assert set_pin_interactively(path, ask=answers("97531", "97531")) == 1
    out = capsys.readouterr().out
    assert complaint in out and "Nothing was changed" in out


@pytest.mark.parametrize(
    ("text", "complaint"),
    [("this is = = not toml\n", "not valid TOML"), ('admin_pin = "old"\n[kiosk]\nidle_timeout = 60\n', "outside")],
)
def test_set_pin_refuses_a_file_the_kiosk_would_not_read(tmp_path: Path, capsys, text: str, complaint: str) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    assert set_pin_interactively(path, ask=answers("97531", "97531")) == 1
    assert complaint in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == text


def test_set_pin_keeps_permissions_and_links(tmp_path: Path) -> None:
    tmp_path = tmp_path / "kiosk"
    tmp_path.mkdir()
    private = tmp_path / "private.toml"
    private.write_text("[kiosk]\n", encoding="utf-8")
    private.chmod(0o600)
    link = tmp_path / "kiosk.toml"
    link.symlink_to(private)
    assert set_pin_interactively(link, ask=answers("97531", "97531")) == 0
    assert link.is_symlink() and stat.S_IMODE(private.stat().st_mode) == 0o600
    assert verify_pin("97531", load_config(link, LANGUAGES, SECTIONS).admin_pin_hash)
    new = tmp_path / "new.toml"
    assert set_pin_interactively(new, ask=answers("97531", "97531")) == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o600  # the hash is nobody else's business
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kiosk.toml", "new.toml", "private.toml"]


# --- command-line outputs ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("args", "complaint", "code"),
    [
        (["--screenshot", "{tmp}/missing/x.png"], "does not exist", 2),
        (["--screenshot", "{tmp}/folder.png"], "is a folder", 2),
        (["--screenshot", "/sys/x.png"], "cannot write /sys/x.png", 1),
        (["--export", "{tmp}/folder.png"], "writes .txt and .pdf files", 2),
        (["--export", "{tmp}/a.txt", "--screenshot", "{tmp}/b.png"], "run the app once for each", 2),
        (["--language", "x" * 100_000], "(100000 characters)", 2),
        (["--section", "y" * 5000], "(5000 characters)", 2),
    ],
    ids=["missing-folder", "folder", "read-only", "export-not-txt", "export-and-screenshot", "long-language",
         "long-section"],
)
def test_outputs_that_cannot_be_made_are_refused_with_a_message(tmp_path: Path, args: list[str], complaint: str,
                                                               code: int) -> None:
    tmp_path = tmp_path / "out"
    (tmp_path / "folder.png").mkdir(parents=True)
    result = run(*[a.format(tmp=tmp_path) for a in args])
    assert result.returncode == code and complaint in result.stderr
    assert len(result.stderr) < 1000 and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.png"]  # nothing made, nothing left behind


def test_screenshot_replaces_the_old_picture_in_one_step_and_says_when_it_is_resized(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "shot.png"
    out.write_bytes(b"the previous picture")
    result = run("--screenshot", str(out), "--size", "200x200")
    assert result.returncode == 0, result.stderr
    assert "cannot be 200x200" in result.stderr and "the picture is 640x480" in result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (640, 480)
    assert [p.name for p in tmp_path.iterdir()] == ["shot.png"]


def test_export_carries_the_draft_notice_in_the_language_and_in_english(tmp_path: Path) -> None:
    out = tmp_path / "ar.txt"
    assert run("--language", "ar", "--export", str(out)).returncode == 0
    head = out.read_text(encoding="utf-8").splitlines()[:3]
    assert head[1].startswith("Draft translation, not yet checked by a qualified translator (0% checked)")
    assert "مسودة" in head[0] or "ترجمة" in head[0]
    english = tmp_path / "en.txt"
    assert run("--export", str(english)).returncode == 0
    assert english.read_text(encoding="utf-8").startswith("Serious Case Review")  # English: no notice


# --- fonts ------------------------------------------------------------------------------------------

def test_fonts_cut_short_are_warned_about_once(tmp_path: Path, caplog) -> None:
    fonts = tmp_path / "fonts"
    shutil.copytree(ROOT / "resources" / "fonts", fonts)
    assert damaged_fonts(fonts, full=True) == []
    urdu = fonts / "NotoNastaliqUrdu-Regular.ttf"
    urdu.write_bytes(urdu.read_bytes()[:100_000])
    (fonts / "NotoSans-Bold.ttf").unlink()
    bengali = fonts / "NotoSansBengali-Bold.ttf"
    data = bytearray(bengali.read_bytes())
    data[5000] ^= 0xFF
    bengali.write_bytes(bytes(data))
    problems = damaged_fonts(fonts, full=True)
    assert any("NotoNastaliqUrdu-Regular.ttf: 100000 bytes" in p for p in problems)
    assert any("NotoSans-Bold.ttf: cannot be read" in p for p in problems)
    assert any("NotoSansBengali-Bold.ttf: contents differ" in p for p in problems)
    with caplog.at_level(logging.WARNING):
        warn_once_if_damaged(fonts)
        warn_once_if_damaged(fonts)
    assert caplog.text.count("Bundled fonts are damaged") == 1


def test_font_manifest_lists_every_bundled_font() -> None:
    listed = {line.split()[2] for line in (ROOT / "resources/fonts/fonts.manifest").read_text().splitlines()
              if line and not line.startswith("#")}
    assert listed == {p.name for p in (ROOT / "resources/fonts").glob("*.ttf")}
    assert damaged_fonts(ROOT / "resources" / "fonts", full=True) == []


def test_missing_manifest_is_one_problem(tmp_path: Path) -> None:
    assert damaged_fonts(tmp_path) == [f"{tmp_path / 'fonts.manifest'}: cannot be read "
                                       f"([Errno 2] No such file or directory: '{tmp_path / 'fonts.manifest'}')"]


# --- closing at once ------------------------------------------------------------------------------------

def test_closing_the_window_as_it_appears_raises_nothing() -> None:
    script = (
        "import os; os.environ['QT_QPA_PLATFORM']='offscreen'\n"
        "from PySide6.QtCore import QTimer\n"
        "from leaflet_app.app import application, default_leaflet, languages\n"
        "from leaflet_app.ui.main_window import MainWindow\n"
        "app = application(); w = MainWindow(default_leaflet(), languages(), None); w.restore(); w.show()\n"
        "QTimer.singleShot(0, w.close); QTimer.singleShot(10, app.quit); app.exec()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0 and "Error" not in result.stderr, result.stderr


@pytest.fixture
def full_disk(tmp_path: Path):
    """A 40 kB file system (root only: skipped where mounting is not allowed)."""
    where = tmp_path / "tiny"
    where.mkdir()
    if shutil.which("mount") is None or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40k", "tmpfs", str(where)],
                                                       capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


def test_screenshot_onto_a_full_disk_keeps_the_old_picture(full_disk: Path) -> None:
    out = full_disk / "shot.png"
    out.write_bytes(b"\x89PNG the previous picture")
    result = run("--screenshot", str(out))
    assert result.returncode == 1 and f"cannot write {out}" in result.stderr
    assert out.read_bytes() == b"\x89PNG the previous picture"
    assert [p.name for p in full_disk.iterdir()] == ["shot.png"]  # no half-written temporary file
