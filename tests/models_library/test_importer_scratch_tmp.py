import pathlib, pytest
from portal.demo import build
from portal.demo_utils import upsert_page
from models_library.models import LibraryIndexPage
from models_library.importer.service import import_files

@pytest.mark.django_db
def test_scratch():
    home = build()
    upsert_page(home, LibraryIndexPage, "toimintamallit", title="Toimintamallit")
    files = sorted(pathlib.Path("/work/shared/innokyla-samples").glob("*.txt")) + sorted(pathlib.Path("tests/models_library/fixtures/innokyla").glob("*"))
    results = import_files([(p.name, p.read_bytes()) for p in files])
    for r in results:
        print(r.report_line())
        for w in r.warnings: print("   !", w)
        if r.page is not None:
            p = r.page
            print("   regions", [x.code for x in p.regions.all()], "munis", [x.code for x in p.municipalities.all()], "funders", [x.code for x in p.funders.all()])
    results = import_files([(p.name, p.read_bytes()) for p in files])
    for r in results:
        print(r.report_line())
