#!/usr/bin/env python3
"""Writes the Word and OpenDocument files that `normfolio import` is tested on.

They are made the way a school's office software makes them (python-docx and odfpy write the
same OOXML and ODF parts Word and LibreOffice do): headings, lists, emphasis, a table with merged
cells and an image. Run once; the files are committed. Needs: pip install python-docx odfpy
"""
import struct
import sys
import zlib
from pathlib import Path


def png(width, height, rgb):
    """A small solid-colour PNG."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def docx(path, image):
    import docx
    from docx.shared import Cm
    document = docx.Document()
    document.core_properties.title = "Informatiebeveiligingsbeleid De Linde"
    document.core_properties.author = "Bestuurssecretaris"
    document.add_heading("Informatiebeveiligingsbeleid De Linde", level=1)
    paragraph = document.add_paragraph("Dit beleid geeft invulling aan ")
    paragraph.add_run("SM.02").bold = True
    paragraph.add_run(" en GO.02. Het is ")
    paragraph.add_run("vastgesteld").italic = True
    paragraph.add_run(" door het College van Bestuur.")
    document.add_heading("Rollen", level=2)
    for text in ["Bestuur: eindverantwoordelijk", "Directeur: uitvoering per school", "ICT-coördinator: techniek"]:
        document.add_paragraph(text, style="List Bullet")
    document.add_heading("Stappen", level=2)
    for text in ["Risico's inventariseren", "Maatregelen kiezen", "Jaarlijks evalueren"]:
        document.add_paragraph(text, style="List Number")
    document.add_heading("Classificatie", level=2)
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    cells = [["Niveau", "Voorbeelden", ""], ["Openbaar", "Schoolgids", "Website"], ["Intern", "Roosters", "Notulen"],
             ["Vertrouwelijk", "Leerlingdossiers", ""]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    table.cell(0, 1).merge(table.cell(0, 2))   # a header cell over two columns
    table.cell(3, 1).merge(table.cell(3, 2))   # and one in the body
    document.add_heading("Schermafbeelding", level=2)
    document.add_paragraph("De instelling voor tweestapsverificatie:")
    document.add_picture(str(image), width=Cm(3))
    document.save(path)


def odt(path, image):
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TableColumnProperties
    from odf.text import H, P, List, ListItem, Span
    from odf.table import Table, TableColumn, TableRow, TableCell, CoveredTableCell
    from odf.draw import Frame, Image
    from odf import dc, meta
    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text="Procedure datalekken De Linde"))
    document.meta.addElement(meta.InitialCreator(text="Privacyfunctionaris"))
    document.text.addElement(H(outlinelevel=1, text="Procedure datalekken De Linde"))
    document.text.addElement(P(text="Een datalek (GB.01) meldt u binnen een uur bij de privacyfunctionaris."))
    document.text.addElement(H(outlinelevel=2, text="Wat te doen"))
    steps = List()
    for text in ["Meld het lek", "Beperk de schade", "Leg het vast in het register"]:
        item = ListItem()
        item.addElement(P(text=text))
        steps.addElement(item)
    document.text.addElement(steps)
    document.text.addElement(H(outlinelevel=2, text="Termijnen"))
    table = Table(name="Termijnen")
    table.addElement(TableColumn(numbercolumnsrepeated=3))
    def row(*cells):
        tr = TableRow()
        for cell in cells:
            tr.addElement(cell)
        return tr
    def cell(text, span=1):
        tc = TableCell(numbercolumnsspanned=span) if span > 1 else TableCell()
        tc.addElement(P(text=text))
        return tc
    table.addElement(row(cell("Stap"), cell("Termijn", span=2), CoveredTableCell()))
    table.addElement(row(cell("Melden"), cell("1 uur"), cell("intern")))
    table.addElement(row(cell("AP informeren"), cell("72 uur"), cell("extern")))
    document.text.addElement(table)
    document.text.addElement(H(outlinelevel=2, text="Stroomschema"))
    href = document.addPicture(str(image))
    frame = Frame(width="3cm", height="2cm", anchortype="as-char", name="stroomschema")
    frame.addElement(Image(href=href))
    paragraph = P()
    paragraph.addElement(frame)
    document.text.addElement(paragraph)
    document.save(path)


def hostile(path, source):
    """A Word file whose image points outside the media folder, and a second copy of the image
    stored under a name that climbs out of the archive: an importer that trusts names inside
    the file writes outside the folder it was given (CVE-2023-38745 in pandoc before 3.1.6)."""
    import zipfile
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        image = original.read("word/media/image1.png")
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b'Target="media/image1.png"', b'Target="../../../../../../tmp/normfolio-import-escape.png"')
            out.writestr(zipfile.ZipInfo(item.filename, item.date_time), data, zipfile.ZIP_DEFLATED)
        out.writestr(zipfile.ZipInfo("../../../../../../tmp/normfolio-import-escape.png", (2026, 1, 1, 0, 0, 0)), image)


if __name__ == "__main__":
    here = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
    image = here / "afbeelding.png"
    image.write_bytes(png(60, 40, (29, 78, 137)))
    docx(here / "beleid-de-linde.docx", image)
    odt(here / "procedure-datalekken.odt", image)
    hostile(here / "ontsnapping.docx", here / "beleid-de-linde.docx")
    image.unlink()
