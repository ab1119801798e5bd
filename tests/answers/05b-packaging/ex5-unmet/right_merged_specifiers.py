# Right: merges every requirement of a distribution into one SpecifierSet (&), then filter().
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name


def unmet_requirements(requirements, installed):
    merged = {}
    for text in requirements:
        requirement = Requirement(text)
        key = canonicalize_name(requirement.name)
        merged[key] = merged.get(key, SpecifierSet()) & requirement.specifier
    have = {canonicalize_name(name): version for name, version in installed.items()}
    unmet = []
    for key, specifiers in merged.items():
        if key not in have or not list(specifiers.filter([have[key]])):
            unmet.append(key)
    return sorted(unmet)
