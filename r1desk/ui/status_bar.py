"""Status bar items: provider and model, remaining credits, and the cost of the last reply."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from r1desk.domain import Credits


def format_credits(value: float) -> str:
    return f"{value:,.4f}"


class AppStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.provider_label = QLabel(self)
        self.credits_label = QLabel(self)
        self.cost_label = QLabel(self)
        for label, name in (
            (self.provider_label, self.tr("Provider and model")),
            (self.credits_label, self.tr("Remaining credits")),
            (self.cost_label, self.tr("Cost of the last reply")),
        ):
            label.setAccessibleName(name)
            label.setContentsMargins(6, 0, 6, 0)
            self.addPermanentWidget(label)
        self.set_credits(None, reported=True)
        self.cost_label.setText(self.tr("Last reply: none yet"))

    def set_endpoint(self, label: str, model: str) -> None:
        self.provider_label.setText(f"{label} · {model}")
        self.provider_label.setToolTip(
            self.tr("Provider: {provider}\nModel: {model}").format(provider=label, model=model)
        )

    def set_credits(self, credits: Credits | None, *, reported: bool = True) -> None:
        if not reported:
            self.credits_label.setText(self.tr("Credits: not reported by this provider"))
            self.credits_label.setToolTip("")
            return
        if credits is None or credits.remaining is None:
            self.credits_label.setText(self.tr("Credits: unknown (F5 to check)"))
            self.credits_label.setToolTip(
                self.tr("The balance is shown after the first reply or a check.")
            )
            return
        text = self.tr("Credits: {amount}").format(amount=format_credits(credits.remaining))
        tip = self.tr("Remaining credits: {amount}").format(amount=credits.remaining)
        if credits.free:
            tip += "\n" + self.tr("Free credits: {amount}").format(amount=credits.free)
        self.credits_label.setText(text)
        self.credits_label.setToolTip(tip)

    def set_cost(self, cost: float | None) -> None:
        if cost is None:
            self.cost_label.setText(self.tr("Last reply: cost unknown"))
        else:
            self.cost_label.setText(
                self.tr("Last reply: {amount} credits").format(amount=format_credits(cost))
            )
