#pragma once

#include <string>
#include <string_view>

namespace newsq::detail::html {

/// The charset label a Content-Type value declares ("text/html; charset=UTF-8" gives "utf-8"),
/// lower case; "" when it declares none.
std::string charset_parameter(std::string_view content_type);

/// The charset label that a <meta charset> or <meta http-equiv=Content-Type> within the first
/// bytes of `html` declares, lower case; "" when none does.
std::string meta_charset(std::string_view html);

/// The raw bytes of a page as UTF-8: decoded by its byte order mark, else the charset of
/// `content_type`, else its <meta> declaration, else as UTF-8 when they are valid UTF-8 and as
/// Windows-1252 otherwise. Bytes the charset does not define become U+FFFD. Throws
/// std::runtime_error when the page is empty, binary data or declares an unknown charset.
std::string to_utf8(std::string_view bytes, std::string_view content_type);

} // namespace newsq::detail::html
