#!/usr/bin/env python3
"""Checks the Flatpak manifest as a nightly build would need it to be.

This machine cannot download the GNOME runtime, so instead of building, it
checks what a build depends on: every source is pinned (sha256 for archives
and files, a commit for git), every library that meson requires comes from
the GNOME runtime or from a module of the manifest, the app is built with
meson from this tree, and the sandbox asks for no blanket file access.
"""
import json
import pathlib
import re
import sys

# pkg-config names the org.gnome.Platform runtime provides (its own stack
# and the freedesktop runtime beneath it).
GNOME_RUNTIME = {
    "glib-2.0", "gio-2.0", "gio-unix-2.0", "gobject-2.0", "gmodule-2.0",
    "gtk4", "libadwaita-1", "gtksourceview-5", "sqlite3", "json-glib-1.0",
    "libxml-2.0", "cairo", "pango", "pangocairo", "harfbuzz", "libarchive", "zlib",
}

# pkg-config names each manifest module installs.
MODULE_PROVIDES = {
    "md4c": {"md4c", "md4c-html"},
    "poppler": {"poppler", "poppler-glib"},
    "cmark": {"libcmark"},
}

FORBIDDEN_FINISH_ARGS = {
    "--filesystem=home", "--filesystem=host", "--filesystem=host-os",
    "--filesystem=~", "--device=all", "--share=network",
}


def fail(errors, message):
    errors.append(message)


def meson_dependencies(top):
    names = set()
    for path in top.rglob("meson.build"):
        if "build" in path.relative_to(top).parts[:1]:
            continue
        for match in re.finditer(r"dependency\(\s*'([^']+)'", path.read_text()):
            names.add(match.group(1))
    return names


def check_sources(module, errors):
    for source in module.get("sources", []):
        kind = source.get("type")
        where = f"module {module['name']}"
        if kind in ("archive", "file"):
            if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
                fail(errors, f"{where}: {kind} source {source.get('url')} has no sha256")
            if not source.get("url", "").startswith("https://"):
                fail(errors, f"{where}: {kind} source is not fetched over https")
        elif kind == "git":
            if not re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")):
                fail(errors, f"{where}: git source {source.get('url')} is not pinned to a commit")
        elif kind == "dir":
            if source.get("path") != "..":
                fail(errors, f"{where}: a dir source other than the project tree")
        else:
            fail(errors, f"{where}: unexpected source type {kind!r}")


def main():
    top = pathlib.Path(sys.argv[1]).resolve()
    manifests = sorted((top / "flatpak").glob("*.json"))
    errors = []
    if not manifests:
        print("no manifest in flatpak/")
        return 1

    needed = meson_dependencies(top)
    for path in manifests:
        manifest = json.loads(path.read_text())
        app_id = manifest.get("id") or manifest.get("app-id")
        if app_id != "io.github.standpoint.Standpoint":
            fail(errors, f"{path.name}: id is {app_id!r}")
        if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
            fail(errors, f"{path.name}: not built on the GNOME runtime and SDK")
        if not re.fullmatch(r"\d+", str(manifest.get("runtime-version", ""))):
            fail(errors, f"{path.name}: runtime-version should be a GNOME release such as \"50\"")
        if manifest.get("command") != "standpoint":
            fail(errors, f"{path.name}: command is not standpoint")

        for arg in manifest.get("finish-args", []):
            if arg in FORBIDDEN_FINISH_ARGS or arg.startswith("--filesystem=/"):
                fail(errors, f"{path.name}: finish-arg {arg} is broader than the app needs")

        provided = set(GNOME_RUNTIME)
        modules = manifest.get("modules", [])
        for module in modules:
            if isinstance(module, str):
                fail(errors, f"{path.name}: module file {module} is not checked; inline it")
                continue
            check_sources(module, errors)
            provided |= MODULE_PROVIDES.get(module["name"], set())

        app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
        if app.get("name") != "standpoint" or app.get("buildsystem") != "meson":
            fail(errors, f"{path.name}: the last module must build standpoint with meson")

        for name in sorted(needed - provided):
            fail(errors, f"{path.name}: meson requires {name}, which neither the GNOME runtime "
                         f"nor a module of the manifest provides")

        print(f"{path.name}: {len(modules)} modules, {len(needed)} meson dependencies checked")

    for error in errors:
        print("FAIL:", error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
