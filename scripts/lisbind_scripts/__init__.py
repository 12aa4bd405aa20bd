"""Python pieces shared by lisbind's scripts (scripts/compare-stdlib, scripts/lis-probe, ...).

Python 3 standard library only. Tests: scripts/tests/ (ctest runs them)."""
