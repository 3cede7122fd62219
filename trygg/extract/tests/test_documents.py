"""Reading .txt, .docx and .pdf files, and refusing files that cannot be read."""

import io

import docx
import pytest
import weasyprint

from trygg.extract.documents import DocumentError, read_document, read_path
from trygg.extract.reader import extract


def make_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Medborgarlöfte 2026 – Lokalpolisområde Falkby och Falkby kommun", 1)
    document.add_heading("Trygghet i centrum", 2)
    document.add_paragraph(
        "Polisen ska genomföra minst 50 trygghetsskapande promenader per år i centrum."
    )
    document.add_paragraph("Kommunen ska")
    document.add_paragraph("Samordna nattvandring vid minst 100 tillfällen", style="List Bullet")
    document.add_paragraph("Ta fram en handlingsplan senast 31 mars 2026", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Polisen ska hålla tolv föreläsningar per år"
    table.rows[0].cells[1].text = "Skolorna"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf() -> bytes:
    html = """
    <h1>Medborgarlöfte 2026</h1>
    <p>Lokalpolisområde Falkby och Falkby kommun</p>
    <h2>Trygghet i centrum</h2>
    <p>Polisen ska genomföra minst 50 trygghetsskapande promenader per år på platser där
    behovet är som störst enligt den gemensamma lägesbilden, med fokus på kvällar och helger
    inom ramen för arbetsmetoden Effektiv samordning för trygghet.</p>
    <p>Kommunen ska under hösten 2026 ta fram en plan för belysning.</p>
    """
    return weasyprint.HTML(string=html).write_pdf()


def test_docx_paragraphs_lists_and_tables():
    text = read_document(make_docx(), "löfte.docx")
    assert "- Samordna nattvandring vid minst 100 tillfällen" in text.splitlines()
    assert "Polisen ska hålla tolv föreläsningar per år | Skolorna" in text.splitlines()
    proposal = extract(text)
    read = [(c.target.kind, c.target.quantity, c.target.per) for c in proposal.commitments]
    assert read == [
        ("count", 50, "year"),
        ("count", 100, "period"),
        ("milestone", None, ""),
        ("count", 12, "year"),
    ]
    assert [c.responsible for c in proposal.commitments][:3] == [
        ["Polisen"],
        ["Kommunen"],
        ["Kommunen"],
    ]


def test_pdf_lines_are_joined_into_paragraphs():
    text = read_document(make_pdf(), "löfte.pdf")
    proposal = extract(text)
    assert proposal.title == "Medborgarlöfte 2026 – Lokalpolisområde Falkby och Falkby kommun"
    assert [a.title for a in proposal.focus_areas] == ["Trygghet i centrum"]
    first, second = proposal.commitments
    assert first.text.endswith("Effektiv samordning för trygghet.")
    assert (first.target.quantity, first.target.unit, first.target.per) == (
        50,
        "trygghetsskapande promenader",
        "year",
    )
    assert second.target.due_text == "under hösten 2026"


def test_text_in_windows_encoding():
    text = read_document("Polisen ska göra 4 besök.".encode("cp1252"), "löfte.txt")
    assert text == "Polisen ska göra 4 besök."


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"not a zip", "löfte.docx", "löfte.docx: filen är ingen läsbar Word-fil (.docx)."),
        (b"%PDF-1.4 broken", "löfte.pdf", "löfte.pdf: filen är ingen läsbar PDF-fil."),
        (b"", "löfte.txt", "löfte.txt: filen är tom."),
        (b"x", "löfte.doc", "löfte.doc: filtypen .doc kan inte läsas (spara den som .docx)"),
        (
            b"x",
            "löfte.odt",
            "löfte.odt: filtypen .odt kan inte läsas; använd .txt, .docx eller .pdf.",
        ),
    ],
)
def test_bad_files_give_a_swedish_message_naming_the_file(data, name, message):
    with pytest.raises(DocumentError) as error:
        read_document(data, name)
    assert str(error.value).startswith(message)


def test_a_pdf_without_text_says_so():
    blank = weasyprint.HTML(string="<p></p>").write_pdf()
    with pytest.raises(DocumentError, match="skannat.pdf: filen innehåller ingen text"):
        read_document(blank, "skannat.pdf")


def test_missing_file(tmp_path):
    with pytest.raises(DocumentError, match="finns inte"):
        read_path(tmp_path / "saknas.pdf")
