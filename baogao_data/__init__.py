"""The app's data, shipped inside the package: report kinds (``templates/<kind>/``: kind.toml
and template.docx) and resources (icons, translations, the 政务 jieba dictionary, fixed
phrases, the user guide). Found through importlib.resources (core/base/resources.py), so
an installed wheel or a bundled app finds them wherever it is."""
