#pragma once
// Header values written by us, not by GMime: GMime 3.2's encoder for unstructured headers breaks
// an encoded-word across a fold when the text itself holds "=?" (found by fuzzing: the Subject
// "=?utf-8?q? ..." came out as a line starting "==?UTF-8?B?", a header line of its own), and it
// leaves a display name that looks like an encoded-word unencoded, so a mail client decodes a
// customer's name into other text. Here a value is plain ASCII when it is safe to read as it is,
// and otherwise a run of RFC 2047 "Q" encoded-words of whole UTF-8 characters; either way folded
// at spaces into lines of at most 78 characters (RFC 5322 2.1.1).
//
// Values are returned as lines joined by "\n " with no leading space or trailing newline; the
// caller gives them to GMime as a raw value, which writes them with the message's line ends.
#include <string>
#include <string_view>

namespace shopkeep::email {

// An unstructured value (Subject, X-*) for the header `name`. `text` is header_text() already:
// valid UTF-8 with no control characters and single spaces.
std::string encode_unstructured(std::string_view name, std::string_view text);

// A mailbox, `display name <address>` (or the bare address without a name), for the header
// `name`. The display name is atoms, a quoted string or encoded-words; the address must be one
// is_valid_email() accepts (a runtime_error otherwise: it would not be one header).
std::string encode_mailbox(std::string_view name, std::string_view display_name, std::string_view address);

}  // namespace shopkeep::email
