# Right: checks each specifier of a requirement on its own with Specifier.contains.
import re

from packaging.requirements import Requirement


def _normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def unmet_requirements(requirements, installed):
    versions = {}
    for name, version in installed.items():
        versions[_normalise(name)] = version
    bad = set()
    for text in requirements:
        requirement = Requirement(text)
        key = _normalise(requirement.name)
        version = versions.get(key)
        if version is None:
            bad.add(key)
            continue
        for specifier in requirement.specifier:
            if not specifier.contains(version):
                bad.add(key)
    return sorted(bad)
