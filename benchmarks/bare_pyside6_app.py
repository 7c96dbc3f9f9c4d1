"""The floor for bundle size: a bare PySide6 window with a few tabs of text (no app code).

benchmarks/bundle_size.py builds it with the same PyInstaller as the app's bundle.
"""

import sys

from PySide6.QtWidgets import QApplication, QTabWidget, QTextBrowser

app = QApplication(sys.argv)
tabs = QTabWidget()
for n in range(6):
    page = QTextBrowser()
    page.setHtml(f"<h2>Section {n + 1}</h2>" + "<p>Some text to read.</p>" * 20)
    tabs.addTab(page, f"Section {n + 1}")
tabs.resize(900, 600)
tabs.show()
if "--quit" in sys.argv:
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
