"""The Chinese sentences a clerk reads when a document cannot be imported.

Kept in one place so every refusal names the same remedies in the same words. Each reason
is passed to ``ImportFailed(path, reason)``, which prefixes it with the file name.
"""

from __future__ import annotations

import errno

RESAVE_DOCX = "请在 Word 或 WPS 中打开该文件，选择“另存为”→“Word 文档（*.docx）”，再导入新保存的文件。"
RESAVE_UTF8 = "请用记事本或 WPS 打开该文件，“另存为”UTF-8 编码的 .txt 文件后再导入。"

MISSING = "文件不存在。请检查文件是否已被移动、改名或删除，然后重新选择。"
IS_DIRECTORY = "这是一个文件夹，不是文件。请打开文件夹，选择其中的报告文件。"
EMPTY = "文件是空的（0 字节）。请确认选对了文件；如果文件刚从别处拷来，请重新拷贝一次。"
UNREADABLE = "无法读取文件（{detail}）。请确认文件没有被其他程序独占打开，并且您有读取权限。"
TOO_LARGE = (
    "文件太大（{size_mb:.1f} MB，上限为 {limit_mb} MB）。工作报告通常只有几 MB，请确认选对了文件；"
    "如果文档中插入了大量图片，请另存一份删除图片的副本再导入。"
)

NOT_A_ZIP = "文件已损坏或不完整（可能是下载或拷贝时中断了）。" + RESAVE_DOCX
ZIP_BOMB = "文件结构异常（解压后体积过大），为安全起见已拒绝导入。" + RESAVE_DOCX
ZIP_ENCRYPTED_MEMBER = "文件内容被加密，无法读取。请在 Word 中取消密码后另存为 .docx，再导入。"
ZIP_UNSUPPORTED = "文件使用了不支持的压缩方式。" + RESAVE_DOCX
ZIP_TOO_MANY_MEMBERS = (
    "文件里打包了 {count} 个部件（正常的 Word 文档只有几十个，上限 {limit} 个），为安全起见已拒绝导入。" + RESAVE_DOCX
)
_COMPRESSION_NAMES = {9: "Deflate64", 12: "BZIP2", 14: "LZMA", 93: "Zstandard", 95: "XZ", 98: "PPMd"}


def zip_unsupported(method: int) -> str:
    """The refusal for a member packed with a method Word never uses (often a zip tool's)."""
    name = _COMPRESSION_NAMES.get(method)
    if name is None:
        return ZIP_UNSUPPORTED
    return f"文件被压缩软件用 {name} 方式重新打包过，无法读取（这不是加密）。" + RESAVE_DOCX
ENCRYPTED = (
    "文件已加密（设置了打开密码），无法读取。请在 Word 中打开该文件，取消密码"
    "（“文件→信息→保护文档→用密码进行加密”，清空密码）后另存为 .docx，再导入。"
)
NO_DOCUMENT_XML = "文件中找不到 Word 正文，不是有效的 Word 文档。" + RESAVE_DOCX
SPREADSHEET = "这是 Excel 表格文件，不是 Word 文档。请选择报告的 Word 文件（.docx）。"
PRESENTATION = "这是 PowerPoint 演示文稿，不是 Word 文档。请选择报告的 Word 文件（.docx）。"
MALFORMED_XML = "文件内容已损坏（正文格式错误），无法读取。" + RESAVE_DOCX
UNSAFE_XML = "文件中含有不允许的 DTD/实体声明，为安全起见已拒绝导入。" + RESAVE_DOCX
TOO_MUCH_TEXT = (
    "文档展开后的文字超过本软件能处理的上限（{limit} 万字或 {paragraphs:,} 段），已停止读取。"
    "请确认选对了文件；" + RESAVE_DOCX
)
TOO_DEEP = "文件结构嵌套过深，无法读取。" + RESAVE_DOCX

IMAGE = "这是一个图片文件（{kind}），不是文字文档。请选择报告的 Word 文件（.docx）或文本文件（.txt）。"
PDF = (
    "这是 PDF 文件，无法直接导入。请在 PDF 阅读器中全选并复制正文，粘贴到记事本，"
    "保存为 .txt 文件后再导入；如有原始 Word 文件，请直接导入 Word 文件。"
)
NOT_WORD = "文件内容不是 Word 文档。请确认选对了文件；" + RESAVE_DOCX
UNSUPPORTED_SUFFIX = "不支持“{suffix}”格式的文件。可以导入的格式：{supported}。"
SUPPORTED = "可以导入的格式：{supported}。"
NO_SUFFIX = "文件没有扩展名，无法判断格式。可以导入的格式：{supported}。请把文件改为正确的扩展名后再导入。"

BINARY_TEXT = "这不是文本文件（内容是二进制数据）。请确认选对了文件；Word 文档请选择 .docx 文件导入。"
UNDECODABLE = "无法识别文件的文字编码（可能混有多种编码，或文件已损坏）。" + RESAVE_UTF8

DISK_FULL_TEMP = "临时文件夹所在的磁盘已满，无法转换文件。请清理磁盘（如清空回收站、删除不用的大文件）后重试。"
TEMP_UNWRITABLE = "无法在临时文件夹中写入转换用的副本（{detail}）。请检查磁盘后重试。"


def temp_write_failed(exc: OSError) -> str:
    """The reason when the private copy for LibreOffice cannot be written."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DISK_FULL_TEMP
    return TEMP_UNWRITABLE.format(detail=exc.strerror or exc)


LEGACY_NO_CONVERTER = "这是{kind}，需要先转换为 .docx。本机没有安装 LibreOffice，无法自动转换。" + RESAVE_DOCX
LEGACY_TIMEOUT = "用 LibreOffice 转换{kind}超时（超过 {seconds} 秒）。" + RESAVE_DOCX
LEGACY_FAILED = "LibreOffice 无法转换这个{kind}（文件可能已损坏或设置了密码）。" + RESAVE_DOCX
LEGACY_START_FAILED = "无法启动 LibreOffice（{detail}），{kind}无法自动转换。" + RESAVE_DOCX
NOT_WEB_PAGE = "无法读取这个网页文件。请在浏览器中打开该网页，全选正文复制到记事本，另存为 .txt 后再导入。"
