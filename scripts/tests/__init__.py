"""Unit tests of the scripts (ctest runs them: tools/CMakeLists.txt). Run by hand:
python3 -m unittest discover -s scripts/tests -t scripts"""
