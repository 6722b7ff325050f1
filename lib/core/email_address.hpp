#pragma once
// Whether an email address is one shopkeep will write into a header and hand to an SMTP server:
// ASCII, one @, a dot-atom local part and a domain of letter/digit/hyphen labels with a dot. Anything
// with spaces, quotes, angle brackets or control characters (CR/LF above all) is refused.
#include <string_view>

namespace shopkeep {

bool is_valid_email(std::string_view address);

// RFC 5322 atext: the characters of an atom (letters, digits and !#$%&'*+-/=?^_`{|}~).
bool is_atext(char c);

}  // namespace shopkeep
