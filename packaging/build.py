"""Build the offline bundle, its archive and (on Debian) the .deb: ``./dev.sh package``.

    python packaging/build.py [--no-deb] [--no-archive] [--fast] [--dist FOLDER]

Outputs, from the repository root:
- ``dist/leaflet-viewer/``                                   one-folder PyInstaller bundle
- ``dist/leaflet-viewer-<version>-linux-x86_64.tar.xz``      the bundle as an archive
- ``dist/leaflet-viewer_<version>_amd64.deb``                installs to /opt/leaflet-viewer

``--fast`` compresses lightly (tests and CI: the contents are the same, the files larger).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from leaflet_app import APP_ID, __version__  # noqa: E402

DIST = ROOT / "dist"  # --dist changes it
BUILD = ROOT / "build" / "package"
ICON_NAME = "leaflet-viewer"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
INSTALL_DIR = "opt/leaflet-viewer"
# Libraries Qt loads from the system rather than from the bundle (PyInstaller leaves out
# graphics drivers and the C library, which must match the machine).
DEB_DEPENDS = (
    "libc6 (>= 2.31), libegl1, libgl1, libfontconfig1, libfreetype6, libxkbcommon0, libdbus-1-3, "
    "libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, "
    "libxcb-render-util0, libxcb-shape0, libxcb-randr0, libxcb-xkb1, libxcb-xfixes0"
)


def bundle_path(dist: Path = DIST) -> Path:
    return dist / "leaflet-viewer"


def archive_path(dist: Path = DIST) -> Path:
    return dist / f"leaflet-viewer-{__version__}-linux-x86_64.tar.xz"


def deb_path(dist: Path = DIST) -> Path:
    return dist / f"leaflet-viewer_{__version__}_amd64.deb"


def render_icons() -> None:
    """PNG sizes for the hicolor theme and an .ico for Windows, drawn from the one SVG by QtSvg."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / f"{ICON_NAME}.svg"))
    if not renderer.isValid():
        raise SystemExit("the application icon SVG cannot be read")
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = BUILD / "icons" / f"{size}x{size}" / f"{ICON_NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
        if size == 256:
            image.save(str(BUILD / f"{ICON_NAME}.ico"))


def write_windows_version() -> None:
    numbers = (tuple(int(p) for p in __version__.split(".")[:3]) + (0, 0, 0, 0))[:4]
    (BUILD / "version_info.txt").write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}),
  kids=[StringFileInfo([StringTable('040904B0', [
    StringStruct('CompanyName', 'Leaflet Viewer contributors'),
    StringStruct('FileDescription', 'Leaflet Viewer'),
    StringStruct('FileVersion', '{__version__}'),
    StringStruct('ProductName', 'Leaflet Viewer'),
    StringStruct('ProductVersion', '{__version__}'),
    StringStruct('OriginalFilename', 'leaflet-app.exe'),
    StringStruct('LegalCopyright', 'MIT licence; see the licences folder')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])])
""",
        encoding="utf-8",
    )


def run_pyinstaller(dist: Path) -> Path:
    bundle = bundle_path(dist)
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(dist), "--workpath", str(BUILD / "pyinstaller"),
         str(ROOT / "packaging" / "leaflet-viewer.spec")],
        check=True, cwd=ROOT,
    )
    shutil.copy2(ROOT / "LICENSE", bundle / "LICENSE")
    (bundle / "README.txt").write_text(
        f"Leaflet Viewer {__version__}, offline bundle.\n\n"
        "Run ./leaflet-app (see ./leaflet-app --help). Licences of everything inside:\n"
        "_internal/leaflet_app/resources/licences/README.txt\n",
        encoding="utf-8",
    )
    return bundle


def _reset(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def make_archive(dist: Path, fast: bool) -> Path:
    """The bundle as ``leaflet-viewer/…`` in a .tar.xz (xz on all cores when it is installed)."""
    target = archive_path(dist)
    plain = BUILD / "bundle.tar"
    with tarfile.open(plain, "w") as tar:
        tar.add(bundle_path(dist), arcname="leaflet-viewer", filter=_reset)
    level = "-1" if fast else "-6"
    if shutil.which("xz"):
        with open(target, "wb") as out:
            subprocess.run(["xz", "-T0", level, "-c", str(plain)], stdout=out, check=True)
    else:
        import lzma

        with open(plain, "rb") as src, lzma.open(target, "wb", preset=int(level[1:])) as dst:
            shutil.copyfileobj(src, dst)
    plain.unlink()
    return target


def _installed_size_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) // 1024 + 1


def make_deb(dist: Path, fast: bool) -> Path:
    root = BUILD / "deb"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle_path(dist), root / INSTALL_DIR, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"../../{INSTALL_DIR}/leaflet-app", root / "usr" / "bin" / "leaflet-app")
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(ROOT / "packaging" / "leaflet-viewer.desktop", share / "applications" / f"{APP_ID}.desktop")
    (share / "metainfo").mkdir()
    metainfo = (ROOT / "packaging" / "leaflet-viewer.metainfo.xml").read_text(encoding="utf-8")
    metainfo = metainfo.replace("@APP_ID@", APP_ID).replace("@VERSION@", __version__)
    metainfo = metainfo.replace("@DATE@", dt.date.today().isoformat())
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo, encoding="utf-8")
    icons = share / "icons" / "hicolor"
    for size in ICON_SIZES:
        (icons / f"{size}x{size}" / "apps").mkdir(parents=True)
        shutil.copy2(BUILD / "icons" / f"{size}x{size}" / f"{ICON_NAME}.png", icons / f"{size}x{size}" / "apps")
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "icons" / f"{ICON_NAME}.svg", icons / "scalable" / "apps")
    doc = share / "doc" / "leaflet-viewer"
    doc.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "licences" / "README.txt", doc / "copyright")
    shutil.copy2(ROOT / "packaging" / "kiosk.example.toml", doc / "kiosk.example.toml")
    shutil.copy2(ROOT / "packaging" / "leaflet-viewer-kiosk.desktop", doc / "leaflet-viewer-kiosk.desktop")
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(
        f"""Package: leaflet-viewer
Version: {__version__}
Architecture: amd64
Maintainer: Leaflet Viewer contributors <leaflet-viewer@localhost>
Installed-Size: {_installed_size_kib(root)}
Depends: {DEB_DEPENDS}
Section: education
Priority: optional
Description: public-information leaflet in many languages, offline
 Leaflet Viewer shows a public-information leaflet in seventeen languages,
 including right-to-left Arabic and Urdu, with large text, high contrast and a
 locked kiosk mode. It never uses the network. Self-contained: Python, Qt and
 the fonts are inside /{INSTALL_DIR}.
""",
        encoding="utf-8",
    )
    for path in [root, *root.rglob("*")]:  # dpkg wants 0755 folders and no group-writable files
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    target = deb_path(dist)
    compression = ["-Zgzip", "-z1"] if fast else ["-Zxz", "-z6"]
    subprocess.run(["dpkg-deb", "--root-owner-group", *compression, "--build", str(root), str(target)],
                   check=True, stdout=subprocess.DEVNULL)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-archive", action="store_true", help="skip the .tar.xz")
    parser.add_argument("--no-deb", action="store_true", help="skip the .deb")
    parser.add_argument("--fast", action="store_true", help="compress lightly (tests)")
    parser.add_argument("--dist", type=Path, default=DIST, help="output folder (dist/)")
    args = parser.parse_args()
    dist = args.dist.resolve()
    BUILD.mkdir(parents=True, exist_ok=True)
    render_icons()
    write_windows_version()
    bundle = run_pyinstaller(dist)
    print(f"bundle:  {bundle}/ ({_installed_size_kib(bundle) / 1024:.1f} MiB)")
    if not args.no_archive:
        target = make_archive(dist, args.fast)
        print(f"archive: {target} ({target.stat().st_size / 2**20:.1f} MiB)")
    if not args.no_deb and sys.platform.startswith("linux") and shutil.which("dpkg-deb"):
        target = make_deb(dist, args.fast)
        print(f"deb:     {target} ({target.stat().st_size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
