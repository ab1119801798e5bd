"""Instructor and CI build tooling for the course.

``python -m coursebuild --help`` lists the commands (``course``, ``release``,
``check-release``, ``validate``).  The build modules:

``layout``
    Where the repository keeps sources, the release and build outputs.
``assignments``
    Discover assignments and parse instructor notebooks into a small model (pure:
    nbformat only, reused by the grader).
``release``
    Generate the student release with nbgrader, check it is in sync, find leaks.
``normalize``
    Make generated student notebooks byte-stable.
``leaks``
    Find solution and hidden-test lines in the release (and in the bundles).
``bundle``
    Build the Gradescope autograder zips and the student zip
    (``python -m coursebuild.bundle gradescope|student``).
``execute``
    Run every solution notebook headlessly with papermill.
``autograde``
    The nbgrader round trip: solution and untouched release through autograde.
``validate``
    ``nbgrader validate`` on every solution notebook.
``nbgrader_runner``
    Run nbgrader's converters in-process with the course's configuration.
``report`` and ``course``
    The course build, its Markdown report and the hooks that extend it.
``cli``
    The command line.
``testing``
    The toy course the tests build.
"""
