"""资料库 ▸ 设置…: use the office's library server (address, port, database, account) or the
local library. The values are checked by core (core.library.postgres.server_settings); the
password is never asked for here: it stays in the system keyring or ~/.pgpass."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gui import style
from gui.window_state import fit_dialog


class LibraryServerDialog(QDialog):
    """The fields of :class:`core.base.settings.Settings` for the server, as typed."""

    def __init__(self, host: str, port: str, database: str, user: str, require_tls: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("资料库设置")
        heading = QLabel(
            "填写办公室资料库服务器，全办公室共用一个资料库；服务器地址留空则使用本机资料库。"
            "服务器连不上时，检索本机保存的副本，新收入的文档连上后自动送上去。"
        )
        heading.setWordWrap(True)
        self.host_edit = self._line(host, "如 192.168.1.20 或 db.office.local；留空：本机资料库")
        self.port_edit = self._line(port or "5432", "5432")
        self.database_edit = self._line(database, "如 office（由信息科告知）")
        self.user_edit = self._line(user, "您的数据库账户名（由信息科开通）")
        self.tls_check = QCheckBox("必须加密连接（TLS）；不勾选时，服务器支持加密就加密")
        self.tls_check.setChecked(require_tls)
        form = QFormLayout()
        form.addRow("服务器地址：", self.host_edit)
        form.addRow("端口：", self.port_edit)
        form.addRow("数据库：", self.database_edit)
        form.addRow("账户名：", self.user_edit)
        form.addRow("", self.tls_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(
            style.caption(QLabel("密码不在这里填写：请存入系统钥匙串，或按 README“办公室资料库服务器”一节写入 ~/.pgpass。"))
        )
        layout.addWidget(buttons)
        fit_dialog(self, 560)

    @staticmethod
    def _line(text: str, hint: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setPlaceholderText(hint)
        return edit

    def values(self) -> tuple[str, str, str, str, bool]:
        """(host, port, database, user, require TLS) as typed."""
        return (
            self.host_edit.text(),
            self.port_edit.text(),
            self.database_edit.text(),
            self.user_edit.text(),
            self.tls_check.isChecked(),
        )
