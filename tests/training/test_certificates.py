"""Certificates: issued on completion, a PDF in the learner's language, public
verification (valid, revoked, removed, unknown), revoking by staff, and the trainer
course's certificate prerequisite."""

import io

import pytest
from django.contrib.auth.models import Permission
from pypdf import PdfReader

from tests.builders import build_course, build_trainee, translate_tree
from tests.training.test_studies import RIGHT, enrol, lesson, messages_of, route, sheet
from training.models import Certificate, Enrolment, PrerequisiteRule
from training.models.certificates import CODE_ALPHABET, display_code, normalise_code
from training.privacy import delete_account

pytestmark = pytest.mark.django_db


def finish(client, course):
    """Enrol, mark the reading lesson done and pass the quiz, through the views."""
    enrol(client, course)
    client.post(route(lesson(course, "mita-tyokyky-on"), "mark_done"))
    quiz_lesson = lesson(course, "tuen-tarve")
    client.post(route(quiz_lesson, "quiz"), sheet(quiz_lesson, 1, **RIGHT))
    return Certificate.objects.get(course_key=course.translation_key)


def named(user, first="Testi", last="Opiskelija"):
    user.first_name, user.last_name = first, last
    user.save()
    return user


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def verify(client, code):
    return client.get("/fi/opinnot/tarkista/", {"koodi": code})


# -- issuing -----------------------------------------------------------------------------
def test_completing_the_course_issues_one_certificate(client, course, trainee):
    client.force_login(trainee)
    enrol(client, course)
    assert not Certificate.objects.exists()
    certificate = finish(client, course)
    assert certificate.user == trainee and certificate.status == "valid"
    assert certificate.course_title == "Työkyvyn tuen perusteet"
    assert str(certificate.credits) == "2.0"
    assert len(certificate.code) == 16 and set(certificate.code) <= set(CODE_ALPHABET)
    # A repeated completion check issues nothing new.
    from training.models.progress import refresh_completion
    refresh_completion(trainee, course)
    assert Certificate.objects.count() == 1


def test_codes_are_random_and_typed_codes_are_normalised():
    from training.models.certificates import new_code

    codes = {new_code() for _n in range(200)}
    assert len(codes) == 200
    code = next(iter(codes))
    assert normalise_code(display_code(code).lower()) == code
    assert normalise_code(" " + display_code(code) + " ") == code
    assert normalise_code("ABC") is None and normalise_code("0" * 16) is None
    assert normalise_code("x" * 10_000) is None


# -- the trainee's PDF -------------------------------------------------------------------
def test_my_studies_links_the_pdf_with_name_course_credits_code_and_url(client, course,
                                                                       trainee):
    named(trainee)
    client.force_login(trainee)
    certificate = finish(client, course)
    studies = client.get("/fi/opinnot/").content.decode()
    assert "Lataa todistus (PDF)" in studies and certificate.display_code in studies
    response = client.get(f"/fi/opinnot/todistus/{certificate.pk}/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    text = pdf_text(response)
    for expected in ("Todistus", "Testi Opiskelija", "on suorittanut kurssin",
                     "Työkyvyn tuen perusteet", "Laajuus", "2 op", "Suorituspäivä",
                     certificate.issued_at.strftime("%-d.%-m.%Y"), certificate.display_code,
                     f"/fi/opinnot/tarkista/{certificate.display_code}/"):
        assert expected in text, expected


def test_pdf_is_in_the_learners_language(client, course, trainee):
    translate_tree(course, "sv")
    named(trainee)
    client.force_login(trainee)
    certificate = finish(client, course)
    text = pdf_text(client.get(f"/sv/opinnot/todistus/{certificate.pk}/"))
    assert "Intyg" in text and "har avklarat kursen" in text and "Omfattning" in text
    assert f"/sv/opinnot/tarkista/{certificate.display_code}/" in text
    text = pdf_text(client.get(f"/en/opinnot/todistus/{certificate.pk}/"))
    assert "Certificate" in text and "has completed the course" in text
    assert "Työkyvyn tuen perusteet" in text  # no English translation: the Finnish title


def test_pdf_asks_for_a_name_first(client, course, trainee):
    client.force_login(trainee)
    certificate = finish(client, course)
    response = client.get(f"/fi/opinnot/todistus/{certificate.pk}/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/fi/opinnot/tietosuoja/")
    assert messages_of(response)[-1] == "Lisää ensin nimesi: se tulostetaan todistuksiisi."


def test_another_users_certificate_and_bad_ids_are_404(client, course, trainee,
                                                       other_trainee):
    named(trainee)
    client.force_login(trainee)
    certificate = finish(client, course)
    client.force_login(named(other_trainee))
    assert client.get(f"/fi/opinnot/todistus/{certificate.pk}/").status_code == 404
    assert client.get("/fi/opinnot/todistus/999999/").status_code == 404
    assert client.get("/fi/opinnot/todistus/abc/").status_code == 404
    client.logout()
    response = client.get(f"/fi/opinnot/todistus/{certificate.pk}/")
    assert response.status_code == 302 and "/tili/login/" in response["Location"]


def test_revoked_certificate_is_not_downloadable(client, course, trainee):
    named(trainee)
    client.force_login(trainee)
    certificate = finish(client, course)
    certificate.revoke(None, "Virheellinen suoritus")
    assert client.get(f"/fi/opinnot/todistus/{certificate.pk}/").status_code == 404
    studies = client.get("/fi/opinnot/").content.decode()
    assert "Todistuksesi tältä kurssilta on peruttu." in studies
    assert "Lataa todistus" not in studies


# -- public verification -----------------------------------------------------------------
def test_verification_says_valid_and_shows_only_name_course_and_date(client, course, trainee):
    named(trainee)
    client.force_login(trainee)
    certificate = finish(client, course)
    client.logout()
    html = verify(client, certificate.display_code.lower()).content.decode()
    assert "Todistus on voimassa" in html
    assert "Testi Opiskelija" in html and "Työkyvyn tuen perusteet" in html
    assert certificate.issued_at.strftime("%-d.%-m.%Y") in html
    assert trainee.email not in html and "Peru todistus" not in html
    response = client.get(f"/fi/opinnot/tarkista/{certificate.display_code}/")
    assert "Todistus on voimassa" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_verification_in_swedish_and_english(client, course, trainee):
    translate_tree(course, "sv")
    named(trainee)
    client.force_login(trainee)
    certificate = finish(client, course)
    client.logout()
    html = client.get(f"/sv/opinnot/tarkista/{certificate.code}/").content.decode()
    assert "Intyget är giltigt" in html
    html = client.get(f"/en/opinnot/tarkista/{certificate.code}/").content.decode()
    assert "The certificate is valid" in html


@pytest.mark.parametrize("code", ["ABCD-EFGH-JKLM-NPQR", "abcdefghjkmnpqrs"])
def test_unknown_code(client, code, db):
    html = verify(client, code).content.decode()
    assert "Todistusta ei löytynyt" in html


@pytest.mark.parametrize("code", ["", "123", "x" * 5000, "ÅÄÖ" * 6, "<script>", "%00"])
def test_malformed_codes_get_a_message_not_an_error(client, code, db):
    response = verify(client, code)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tarkista nämä:" in html and "<script>" not in html
    assert "Todistusta ei löytynyt" not in html


def test_malformed_code_in_the_address(client, db):
    response = client.get("/fi/opinnot/tarkista/%3Cscript%3E/")
    assert response.status_code == 200 and "Tarkista nämä:" in response.content.decode()


def test_verification_is_rate_limited(client, db, settings):
    settings.CERTIFICATE_VERIFY_RATE = (3, 60)
    for _n in range(3):
        assert verify(client, "ABCD-EFGH-JKLM-NPQR").status_code == 200
    response = verify(client, "ABCD-EFGH-JKLM-NPQR")
    assert response.status_code == 429
    assert "Liian monta tarkistusta" in response.content.decode()
    assert client.get("/fi/opinnot/tarkista/").status_code == 200  # the empty form is free


def test_removed_account_verifies_as_removed_without_a_name(client, course, trainee):
    named(trainee)
    client.force_login(trainee)
    certificate = finish(client, course)
    delete_account(trainee)
    client.logout()
    html = verify(client, certificate.display_code).content.decode()
    assert "Todistus on poistettu" in html
    assert "Testi Opiskelija" not in html


# -- revoking ----------------------------------------------------------------------------
@pytest.fixture
def staff(db):
    user = build_trainee(email="henkilokunta@example.fi")
    user.user_permissions.add(Permission.objects.get(codename="revoke_certificate"))
    return user


def test_staff_revoke_with_a_reason_and_it_verifies_as_revoked(client, course, trainee,
                                                               staff):
    named(trainee)
    client.force_login(trainee)
    certificate = finish(client, course)
    client.force_login(staff)
    page = client.get(f"/fi/opinnot/tarkista/{certificate.code}/").content.decode()
    assert "Peru todistus" in page
    url = f"/fi/opinnot/tarkista/{certificate.code}/peru/"
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    assert "Kerro, miksi todistus perutaan." in response.content.decode()
    response = client.post(url, {"reason": "Suoritus kirjattiin väärälle henkilölle."},
                           follow=True)
    assert messages_of(response) == ["Todistus peruttiin."]
    assert "Todistus on peruttu" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_by == staff
    assert certificate.revoked_reason == "Suoritus kirjattiin väärälle henkilölle."
    # Revoking again changes nothing.
    response = client.post(url, {"reason": "Toinen syy"}, follow=True)
    assert messages_of(response) == ["Todistus oli jo peruttu."]
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Suoritus kirjattiin väärälle henkilölle."
    client.logout()
    html = verify(client, certificate.code).content.decode()
    assert "Todistus on peruttu" in html and "väärälle" not in html


def test_only_staff_with_the_permission_may_revoke(client, course, trainee, other_trainee):
    named(trainee)
    client.force_login(trainee)
    certificate = finish(client, course)
    url = f"/fi/opinnot/tarkista/{certificate.code}/peru/"
    assert client.post(url, {"reason": "oma"}).status_code == 403  # not even the holder
    client.force_login(other_trainee)
    assert client.post(url, {"reason": "x"}).status_code == 403
    client.logout()
    assert client.post(url, {"reason": "x"}).status_code == 403
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_revoking_an_unknown_code_is_404(client, staff):
    client.force_login(staff)
    assert client.post("/fi/opinnot/tarkista/ABCD-EFGH-JKLM-NPQR/peru/",
                       {"reason": "x"}).status_code == 404
    assert client.post("/fi/opinnot/tarkista/nonsense/peru/",
                       {"reason": "x"}).status_code == 404
    assert client.get("/fi/opinnot/tarkista/nonsense/peru/").status_code == 405


# -- certificate prerequisite ------------------------------------------------------------
def test_trainer_course_needs_a_valid_certificate(client, course, trainee):
    trainer_course = build_course(
        course.get_parent(), title="Kouluttajakurssi", track="trainer", credits=1,
        prerequisites=[course], prerequisite_rule=PrerequisiteRule.CERTIFICATE)
    client.force_login(trainee)
    page = client.get(trainer_course.url).content.decode()
    assert "Ennen kuin voit ilmoittautua, tarvitset voimassa olevan todistuksen:" in page
    response = enrol(client, trainer_course)
    assert messages_of(response) == [
        "Tarvitset ensin voimassa olevan todistuksen näiltä kursseilta: "
        "Työkyvyn tuen perusteet."]
    certificate = finish(client, course)
    certificate.revoke(None, "testi")
    enrol(client, trainer_course)
    assert not Enrolment.objects.filter(course_key=trainer_course.translation_key).exists()
    Certificate.objects.filter(pk=certificate.pk).update(revoked_at=None)
    enrol(client, trainer_course)
    assert Enrolment.objects.filter(course_key=trainer_course.translation_key).exists()


def test_admin_menu_leads_staff_to_the_verification_page(client, db, staff):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("paakayttaja", "admin@example.fi", "x")
    client.force_login(admin)
    html = client.get("/admin/").content.decode()
    assert "/opinnot/tarkista/" in html
    editor = get_user_model().objects.create_user("toimittaja", "t@example.fi", "x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert "/opinnot/tarkista/" not in client.get("/admin/").content.decode()


def test_a_course_completed_before_certificates_existed_gets_one_in_my_studies(
        client, course, trainee):
    from django.utils import timezone

    Enrolment.objects.create(user=trainee, course_key=course.translation_key,
                             completed_at=timezone.now())
    client.force_login(trainee)
    html = client.get("/fi/opinnot/").content.decode()
    certificate = Certificate.objects.get(user=trainee)
    assert certificate.display_code in html and "Lataa todistus (PDF)" in html
    client.get("/fi/opinnot/")
    assert Certificate.objects.count() == 1


@pytest.mark.parametrize("host", ["http://localhost:41699", "https://tyokyky.example.fi",
                                  "https://tyokykyportaali.example.fi"])
def test_pdf_keeps_the_verification_address_on_one_line(host):
    """A reader types or copies the address from the paper: it must not break across
    lines (the address's length depends on the host; the font shrinks to fit)."""
    from training.pdf import certificate_pdf

    url = f"{host}/fi/opinnot/tarkista/ABCD-EFGH-JKLM-NPQR/"
    data = certificate_pdf(
        heading="Todistus", name="Kaino Esimerkki", statement="on suorittanut kurssin",
        course="Työkyvyn tuen perusteet", facts=[("Laajuus", "2 op")], certificate_text="",
        verify_label="Tarkista todistus osoitteessa", verify_url=url, language="fi",
        title="Todistus")
    lines = PdfReader(io.BytesIO(data)).pages[0].extract_text().splitlines()
    assert url in lines
