# Wrong: normalises the caller's dict in place (installed must not be modified).
# Fails with: installed
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version


def unmet_requirements(requirements, installed):
    for name in list(installed):
        installed[canonicalize_name(name)] = installed.pop(name)
    unmet = set()
    for text in requirements:
        requirement = Requirement(text)
        key = canonicalize_name(requirement.name)
        if key not in installed or Version(installed[key]) not in requirement.specifier:
            unmet.add(key)
    return sorted(unmet)
