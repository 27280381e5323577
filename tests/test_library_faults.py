"""Faults lose nothing (both backends): a file that is not a library, a newer schema, a process
killed mid-add, four processes adding at once. And where the library is: the config."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from refman.cli.library_hooks import bare_library_flag, tag_arguments
from refman.store.schema import VERSION

from .conftest import DATA, ROOT

LIB = DATA / "library"
MIXED = DATA / "bibtex" / "mixed.bib"


def _sql(library: str, statement: str) -> None:
    """Run one statement on the library's database, outside refman."""
    if library.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(library, autocommit=True) as conn:
            conn.execute(statement)
    else:
        with sqlite3.connect(library) as conn:
            conn.execute(statement)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every byte in the file itself
        conn.close()


def test_a_file_that_is_not_a_library_is_refused_in_one_line(run_cli, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("my notes\n", encoding="utf-8")
    assert run_cli("list", "--library", str(text)) == (
        2,
        "",
        f"refman: {text}: not a refman library (not an SQLite database)\n",
    )
    other = tmp_path / "other.sqlite"
    _sql(str(other), "CREATE TABLE photos (id INTEGER)")
    before = other.read_bytes()
    code, out, err = run_cli("add", "--library", str(other), str(MIXED))
    assert (code, out, err) == (
        2,
        "",
        f"refman: {other}: not a refman library (a database with other tables)\n",
    )
    assert other.read_bytes() == before


def test_a_database_with_other_tables_is_refused_on_postgresql(run_cli, postgres_server):
    url = postgres_server.url()
    _sql(url, "CREATE TABLE photos (id INTEGER)")
    code, _, err = run_cli("add", "--library", url, str(MIXED))
    assert (code, err.endswith(": not a refman library (a database with other tables)\n")) == (2, True)


def test_a_newer_schema_is_refused_and_never_modified(run_cli, library):
    assert run_cli("add", "--library", library, str(MIXED))[0] == 0
    _sql(library, "UPDATE refman_meta SET value = '99' WHERE name = 'schema_version'")
    before = Path(library).read_bytes() if not library.startswith("postgresql") else None
    for command in (("list",), ("add", str(LIB / "clash.json")), ("undo",)):
        code, out, err = run_cli(command[0], "--library", library, *command[1:])
        assert (code, out) == (2, "")
        assert err.endswith(
            f": written by a newer refman (schema 99; this refman knows {VERSION}); upgrade refman to use it\n"
        )
    if before is not None:
        assert Path(library).read_bytes() == before
    _sql(library, f"UPDATE refman_meta SET value = '{VERSION}' WHERE name = 'schema_version'")
    assert len(run_cli("list", "--library", library, "--format", "keys")[1].split()) == 8


def test_a_version_1_library_is_migrated_in_place(run_cli, tmp_path):
    """Version 2 replaced the blocking index by one that covers its query: a library of
    version 1 gets it on first use, its records kept, and add goes on finding duplicates."""
    library = str(tmp_path / "old.sqlite")
    assert run_cli("add", "--library", library, str(MIXED))[0] == 0
    with sqlite3.connect(library) as conn:  # back to what version 1 wrote
        conn.execute("DROP INDEX block_keys_cover")
        conn.execute("CREATE INDEX block_keys_key ON block_keys (key, place)")
        conn.execute("UPDATE refman_meta SET value = '1' WHERE name = 'schema_version'")
    assert len(run_cli("list", "--library", library, "--format", "keys")[1].split()) == 8
    with sqlite3.connect(library) as conn:
        version = conn.execute("SELECT value FROM refman_meta WHERE name = 'schema_version'").fetchone()
        indexes = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'block_keys'"
            )
        }
    assert (version, indexes) == ((str(VERSION),), {"block_keys_cover", "block_keys_record"})
    code, out, _ = run_cli("add", "--library", library, str(MIXED))
    assert (code, out) == (1, "")


def test_a_version_2_postgresql_library_gets_a_weight_per_field(run_cli, postgres_server):
    """Version 3 gave title, names and container weights of their own in PostgreSQL's search
    document (version 2 had title and names both at A): a version-2 library is migrated on
    first use, and "title:" no longer finds a word that is only a name."""
    url = postgres_server.url()
    assert run_cli("add", "--library", url, str(MIXED))[0] == 0
    for statement in (
        "DROP INDEX search_doc",
        "ALTER TABLE search DROP COLUMN doc",
        "ALTER TABLE search ADD COLUMN doc tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', names), 'A')"
        " || setweight(to_tsvector('simple', container), 'B')) STORED",
        "CREATE INDEX search_doc ON search USING GIN (doc)",
        "UPDATE refman_meta SET value = '2' WHERE name = 'schema_version'",
    ):
        _sql(url, statement)
    code, out, _ = run_cli("search", "--library", url, "title:zainullin", "--format", "keys")
    assert (code, out) == (1, "")  # found nothing: status 1, as grep
    import psycopg

    with psycopg.connect(url) as conn:
        version = conn.execute("SELECT value FROM refman_meta WHERE name = 'schema_version'").fetchone()
    assert version == (str(VERSION),)
    assert run_cli("search", "--library", url, "author:zainullin", "--format", "keys")[1] == "chapter:child\n"


KILLED_MID_ADD = """
import os, signal, sys
from refman.library_api import open_store
from refman.model import Reference
store = open_store(sys.argv[1])
with store.change("add") as change:
    store.insert(Reference(id="halfway2024", title="Never committed"), change, None)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_process_killed_mid_add_leaves_the_library_as_it_was(run_cli, library):
    run_cli("add", "--library", library, str(MIXED))
    done = subprocess.run([sys.executable, "-c", KILLED_MID_ADD, library], cwd=ROOT, check=False)
    assert done.returncode == -9
    out = run_cli("list", "--library", library, "--format", "keys")[1]
    assert out.split() == ["ivanov2019", "mueller2020", "chapter:parent", "chapter:child", "tass2021",
                           "decree484", "kim1999", "range2020"]  # fmt: skip
    assert [
        c["command"] for c in json.loads(run_cli("log", "--library", library, "--format", "json")[1])
    ] == ["add"]
    assert (
        run_cli("add", "--library", library, str(LIB / "clash.json"))[1] == "IVANOV2019a\nvishnevetskii2020\n"
    )


def test_four_processes_adding_at_once_lose_nothing(run_cli, library):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "refman", "add", "--library", library, str(LIB / f"concurrent{n}.json")],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in (1, 2, 3, 4)
    ]
    added = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        added += out.decode().split()
    items = json.loads(run_cli("list", "--library", library, "--format", "json")[1])
    assert len(items) == 12
    assert sorted(item["key"] for item in items) == sorted(added)
    assert len({item["key"].casefold() for item in items}) == 12
    titles = {item["title"] for item in items}
    assert titles == {f"A study of {t} in the north, part {k}" for t in ("bees", "glaciers", "tramways", "lichens")
                      for k in (1, 2, 3)}  # fmt: skip
    assert sorted(k for k in added if k.startswith("writer")) == ["writer1", "writer2", "writer3", "writer4"]


# --- where the library is -----------------------------------------------------------------


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A user with no config: XDG folders in the test's folder, the current directory empty."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.delenv("REFMAN_LIBRARY", raising=False)
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    return tmp_path


def test_config_resolution_order(run_cli, home, monkeypatch):
    default = home / "xdg_data_home" / "refman" / "library.sqlite"
    assert (
        run_cli("config")[1].splitlines()[0]
        == f"library        {default}\t(default (the user data directory))"
    )
    user = home / "xdg_config_home" / "refman" / "refman.toml"
    user.parent.mkdir(parents=True)
    user.write_text('library = "/srv/refs.sqlite"\nstyle = "gost-r-7.0.5-2008"\n', encoding="utf-8")
    assert run_cli("config")[1].splitlines()[:2] == [
        f"library        /srv/refs.sqlite\t({user})", f"style          gost-r-7.0.5-2008\t({user})"
    ]  # fmt: skip
    project = home / "project" / "refman.toml"
    (home / "project" / "sub").mkdir()
    monkeypatch.chdir(home / "project" / "sub")
    project.write_text('library = "lab.sqlite"\nlang = "en"\n', encoding="utf-8")
    lines = run_cli("config")[1].splitlines()
    assert lines[0] == f"library        {home / 'project' / 'lab.sqlite'}\t({project})"
    assert lines[1:3] == [f"style          gost-r-7.0.5-2008\t({user})", f"lang           en\t({project})"]
    monkeypatch.setenv("REFMAN_LIBRARY", "postgresql://refman@db.lab/refs")
    assert (
        run_cli("config")[1].splitlines()[0]
        == "library        postgresql://refman@db.lab/refs\t(REFMAN_LIBRARY)"
    )
    assert (
        run_cli("config", "--library", "x.sqlite")[1].splitlines()[0]
        == "library        x.sqlite\t(--library)"
    )


def test_the_default_library_is_created_in_the_user_data_folder(run_cli, home):
    assert run_cli("add", str(LIB / "clash.json"))[0:2] == (0, "IVANOV2019\nvishnevetskii2020\n")
    assert (home / "xdg_data_home" / "refman" / "library.sqlite").is_file()


def test_a_bad_config_file_is_one_line(run_cli, home):
    (home / "project" / "refman.toml").write_text("library = \n", encoding="utf-8")
    code, _, err = run_cli("list")
    assert code == 2 and err.startswith(f"refman: {home / 'project' / 'refman.toml'}: not valid TOML: ")
    (home / "project" / "refman.toml").write_text('colour = "red"\n', encoding="utf-8")
    assert run_cli("config")[2] == (
        f"refman: {home / 'project' / 'refman.toml'}: unknown setting 'colour' "
        "(known: library, style, lang, key-pattern, output-format)\n"
    )


def test_version_and_argument_rewriting(run_cli):
    assert run_cli("--version") == (0, "refman 0.1.0\n", "")
    assert bare_library_flag(["export", "--library", "--tag", "x"]) == ["export", "--library=", "--tag", "x"]
    assert bare_library_flag(["validate", "--library"]) == ["validate", "--library="]
    assert bare_library_flag(["show", "--library", "kim1999"]) == ["show", "--library=", "kim1999"]
    assert bare_library_flag(["show", "--library", "lab.sqlite", "k"]) == [
        "show",
        "--library",
        "lab.sqlite",
        "k",
    ]
    assert bare_library_flag(["add", "--library", "x"]) == ["add", "--library", "x"]
    assert tag_arguments(["tag", "k", "+a", "-ch2", "-q", "-L", "l.db"]) == [
        "tag",
        "-q",
        "-L",
        "l.db",
        "--",
        "k",
        "+a",
        "-ch2",
    ]


def test_an_input_that_cannot_be_read_creates_no_library(run_cli, tmp_path):
    library = tmp_path / "new.sqlite"
    code, out, err = run_cli("add", "--library", str(library), str(tmp_path / "missing.bib"))
    assert (code, out, library.exists()) == (2, "", False)
    assert err.startswith("refman: ") and err.count("\n") == 1
