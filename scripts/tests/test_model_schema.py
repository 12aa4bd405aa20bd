"""The API model's field names are written in four places that must agree: the Go helper's JSON
tags (shims/extract/model.go), the C++ reader and writer (model/model_json.cc) and the schema
document (docs/api-model.md). This test is what keeps them one schema."""
import pathlib
import re
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def go_tags():
    return set(re.findall(r'json:"([a-z_]+)', (ROOT / "shims/extract/model.go").read_text()))


def cpp_reader_keys():
    return set(re.findall(r'key == "([a-z_]+)"', (ROOT / "model/model_json.cc").read_text()))


def cpp_writer_keys():
    text = (ROOT / "model/model_json.cc").read_text()
    return set(re.findall(r'\["([a-z_]+)"\]\s*=', text))


def documented_keys():
    text = (ROOT / "docs/api-model.md").read_text()
    return set(re.findall(r'"([a-z_]+)"\s*:', text)) | set(re.findall(r"`([a-z_]+)`", text))


class ModelSchema(unittest.TestCase):
    def test_the_reader_reads_exactly_the_fields_the_helper_writes(self):
        go, cpp = go_tags(), cpp_reader_keys()
        self.assertGreater(len(go), 50)  # the extraction itself works
        self.assertEqual(sorted(go - cpp), [], "written by the helper, never read by C++")
        self.assertEqual(sorted(cpp - go), [], "read by C++, never written by the helper")

    def test_the_writer_writes_only_fields_of_the_schema(self):
        self.assertEqual(sorted(cpp_writer_keys() - go_tags()), [])

    def test_every_field_is_documented(self):
        self.assertEqual(sorted(go_tags() - documented_keys()), [], "missing from docs/api-model.md")


if __name__ == "__main__":
    unittest.main()
