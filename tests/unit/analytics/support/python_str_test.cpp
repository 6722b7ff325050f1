#include "analytics/support/python_str.hpp"

#include <doctest/doctest.h>

using namespace shopkeep::analytics::support;
namespace py = shopkeep::analytics::support::python_str;

TEST_CASE("split and strip cut on Python's whitespace, which includes U+00A0 and 0x1C but not U+200B") {
  auto words =
      py::split(py::decode_utf8("a\xC2\xA0"
                                "b\x1C"
                                "c  d\xE2\x80\x8B"
                                "e\t"));
  REQUIRE(words.size() == 4);
  CHECK(py::encode_utf8(words[3]) ==
        "d\xE2\x80\x8B"
        "e");
  CHECK(py::encode_utf8(py::strip(U"\u3000 x \u2029")) == "x");
}

TEST_CASE("strip_punctuation removes ASCII punctuation only") {
  CHECK(py::encode_utf8(py::strip_punctuation(U"\"(hello)!\"")) == "hello");
  CHECK(py::encode_utf8(py::strip_punctuation(U"\u201Chello\u201D")) == "\u201Chello\u201D");
  CHECK(py::strip_punctuation(U":)").empty());
}

TEST_CASE("is_upper: an uppercase letter and no lowercase or titlecase one, as str.isupper()") {
  CHECK(py::is_upper(U"GREAT!"));
  CHECK(py::is_upper(U"CAF\u00C9"));
  CHECK_FALSE(py::is_upper(U"Caf\u00E9"));
  CHECK_FALSE(py::is_upper(U"123"));
  CHECK_FALSE(py::is_upper(U"A\u01C5"));  // Dz with caron, titlecase
  CHECK(py::is_upper(U"\u2167"));         // ROMAN NUMERAL EIGHT is uppercase
}

TEST_CASE("lower maps as str.lower(): ASCII, accented letters, the Kelvin sign and dotted I") {
  CHECK(py::lower(U"GrEaT") == "great");
  CHECK(py::lower(U"\u00C9T\u00C9") == "\u00E9t\u00E9");
  CHECK(py::lower(U"\u212A") == "k");
  CHECK(py::lower(U"\u0130") == "i\u0307");
  CHECK(py::lower(U":-\u00DE") == ":-\u00FE");
}
