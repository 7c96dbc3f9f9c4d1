"""Switching languages all day must not grow memory: one Qt translator at a time, no new objects."""

from __future__ import annotations

import gc
from collections import Counter

import shiboken6
from conftest import LANGUAGES
from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent, QMetaMethod, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from shiboken6 import getAllValidWrappers

from leaflet_app.i18n import translator
from leaflet_app.ui import shaped_text


def qt_translators() -> list[QTranslator]:
    """Every QTranslator Qt still holds (a translator with a Qt parent outlives its Python name)."""
    return [o for o in getAllValidWrappers() if isinstance(o, QTranslator)]


def switch(window, times: int) -> None:
    """Switch as a user does: each change followed by a turn of the event loop (deferred work runs)."""
    for i in range(times):
        window.set_language(LANGUAGES[(i + 1) % len(LANGUAGES)])
        if i % 10 == 9:
            window.toggle_accessibility_mode()
        QApplication.processEvents()


def only_this_window(window) -> None:
    """Windows of earlier tests are closed but may not be deleted yet: they would still follow
    every switch. Delete them, so this measures one window, as in the app."""
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.inherits("QMainWindow"):
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_200_switches_leave_one_qt_translator_and_a_flat_object_count(window) -> None:
    only_this_window(window)
    switch(window, 200)  # warm: every language in both displays, its texts shaped and kept
    window.set_language("pl")
    gc.collect()
    before = Counter(type(o).__name__ for o in gc.get_objects())
    objects, wrappers = len(gc.get_objects()), Counter(type(o).__name__ for o in getAllValidWrappers())
    kept = len(shaped_text._kept)
    switch(window, 200)
    window.set_language("pl")
    gc.collect()
    grown = (Counter(type(o).__name__ for o in gc.get_objects()) - before).most_common(5)
    assert len(qt_translators()) == 1
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Anuluj"  # Qt's own Polish catalogue
    more = Counter(type(o).__name__ for o in getAllValidWrappers()) - wrappers
    # The shaped-text cache may still be filling (it is bounded: KEPT_TEXTS entries, each a layout
    # and its size): that is not a leak.
    filled = max(0, len(shaped_text._kept) - kept)
    assert len(shaped_text._kept) <= shaped_text.KEPT_TEXTS
    more -= Counter({"QTextLayout": filled, "QSize": filled})
    assert sum(more.values()) <= 20, f"Qt objects pile up with each switch: {more.most_common(5)}"
    assert len(gc.get_objects()) - objects <= 500, f"Python objects pile up with each switch: {grown}"
    window.set_language("en")
    assert qt_translators() == [] and QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def connections(obj: QObject) -> int:
    """How many slots (Qt's own and Python's) are connected to all of ``obj``'s signals."""
    meta, total = obj.metaObject(), 0
    for i in range(meta.methodCount()):
        method = meta.method(i)
        if method.methodType() == QMetaMethod.MethodType.Signal:
            total += obj.receivers(SIGNAL(bytes(method.methodSignature()).decode()))
    return total


def test_100_switches_leave_every_signal_with_as_many_connections(window) -> None:
    """A connection made on each switch (a slot connected again in a retranslate, or Qt's tool
    button connecting to its action on every change of label or icon) is never seen, but each
    one stays in memory and runs on every later change."""
    only_this_window(window)
    switch(window, 40)  # every page the switches below show is built (and connected) by now
    objects = [translator(), window, *window.findChildren(QObject)]
    before = [connections(o) for o in objects]
    switch(window, 100)
    grown = [(o.objectName() or type(o).__name__, connections(o) - n)
             for o, n in zip(objects, before, strict=True) if shiboken6.isValid(o) and connections(o) > n]
    assert not grown, f"connections pile up with each switch: {grown[:8]}"
    # The toolbar's buttons still show their actions, in the language and state now in force.
    window.set_language("pl")
    window.toggle_accessibility_mode()
    for button in window.toolbar_buttons:
        action = button.defaultAction()
        assert (button.text(), button.toolTip(), button.isChecked(), button.isEnabled()) == (
            action.iconText(), action.toolTip(), action.isChecked(), action.isEnabled())
        assert button.icon().cacheKey() == action.icon().cacheKey()
    assert window.accessibility_button.isChecked() == window.accessibility_mode


def test_a_toolbar_button_follows_its_action_without_new_connections(qtbot) -> None:
    """Qt 6.11's QToolButton connects to its default action again on each change of it."""
    from PySide6.QtGui import QAction, QIcon, QPixmap

    from leaflet_app.ui.toolbar import action_button

    holder = QWidget()
    qtbot.addWidget(holder)
    action = QAction("Print", holder, checkable=True)
    button = action_button(action, "printButton")
    button.setParent(holder)
    start = connections(action)
    picture = QPixmap(8, 8)
    for n in range(100):
        action.setText(f"Print & save {n}")
        action.setToolTip(f"Print the leaflet {n}")
        action.setIcon(QIcon(picture))
    action.setChecked(True)
    action.setEnabled(False)
    assert connections(action) == start
    fresh = QToolButton(holder)  # what Qt's own button shows, given the action as it is now
    fresh.setDefaultAction(action)
    shown = lambda b: (b.text(), b.toolTip(), b.isCheckable(), b.isChecked(), b.isEnabled(),  # noqa: E731
                       b.icon().cacheKey())
    assert shown(button) == shown(fresh)
    assert button.toolTip() == "Print the leaflet 99" and not button.isEnabled()
