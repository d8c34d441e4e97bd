"""Fusion with control boundaries that meet WCAG 2.1 SC 1.4.11 (3:1 non-text contrast).

Fusion derives its outlines from the window colour (`window.darker(140)`): about 2:1 against
the light palette's window and 1.1:1 against the dark one. `BoundaryStyle` lets Fusion paint
everything as usual, then strokes the boundary again, on Fusion's own pixels, in the palette's
Mid colour (Highlight while focused), which the theme keeps at >= 3:1 against Window and Base.
Covered: line edits (and editable combo boxes), buttons (and plain combo boxes), spin boxes,
check boxes, radio buttons, frames of text edits and views, scroll bar handles, focus frames.
The frames of editable text and of item views turn Highlight while they have focus.
Disabled controls keep Fusion's lighter outline: SC 1.4.11 exempts inactive components.
"""

from __future__ import annotations

from PySide6.QtCore import QLine, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QRegion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QStyleOptionSpinBox,
    QTextEdit,
    QWidget,
)

PE = QStyle.PrimitiveElement
CC = QStyle.ComplexControl
State = QStyle.StateFlag
ANTIALIASING = QPainter.RenderHint.Antialiasing
OUTLINED = {
    PE.PE_FrameLineEdit,
    PE.PE_IndicatorCheckBox,
    PE.PE_IndicatorRadioButton,
    PE.PE_PanelButtonCommand,
    PE.PE_Frame,
    PE.PE_FrameFocusRect,
}


def boundary_color(option: QStyleOption, focused: bool) -> QColor:
    role = QPalette.ColorRole.Highlight if focused else QPalette.ColorRole.Mid
    return option.palette.color(role)


def outline_rect(painter: QPainter, box: QRect, color: QColor) -> None:
    """A 1 px line on the outermost pixels of `box`."""
    painter.save()
    painter.setRenderHint(ANTIALIASING, False)
    painter.setPen(color)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box.adjusted(0, 0, -1, -1))
    painter.restore()


def outline_rounded(painter: QPainter, box: QRect, color: QColor, radius: float = 2.0) -> None:
    """Fusion's rounded 1 px outline on the outermost pixels of `box`.

    Only the corners are antialiased: stroking the whole shape antialiased costs about 0.1 ms
    per line edit, as much as all the rest of its painting.
    """
    left, top, right, bottom = box.left(), box.top(), box.right(), box.bottom()
    painter.save()
    painter.setRenderHint(ANTIALIASING, False)
    painter.setPen(color)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    sides = [
        QLine(left + 3, top, right - 3, top),
        QLine(left + 3, bottom, right - 3, bottom),
        QLine(left, top + 3, left, bottom - 3),
        QLine(right, top + 3, right, bottom - 3),
    ]
    painter.drawLines(sides)
    corners = QRegion()
    for x, y in ((left, top), (right - 2, top), (left, bottom - 2), (right - 2, bottom - 2)):
        corners += QRegion(x, y, 3, 3)
    painter.setClipRegion(corners, Qt.ClipOperation.IntersectClip)
    painter.setRenderHint(ANTIALIASING, True)
    painter.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
    painter.restore()


def outline_radio(painter: QPainter, box: QRect, color: QColor) -> None:
    """Fusion's circle, 1.5 px wide inwards: a 1 px antialiased circle shows its full colour on
    no pixel at all, and so would fall short of 3:1."""
    center = QPointF(box.center() + QPoint(1, 1))
    radius = (box.width() + (box.width() + 1) % 2) / 2.0 - 1.25
    painter.save()
    painter.setRenderHint(ANTIALIASING, True)
    painter.setPen(QPen(color, 1.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(center, radius, radius)
    painter.restore()


def _editable_text(widget: QWidget | None) -> bool:
    return isinstance(widget, (QPlainTextEdit, QTextEdit)) and not widget.isReadOnly()


def _focus_framed(widget: QWidget | None) -> bool:
    """Frames drawn in Highlight while focused: text one types into, and lists (keys move
    their current row; the selection's colour alone does not change with focus)."""
    return _editable_text(widget) or isinstance(widget, QAbstractItemView)


def _flat_button(option: QStyleOption) -> bool:
    """Fusion paints no panel for a flat button that is not pressed."""
    if not isinstance(option, QStyleOptionButton):
        return False
    down = option.state & (State.State_Sunken | State.State_On)
    return bool(option.features & QStyleOptionButton.ButtonFeature.Flat) and not down


def _default_button(option: QStyleOption) -> bool:
    return isinstance(option, QStyleOptionButton) and bool(
        option.features & QStyleOptionButton.ButtonFeature.DefaultButton
    )


class BoundaryStyle(QProxyStyle):
    """Fusion, with boundaries of controls drawn in contrast-checked palette colours."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in OUTLINED:
            return
        state, box = option.state, option.rect
        if element == PE.PE_FrameFocusRect:
            if state & State.State_KeyboardFocusChange:  # Fusion draws it only then
                outline_rounded(painter, box, boundary_color(option, True), radius=1.0)
            return
        if not state & State.State_Enabled:
            return
        has_focus = bool(state & State.State_HasFocus)
        keyboard_focus = has_focus and bool(state & State.State_KeyboardFocusChange)
        if element == PE.PE_FrameLineEdit:
            outline_rounded(painter, box, boundary_color(option, has_focus))
        elif element == PE.PE_IndicatorCheckBox:
            outline_rect(painter, box, boundary_color(option, keyboard_focus))
        elif element == PE.PE_IndicatorRadioButton:
            outline_radio(painter, box, boundary_color(option, keyboard_focus))
        elif element == PE.PE_PanelButtonCommand and not _flat_button(option):
            highlighted = keyboard_focus or _default_button(option)
            outline_rounded(painter, box, boundary_color(option, highlighted))
        elif element == PE.PE_Frame and not (
            widget and widget.inherits("QComboBoxPrivateContainer")
        ):
            focused = has_focus and _focus_framed(widget)
            outline_rect(painter, box, boundary_color(option, focused))

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control not in (CC.CC_SpinBox, CC.CC_ScrollBar):
            return
        if not option.state & State.State_Enabled:
            return
        if isinstance(option, QStyleOptionSpinBox) and option.frame:
            focused = bool(option.state & State.State_HasFocus)
            outline_rounded(
                painter, option.rect.adjusted(0, 1, 0, -1), boundary_color(option, focused)
            )
        elif isinstance(option, QStyleOptionSlider):
            self._handle_boundary(option, painter, widget)

    def _handle_boundary(
        self, option: QStyleOptionSlider, painter: QPainter, widget: QWidget | None
    ) -> None:
        style = self.proxy()
        if style.styleHint(QStyle.StyleHint.SH_ScrollBar_Transient, option, widget):
            return  # an overlay that fades; Fusion draws it without an outline
        if not option.subControls & QStyle.SubControl.SC_ScrollBarSlider:
            return
        slider = QStyle.SubControl.SC_ScrollBarSlider
        handle = style.subControlRect(CC.CC_ScrollBar, option, slider, widget)
        # Fusion's outline overlaps the groove by a pixel at the handle's two ends.
        if option.orientation == Qt.Orientation.Horizontal:
            box = handle.adjusted(-1, 0, 1, 0)
        else:
            box = handle.adjusted(0, -1, 0, 1)
        outline_rect(painter, box, boundary_color(option, False))
