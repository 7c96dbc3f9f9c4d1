from PySide6.QtGui import QFontMetricsF
from leaflet_app.fonts import latin_font

def test_dbg(window, qtbot):
    for lang in ("ur", "en", "bn"):
        window.set_language(lang)
        window.show_section("contact")
        qtbot.wait(1)
        page = window.view.current_page(); doc = page.document(); doc.size()
        b = doc.begin()
        while b.isValid():
            if "Lakes" in b.text():
                lay = b.layout()
                ys = [round(lay.lineAt(i).y(),1) for i in range(lay.lineCount())]
                hs = [round(lay.lineAt(i).height(),1) for i in range(lay.lineCount())]
                f = latin_font(doc.defaultFont()) or doc.defaultFont()
                print(lang, "lines y", ys, "h", hs, "latin lineSpacing", QFontMetricsF(f).lineSpacing(), "lh", b.blockFormat().lineHeight(), b.blockFormat().lineHeightType())
                print([hex(ord(c)) for c in b.text() if ord(c) > 0x2000])
            b = b.next()
