// The WARC reader: the input as a WARC stream read in pieces of varying size, the input
// compressed as one gzip member, and the input as a .warc file read as `newsindex add` reads it,
// pages and all.
#include <algorithm>
#include <cstring>
#include <span>
#include <stdexcept>

#include <zlib.h>

#include "reader/warc_reader.hpp"
#include "readers.hpp"

namespace {

using namespace newsq;

void read_stream(std::string data, std::size_t step) {
    detail::ByteStream in(
        [data = std::move(data), step, pos = std::size_t{0}](std::span<char> buffer) mutable {
            const std::size_t n = std::min({step, buffer.size(), data.size() - pos});
            std::memcpy(buffer.data(), data.data() + pos, n);
            pos += n;
            return n;
        });
    const std::size_t limit = fuzz::kReadOptions.max_article_bytes;
    const detail::WarcSink sink{
        .page =
            [limit](detail::WarcPage&& page) {
                fuzz::require(page.html.size() <= limit, "a page is within the limit");
                fuzz::require(page.where.starts_with("record "), "a page says which record");
            },
        .passed_over =
            [](std::string_view reason) {
                fuzz::require(!reason.empty(), "a record passed over says why");
            },
        .bad =
            [](std::string reason) {
                fuzz::require(reason.starts_with("record "), "a bad record says which");
            },
    };
    detail::read_warc(in, sink, limit);
}

std::string gzip(std::string_view data) {
    z_stream z{};
    fuzz::require(deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK,
                  "deflateInit2 works");
    std::string out(deflateBound(&z, data.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    fuzz::require(deflate(&z, Z_FINISH) == Z_STREAM_END, "deflate works");
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace newsq::fuzz;
    const std::string_view input = text(data, size);
    const std::size_t step = size == 0 ? 1 : 1 + data[0] % 97;
    read_stream(std::string(input), step);
    read_stream(gzip(input), step);
    read_and_check({write_file("input.warc", input).string()});
    return 0;
}
