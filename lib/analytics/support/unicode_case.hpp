#pragma once
// The Unicode case facts behind Python's str.isupper() and str.lower(), which VADER's reference
// implementation relies on; the table is generated from Python (scripts/gen_unicode_case.py).
namespace shopkeep::analytics::support {

enum class CaseClass { uncased, upper, lower_or_title };

CaseClass case_class(char32_t c);

// The lowercase of one code point as str.lower() maps it, for every code point that lowers to a
// single one (all but U+0130, which lowers to "i" + U+0307).
char32_t simple_lower(char32_t c);

}  // namespace shopkeep::analytics::support
