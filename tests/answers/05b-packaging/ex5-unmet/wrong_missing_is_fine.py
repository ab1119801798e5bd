# Wrong: a distribution that is not installed is treated as meeting its requirement.
# Fails with: a distribution that is not installed does not meet its requirement
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


def unmet_requirements(requirements, installed):
    have = {canonicalize_name(n): v for n, v in installed.items()}
    unmet = set()
    for text in requirements:
        requirement = Requirement(text)
        key = canonicalize_name(requirement.name)
        if key in have and have[key] not in requirement.specifier:
            unmet.add(key)
    return sorted(unmet)
