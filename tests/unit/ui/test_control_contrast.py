"""Control boundaries reach 3:1 against their surroundings (WCAG 2.1 SC 1.4.11), in both themes.

Real widgets are rendered with the app's style and palette, and the pixels across each side of a
control's boundary are read: the darkest-contrast pixel there must reach 3:1 against the window
around the control (and, for input fields, the base colour inside it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from r1desk.ui.theme import ThemeManager
from tests.unit.ui.test_polish_theme import contrast

R = QPalette.ColorRole
SIDES = ("top", "bottom", "left", "right")


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    manager = ThemeManager.of(qapp)
    manager.set_theme(request.param)
    yield request.param
    manager.set_theme("system")


def color(role: QPalette.ColorRole) -> str:
    return QApplication.palette().color(role).name()


def across_sides(image: QImage, rect: QRect, depth: int = 3) -> dict[str, list[str]]:
    """Colours crossing each side of `rect` at its middle, from its edge `depth` pixels inwards."""
    x, y = rect.center().x(), rect.center().y()
    steps = range(depth)
    return {
        "top": [image.pixelColor(x, rect.top() + i).name() for i in steps],
        "bottom": [image.pixelColor(x, rect.bottom() - i).name() for i in steps],
        "left": [image.pixelColor(rect.left() + i, y).name() for i in steps],
        "right": [image.pixelColor(rect.right() - i, y).name() for i in steps],
    }


def boundary_contrast(image: QImage, rect: QRect, backgrounds: list[str]) -> dict[str, float]:
    """Per side, the best pixel's contrast against the least contrasting of `backgrounds`."""
    return {
        side: max(min(contrast(pixel, bg) for bg in backgrounds) for pixel in pixels)
        for side, pixels in across_sides(image, rect).items()
    }


def shown(qtbot: QtBot, *widgets: QWidget) -> QWidget:
    """Show `widgets` in a window; keep the returned window referenced while testing."""
    host = QWidget()
    layout = QVBoxLayout(host)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    return host


def indicator_rect(button: QAbstractButton, element: QStyle.SubElement) -> QRect:
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    return button.style().subElementRect(element, option, button)


def combo(editable: bool) -> QComboBox:
    box = QComboBox()
    box.addItems(["DeepSeek-R1", "Other"])
    box.setEditable(editable)
    return box


Field = Callable[[], QWidget]
MakeButton = Callable[[str], QAbstractButton]
FIELDS: dict[str, Field] = {
    "line edit": lambda: QLineEdit("text"),
    "plain text edit": lambda: QPlainTextEdit("text"),
    "editable combo box": lambda: combo(editable=True),
    "spin box": QSpinBox,
    "list": lambda: QListWidget(),
}
BUTTONS: dict[str, Field] = {
    "combo box": lambda: combo(editable=False),
    "push button": lambda: QPushButton("OK"),
}


@pytest.mark.parametrize("name", [*FIELDS, *BUTTONS])
def test_control_boundaries_reach_3_to_1(qtbot: QtBot, theme: str, name: str) -> None:
    widget = (FIELDS | BUTTONS)[name]()
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the unfocused look
    _host = shown(qtbot, widget)
    image = widget.grab().toImage()
    # Fields: against the window around and the base inside; buttons: against the window.
    backgrounds = [color(R.Window), color(R.Base)] if name in FIELDS else [color(R.Window)]
    ratios = boundary_contrast(image, image.rect(), backgrounds)
    assert min(ratios.values()) >= 3.0, f"{theme} {name}: {ratios}"


@pytest.mark.parametrize(
    ("kind", "element"),
    [
        (QCheckBox, QStyle.SubElement.SE_CheckBoxIndicator),
        (QRadioButton, QStyle.SubElement.SE_RadioButtonIndicator),
    ],
)
def test_check_box_and_radio_button_boundaries_reach_3_to_1(
    qtbot: QtBot, theme: str, kind: MakeButton, element: QStyle.SubElement
) -> None:
    button = kind("Option")
    _host = shown(qtbot, button)
    image = button.grab().toImage()
    ratios = boundary_contrast(
        image, indicator_rect(button, element), [color(R.Window), color(R.Base)]
    )
    assert min(ratios.values()) >= 3.0, f"{theme} {kind.__name__}: {ratios}"


@pytest.mark.parametrize("kind", [QLineEdit, QPlainTextEdit])
def test_the_focus_ring_of_an_input_field_reaches_3_to_1_and_shows(
    qtbot: QtBot, theme: str, kind: type[QLineEdit | QPlainTextEdit]
) -> None:
    focused, other = kind("focused"), kind("not focused")
    _host = shown(qtbot, focused, other)
    focused.setFocus()
    qtbot.waitUntil(focused.hasFocus)
    ring = focused.grab().toImage()
    ratios = boundary_contrast(ring, ring.rect(), [color(R.Window), color(R.Base)])
    assert min(ratios.values()) >= 3.0, f"{theme} {kind.__name__}: {ratios}"
    plain = other.grab().toImage()
    middle_top = (ring.width() // 2, 0)
    assert ring.pixelColor(*middle_top) != plain.pixelColor(*middle_top)  # focus is visible


@pytest.mark.parametrize("kind", [QCheckBox, QPushButton])
def test_keyboard_focus_on_buttons_reaches_3_to_1(
    qtbot: QtBot, theme: str, kind: MakeButton
) -> None:
    field, button = QLineEdit(), kind("Option")
    _host = shown(qtbot, field, button)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    QTest.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(button.hasFocus)
    image = button.grab().toImage()
    if isinstance(button, QCheckBox):
        rect = indicator_rect(button, QStyle.SubElement.SE_CheckBoxIndicator)
    else:
        rect = image.rect()
    ratios = boundary_contrast(image, rect, [color(R.Window)])
    assert min(ratios.values()) >= 3.0, f"{theme} {kind.__name__}: {ratios}"
    highlight = color(R.Highlight)
    assert highlight in across_sides(image, rect)["top"]  # the focus colour, not the plain one


def test_scroll_bar_handle_stands_out_from_its_groove(qtbot: QtBot, theme: str) -> None:
    view = QListWidget()
    view.addItems([f"Conversation {i}" for i in range(200)])
    view.setFixedSize(240, 240)
    _host = shown(qtbot, view)
    bar = view.verticalScrollBar()
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    slider = QStyle.SubControl.SC_ScrollBarSlider
    handle = bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, slider, bar)
    image = bar.grab().toImage()
    groove = image.pixelColor(handle.center().x(), handle.bottom() + 20).name()
    # Fusion strokes the handle's top and bottom one pixel outside its rectangle.
    ratios = boundary_contrast(image, handle.adjusted(0, -1, 0, 1), [groove])
    assert min(ratios.values()) >= 3.0, f"{theme}: {ratios} against {groove}"
