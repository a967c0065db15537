"""The package list, which pyproject.toml cannot say in one line: the code packages found under
core/, gui/ and cli/, and the shipped data — templates/ and resources/ beside core/ in the
source tree — installed as baogao_data/templates and baogao_data/resources next to core/
(the package-dir mapping in pyproject.toml; found by core/base/resources.py). Everything
else is in pyproject.toml."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["core*", "gui*", "cli*"]), "baogao_data.templates", "baogao_data.resources"])
