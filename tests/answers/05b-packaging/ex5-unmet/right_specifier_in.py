# Right: normalise the installed names once, then test membership in each SpecifierSet.
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version


def unmet_requirements(requirements, installed):
    have = {canonicalize_name(name): Version(version) for name, version in installed.items()}
    unmet = []
    for text in requirements:
        requirement = Requirement(text)
        key = canonicalize_name(requirement.name)
        if key not in have or have[key] not in requirement.specifier:
            if key not in unmet:
                unmet.append(key)
    return sorted(unmet)
