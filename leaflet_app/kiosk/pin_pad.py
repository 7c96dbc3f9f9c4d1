"""The administrator's PIN pad: large keys for touch, digits and Enter/Backspace from a keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from leaflet_app.i18n import _, ngettext
from leaflet_app.kiosk.pin import PIN_MAX, Backoff, verify_pin
from leaflet_app.ui.retranslate import follow_language

PAD_TIMEOUT_MS = 30_000


class PinPad(QWidget):
    accepted = Signal()
    cancelled = Signal()

    def __init__(self, pin_hash: str, backoff: Backoff | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="pinPad")
        self.pin_hash = pin_hash
        self.backoff = backoff or Backoff()
        self.entered = ""
        self.prompt = QLabel(objectName="pinPrompt", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.dots = QLabel(objectName="pinDots", alignment=Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(objectName="pinMessage", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        self.keys: dict[str, QPushButton] = {}
        for i, key in enumerate("123456789"):
            self._key(grid, key, i // 3, i % 3)
        self.delete = self._key(grid, "delete", 3, 0)
        self._key(grid, "0", 3, 1)
        self.ok = self._key(grid, "ok", 3, 2)
        self.cancel = QPushButton(objectName="pinCancel")
        self.cancel.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.prompt, self.dots, self.message):
            layout.addWidget(w)
        layout.addLayout(grid)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        self.idle = QTimer(self, singleShot=True, interval=PAD_TIMEOUT_MS)
        self.idle.timeout.connect(self._cancel)
        self.tick = QTimer(self, interval=1000)
        self.tick.timeout.connect(self._show_state)
        follow_language(self, self.retranslate)

    def _key(self, grid: QGridLayout, key: str, row: int, col: int) -> QPushButton:
        button = QPushButton(key if key.isdigit() else "", objectName=f"pinKey-{key}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys are for touch; the keyboard types digits
        button.setMinimumSize(button.fontMetrics().height() * 4, button.fontMetrics().height() * 3)
        button.clicked.connect(lambda: self.press(key))
        grid.addWidget(button, row, col)
        self.keys[key] = button
        return button

    def retranslate(self) -> None:
        self.prompt.setText(_("Staff only: enter the PIN to close the kiosk."))
        self.delete.setText(_("Delete"))
        self.ok.setText(_("OK"))
        self.cancel.setText(_("Cancel"))
        for button in self.keys.values():
            button.setAccessibleName(button.text())
        self.cancel.setAccessibleName(self.cancel.text())
        self.dots.setAccessibleName(_("PIN entered so far"))
        self._show_state()

    def open(self) -> None:
        self.entered = ""
        self.message.clear()
        self.idle.start()
        self.tick.start()
        self._show_state()
        self.setFocus()

    def press(self, key: str) -> None:
        self.idle.start()
        if self.backoff.seconds_left():
            self._show_state()
            return
        if key.isdigit() and len(self.entered) < PIN_MAX:
            self.entered += key
            self.message.clear()
        elif key == "delete":
            self.entered = self.entered[:-1]
        elif key == "ok":
            self._check()
        self._show_state()

    def _check(self) -> None:
        pin, self.entered = self.entered, ""
        if self.pin_hash and verify_pin(pin, self.pin_hash):
            self.backoff.right()
            self._stop()
            self.accepted.emit()
            return
        self.backoff.wrong()
        self.message.setText(_("Wrong PIN."))

    def _show_state(self) -> None:
        self.dots.setText("●" * len(self.entered) or "–")
        wait = self.backoff.seconds_left()
        for button in self.keys.values():
            button.setEnabled(wait == 0)
        if wait:
            text = ngettext(
                "Too many wrong PINs. Please wait {seconds} second.",
                "Too many wrong PINs. Please wait {seconds} seconds.",
                wait,
            )
            self.message.setText(text.format(seconds=wait))

    def _cancel(self) -> None:
        self._stop()
        self.cancelled.emit()

    def _stop(self) -> None:
        self.entered = ""
        self.idle.stop()
        self.tick.stop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.text().isdigit() and event.text().isascii():
            self.press(event.text())
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press("ok")
        elif key == Qt.Key.Key_Backspace:
            self.press("delete")
        elif key == Qt.Key.Key_Escape:
            self._cancel()
        else:
            super().keyPressEvent(event)
