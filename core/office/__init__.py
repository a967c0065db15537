"""LibreOffice runs, below every layer that starts one: finding it (libreoffice.py), the
offline sandbox and profile each run gets (offline.py), conversions with a time limit and
取消 (libreoffice.py), what a file's first bytes say it is (formats.py) and the layout it
measures — the pages of the PDF it writes (pdf_pages.py). Import, render and review start
LibreOffice only through here."""
