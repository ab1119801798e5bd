# Wrong: keeps one requirement per distribution, so a later one hides an earlier unmet one.
# Fails with: it is unmet if any of them is
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version


def unmet_requirements(requirements, installed):
    have = {canonicalize_name(n): Version(v) for n, v in installed.items()}
    wanted = {}
    for text in requirements:
        requirement = Requirement(text)
        wanted[canonicalize_name(requirement.name)] = requirement.specifier
    return sorted(key for key, specifier in wanted.items()
                  if key not in have or have[key] not in specifier)
