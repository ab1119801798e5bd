# Wrong: compares version strings as text, so 1.17.1 looks older than 1.9.
# Fails with: not as text
import re


def unmet_requirements(requirements, installed):
    have = {re.sub(r"[-_.]+", "-", n).lower(): v for n, v in installed.items()}
    unmet = set()
    for text in requirements:
        name = re.match(r"[A-Za-z0-9._-]+", text).group()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key not in have:
            unmet.add(key)
            continue
        for operator, target in re.findall(r"(~=|==|!=|<=|>=|<|>)\s*([^,\s]+)", text):
            version = have[key]
            ok = {"==": version == target, "!=": version != target, "<": version < target,
                  "<=": version <= target, ">": version > target, ">=": version >= target,
                  "~=": version >= target}[operator]
            if not ok:
                unmet.add(key)
    return sorted(unmet)
