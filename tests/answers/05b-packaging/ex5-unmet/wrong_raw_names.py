# Wrong: looks names up as they are spelled, without PEP 503 normalisation.
# Fails with: compare distribution names after PEP 503 normalisation
from packaging.requirements import Requirement
from packaging.version import Version


def unmet_requirements(requirements, installed):
    unmet = set()
    for text in requirements:
        requirement = Requirement(text)
        version = installed.get(requirement.name)
        if version is None or Version(version) not in requirement.specifier:
            unmet.add(requirement.name.lower())
    return sorted(unmet)
