# Wrong: normalises names with lower() and "_" -> "-" only, so dots (ZOPE.Interface) are kept.
# Fails with: return the normalised names
from packaging.requirements import Requirement
from packaging.version import Version


def _normal(name):
    return name.lower().replace("_", "-")


def unmet_requirements(requirements, installed):
    have = {_normal(name): Version(version) for name, version in installed.items()}
    unmet = set()
    for text in requirements:
        requirement = Requirement(text)
        key = _normal(requirement.name)
        if key not in have or have[key] not in requirement.specifier:
            unmet.add(key)
    return sorted(unmet)
