"""Package list for setuptools (everything else is in pyproject.toml).

Every ``leaflet_app`` subpackage is found automatically. The data folders ``resources/`` and
``translations/`` stay at the top of the repository and are mapped into the package
(``package-dir`` in pyproject.toml), so wheels and non-editable installs carry them as
``leaflet_app/resources`` and ``leaflet_app/translations``; their subfolders are listed as
(namespace) packages so that setuptools ships every file in them.
"""

from setuptools import find_namespace_packages, find_packages, setup


def data_packages(folder: str) -> list[str]:
    top = f"leaflet_app.{folder}"
    return [top] + [f"{top}.{sub}" for sub in find_namespace_packages(where=folder, exclude=["*__pycache__*"])]


setup(
    packages=find_packages(include=["leaflet_app", "leaflet_app.*"])
    + data_packages("resources")
    + data_packages("translations")
)
