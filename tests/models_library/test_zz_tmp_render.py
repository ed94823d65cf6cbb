import pytest
from django.core.management import call_command
from wagtail.models import Page

@pytest.mark.django_db
def test_render(client):
    call_command("load_demo_content")
    from models_library.models import OperatingModelPage, LibraryIndexPage
    bad = []
    for p in Page.objects.live().specific():
        if p.depth < 2: continue
        r = client.get(p.url)
        if r.status_code != 200: bad.append((p.url, r.status_code))
    root = OperatingModelPage.objects.get(slug="tyokyvyn-tuen-tiimi")
    idx = LibraryIndexPage.objects.get(locale__language_code="fi")
    ids = [root.pk] + [v.pk for v in root.variants.all()[:2]]
    r = client.get(idx.url + "vertaa/?" + "&".join(f"m={i}" for i in ids))
    print(r.status_code, len(r.content))
    open("/tmp/compare.html","wb").write(r.content)
    r = client.get(root.url); open("/tmp/model.html","wb").write(r.content)
    r = client.get(idx.url); open("/tmp/index.html","wb").write(r.content)
    print(bad)
    assert not bad
