"""`manage.py import_innokyla`: one report line per file, a summary and an honest exit status."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from models_library.management.commands.import_innokyla import Command
from models_library.models import OperatingModelPage, ProgrammePage
from tests.builders import build_programme
from tests.models_library.importer_support import (
    FIXTURES,
    GOOD_FIXTURES,
    SAMPLE_NAMES,
    SAMPLES,
    fixture_bytes,
    latest,
    needs_samples,
)

# The command speaks the active language; these tests read its English output.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def run(*args):
    out = StringIO()
    call_command("import_innokyla", *map(str, args), stdout=out, no_color=True)
    return out.getvalue()


def run_failing(*args):
    out = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_innokyla", *map(str, args), stdout=out, no_color=True)
    return out.getvalue(), str(error.value)


def write(tmp_path, name, data=None):
    path = tmp_path / name
    path.write_bytes(fixture_bytes(name) if data is None else data)
    return path


def test_report_line_per_file_and_a_summary(parent, tmp_path):
    model = write(tmp_path, "toimintamalli_kaikki_osiot.txt")
    programme = write(tmp_path, "kokonaisuus_kaikki_osiot.txt")

    output = run(model, programme)

    lines = output.splitlines()
    model_line = next(line for line in lines if line.startswith("OK") and "toimintamalli " in line)
    assert '"Työkykyvalmentaja sote-keskuksessa"' in model_line
    assert "created" in model_line and "fields=" in model_line
    assert "other=1 [Toimintamallin kokonaisuus]" in model_line
    assert "warnings=" in model_line and "new funders: " in model_line
    assert any(line.startswith("OK") and "kokonaisuus " in line and '"Kainuu: Työkykyverkosto"'
               in line for line in lines)
    assert "warning: New funder 'Kuntien omarahoitus' is created as a funder snippet" in output
    assert lines[-1].startswith("Summary: 2 file(s): 2 created, 0 updated, 0 unchanged, 0 failed.")
    assert OperatingModelPage.objects.count() == 1 and ProgrammePage.objects.count() == 1
    assert not OperatingModelPage.objects.get().live  # drafts unless --publish


def test_a_failing_file_is_reported_and_the_exit_status_is_not_zero(parent, tmp_path):
    good = write(tmp_path, "toimintamalli_kaikki_osiot.txt")
    empty = write(tmp_path, "tyhja.txt", b"")
    missing = tmp_path / "puuttuu.txt"

    output, error = run_failing(good, empty, missing)

    assert f"FAIL  {empty}: The file is empty." in output
    assert f"FAIL  {missing}: The file does not exist." in output
    assert "Summary: 3 file(s): 1 created, 0 updated, 0 unchanged, 2 failed." in output
    assert "2 of 3 file(s) failed" in error and "tyhja.txt" in error
    assert OperatingModelPage.objects.count() == 1


def test_exit_status_from_the_command_line(parent, tmp_path, capsys):
    empty = write(tmp_path, "tyhja.txt", b"")

    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["manage.py", "import_innokyla", str(empty), "--no-color"])

    assert exit_info.value.code == 1
    assert "1 of 1 file(s) failed" in capsys.readouterr().err


def test_every_bad_fixture_gets_its_own_message(parent, tmp_path):
    paths = [write(tmp_path, name) for name in ("tyhja.txt", "vain_otsikko.txt", "ei_innokyla.txt")]
    huge = write(tmp_path, "valtava.txt", b"x" * (5 * 1024 * 1024 + 1))
    binary = write(tmp_path, "kuva.txt", bytes(range(256)) * 8)

    output, _error = run_failing(*paths, huge, binary)

    assert "The file is empty." in output
    assert "only a title" in output
    assert "does not look like an Innokylä page" in output
    assert "too large" in output
    assert "not a text file" in output
    assert not OperatingModelPage.objects.exists() and not ProgrammePage.objects.exists()


def test_directory_imports_its_text_and_html_files(parent):
    # The fixture folder holds good and bad files: the good ones import, the bad ones fail.
    output, error = run_failing(FIXTURES)

    for name in GOOD_FIXTURES:
        assert any(line.startswith("OK") and name in line for line in output.splitlines()), name
    assert OperatingModelPage.objects.count() + ProgrammePage.objects.count() == len(GOOD_FIXTURES)
    total = len([path for path in FIXTURES.iterdir() if path.suffix in (".txt", ".html")])
    assert f"{total - len(GOOD_FIXTURES)} of {total} file(s) failed" in error


def test_dry_run_saves_nothing_and_says_so(parent, tmp_path):
    path = write(tmp_path, "kokonaisuus_kaikki_osiot.txt")

    output = run(path, "--dry-run")

    assert "would be created" in output
    assert "Dry run: nothing was saved." in output
    assert not ProgrammePage.objects.exists()


def test_second_run_updates_instead_of_duplicating(parent, tmp_path):
    path = write(tmp_path, "kokonaisuus_kaikki_osiot.txt")
    run(path)
    assert "unchanged" in run(path)

    path.write_bytes(fixture_bytes("kokonaisuus_kaikki_osiot.txt").replace(b"nopeammin", b"heti"))
    output = run(path)

    assert "updated" in output and "1 updated" in output
    assert ProgrammePage.objects.count() == 1
    assert ProgrammePage.objects.get().revisions.count() == 2


def test_publish_and_under_options(parent, tmp_path):
    programme = build_programme(parent, title="Emo", slug="emo")
    path = write(tmp_path, "toimintamalli_kaikki_osiot.txt")

    output = run(path, "--under", "/fi/toimintamallit/emo/", "--publish")

    page = OperatingModelPage.objects.get()
    assert page.live and "published" in output
    assert page.get_parent().pk == programme.pk


def test_source_url_only_with_one_file(parent, tmp_path):
    first = write(tmp_path, "toimintamalli_kaikki_osiot.txt")
    second = write(tmp_path, "kokonaisuus_kaikki_osiot.txt")

    with pytest.raises(CommandError, match="only be used with a single file"):
        run(first, second, "--source-url", "https://innokyla.fi/fi/toimintamalli/x")
    with pytest.raises(CommandError, match="not a valid web address"):
        run(first, "--source-url", "ei osoite")

    run(first, "--source-url", "https://innokyla.fi/fi/toimintamalli/x")
    assert latest(OperatingModelPage.objects.get()).source_url == (
        "https://innokyla.fi/fi/toimintamalli/x")


def test_bad_parent_is_a_clear_error(parent, tmp_path):
    path = write(tmp_path, "toimintamalli_kaikki_osiot.txt")

    with pytest.raises(CommandError, match="No page was found for '/fi/ei-ole/'"):
        run(path, "--under", "/fi/ei-ole/")


def test_without_a_library_the_command_says_what_to_do(db, tmp_path):
    path = write(tmp_path, "toimintamalli_kaikki_osiot.txt")

    with pytest.raises(CommandError, match="create the library index page first"):
        run(path)


@needs_samples
def test_the_five_real_samples_import(parent):
    output = run(*(SAMPLES / name for name in SAMPLE_NAMES))

    assert output.count("\nOK") + output.startswith("OK") == 5
    assert "5 created" in output


def test_messages_follow_the_active_language(parent, tmp_path):
    empty = write(tmp_path, "tyhja.txt", b"")
    with translation.override("fi"):
        output, _error = run_failing(empty)
    assert "Tiedosto on tyhjä." in output
    with translation.override("sv"):
        output, _error = run_failing(empty)
    assert "Filen är tom." in output


@pytest.mark.parametrize("language, warning", [
    ("en", "warning: Label 'Toimintamallin kokonaisuus' has no value."),
    ("fi", "warning: Kentällä ”Toimintamallin kokonaisuus” ei ole arvoa."),
])
def test_the_parsers_warnings_are_whole_sentences_in_the_commands_language(
        parent, tmp_path, language, warning):
    path = write(tmp_path, "toimintamalli_vanha_katkennut.txt")

    with translation.override(language):
        output = run(path)

    assert warning in [line.strip() for line in output.splitlines()]
    assert "%(" not in output  # no message template leaks unfilled


def test_the_summary_lists_each_file_with_its_tab_and_other_lines(parent, tmp_path):
    tabs = FIXTURES / "valilehdet"
    base = "https://innokyla.fi/fi/toimintamalli/tyokykyohjaamo-kirjastossa"
    description = tmp_path / "kuvaus.txt"
    description.write_bytes((tabs / "kuvaus_ohjaamo.txt").read_bytes())
    path = tmp_path / "polku.txt"
    path.write_bytes(f"URL: {base}/kehittamisen-polku\n".encode()
                     + (tabs / "polku_ohjaamo.txt").read_bytes())
    news = tmp_path / "uutinen.txt"
    news.write_bytes((tabs / "uutinen.txt").read_bytes())

    output, error = run_failing(description, path, news)

    lines = output.splitlines()
    per_file = lines[lines.index("Per file:") + 1:-1]
    assert per_file == [
        f"  {description}: created, tab: description, 0 lines in other sections",
        f"  {path}: updated, tab: development path, 1 line in other sections",
        f"  {news}: refused: This looks like a news item, not an operating model or a "
        "programme: nothing was imported. The importer reads Innokylä operating models (the "
        "description, development path and evaluation tabs, …/toimintamalli/NAME, "
        "…/kehittamisen-polku, …/arviointi) and programmes (…/kokonaisuus/NAME).",
    ]
    assert lines[-1].startswith("Summary: 3 file(s): 1 created, 1 updated, 0 unchanged, 1 failed.")
    model_line = next(line for line in lines if line.startswith("OK") and "polku.txt" in line)
    assert "tab=development_path" in model_line and "other lines=1" in model_line
    assert "1 of 3 file(s) failed" in error
