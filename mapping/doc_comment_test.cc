// The doc-comment rules: the lines copied into the typedef and the -1 sentinel read from prose.
#include "mapping/doc_comment.h"

#include <gtest/gtest.h>

namespace lisbind::emit {
namespace {

TEST(DocComment, LinesKeepInnerBlanksAndDropTrailingWhitespace) {
  EXPECT_EQ(doc_lines("Get returns the value.  \r\n\nDeprecated: use Fetch.\t\n\n\n"),
            (std::vector<std::string>{"Get returns the value.", "", "Deprecated: use Fetch."}));
  EXPECT_TRUE(doc_lines("").empty());
  EXPECT_TRUE(doc_lines("\n  \n").empty());
}

TEST(DocComment, MinusOneMeansAbsentOnlyWhenTheProseSaysSo) {
  // strings.Index and bytes.IndexByte.
  EXPECT_TRUE(says_minus_one_means_absent(
      "Index returns the index of the first instance of substr in s, or -1 if substr is not "
      "present in s."));
  EXPECT_TRUE(says_minus_one_means_absent("IndexByte returns ... or -1 if c is not in b."));
  // strings.Compare: -1 is an ordering, paired with +1.
  EXPECT_FALSE(says_minus_one_means_absent(
      "The result will be 0 if a == b, -1 if a < b, and +1 if a > b. Not found never happens."));
  // -1 without an absence phrase: a count or an offset.
  EXPECT_FALSE(says_minus_one_means_absent("Len returns -1 while the stream is open."));
  EXPECT_FALSE(says_minus_one_means_absent("Find reports whether the key is not present."));
}

}  // namespace
}  // namespace lisbind::emit
