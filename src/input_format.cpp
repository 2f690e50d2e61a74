#include "input_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "background_source.hpp"
#include "decompress.hpp"
#include "transcode.hpp"

namespace dhcode {
namespace {

using namespace std::string_view_literals;

// First match wins: UTF-32LE's byte order mark begins like UTF-16LE's.
constexpr InputFormat kInputFormats[] = {
    {"gzip", "\x1f\x8b"sv, 0, Handling::decompress, "libisal.so.2, else libz.so.1", gunzipped},
    {"zstd", "\x28\xb5\x2f\xfd"sv, 0, Handling::decompress, "libzstd.so.1", unzstded},
    {"bzip2", "BZh"sv, 0, Handling::decompress, "libbz2.so.1.0", bunzipped},
    {"xz",
     "\xfd"
     "7zXZ\0"sv,
     0, Handling::decompress, "liblzma.so.5", unxzed},
    {"lz4", "\x04\x22\x4d\x18"sv, 0, Handling::decompress, "liblz4.so.1", unlz4ed},
    {"UTF-32LE text", "\xff\xfe\0\0"sv, 0, Handling::transcode, "", from_utf32le},
    {"UTF-32BE text", "\0\0\xfe\xff"sv, 0, Handling::transcode, "", from_utf32be},
    {"UTF-16LE text", "\xff\xfe"sv, 0, Handling::transcode, "", from_utf16le},
    {"UTF-16BE text", "\xfe\xff"sv, 0, Handling::transcode, "", from_utf16be},
    {"a zip archive", "PK\x03\x04"sv, 0, Handling::refuse, "unzip -p FILE | dhcode ...", nullptr},
    {"an empty zip archive", "PK\x05\x06"sv, 0, Handling::refuse, "", nullptr},
    {"a 7-Zip archive", "7z\xbc\xaf\x27\x1c"sv, 0, Handling::refuse, "7z e -so FILE | dhcode ...",
     nullptr},
    {"a RAR archive", "Rar!\x1a\x07"sv, 0, Handling::refuse, "unrar p -inul FILE | dhcode ...",
     nullptr},
    {"a tar archive", "ustar"sv, 257, Handling::refuse, "tar -xOf FILE | dhcode ...", nullptr},
    {"lz4 data in the legacy format", "\x02\x21\x4c\x18"sv, 0, Handling::refuse,
     "lz4 -dc FILE | dhcode ...", nullptr},
    {"lzip data", "LZIP"sv, 0, Handling::refuse, "lzip -dc FILE | dhcode ...", nullptr},
    {"compress (.Z) data", "\x1f\x9d"sv, 0, Handling::refuse, "gzip -dc FILE | dhcode ...",
     nullptr},
    {"a PNG image", "\x89PNG\r\n\x1a\n"sv, 0, Handling::refuse, "", nullptr},
    {"a JPEG image", "\xff\xd8\xff"sv, 0, Handling::refuse, "", nullptr},
    {"a GIF image", "GIF8"sv, 0, Handling::refuse, "", nullptr},
    {"a PDF document", "%PDF-"sv, 0, Handling::refuse, "", nullptr},
    {"an ELF executable",
     "\x7f"
     "ELF"sv,
     0, Handling::refuse, "", nullptr},
    {"a packet capture (pcap)", "\xd4\xc3\xb2\xa1"sv, 0, Handling::refuse,
     "tshark -r FILE -Y http -T fields -e http.file_data | dhcode ...", nullptr},
    {"a packet capture (pcap)", "\xa1\xb2\xc3\xd4"sv, 0, Handling::refuse,
     "tshark -r FILE -Y http -T fields -e http.file_data | dhcode ...", nullptr},
    {"a packet capture (pcapng)", "\x0a\x0d\x0d\x0a"sv, 0, Handling::refuse,
     "tshark -r FILE -Y http -T fields -e http.file_data | dhcode ...", nullptr},
    {"an SQLite database", "SQLite format 3\0"sv, 0, Handling::refuse, "", nullptr},
};

const InputFormat* format_of(std::string_view start) {
  for (const InputFormat& format : kInputFormats) {
    if (start.size() >= format.offset && start.substr(format.offset).starts_with(format.magic))
      return &format;
  }
  return nullptr;
}

// Whether the start could still grow into a format's magic number at offset 0.
bool could_be_a_format(std::string_view start) {
  return std::any_of(std::begin(kInputFormats), std::end(kInputFormats), [&](const auto& format) {
    return format.offset == 0 && start.size() < format.magic.size() &&
           format.magic.starts_with(start);
  });
}

// UTF-16 text without a byte order mark: ASCII characters whose other byte
// is NUL, at every second byte. Unmistakable only over a stretch of text.
const InputFormat* utf16_without_mark(std::string_view start) {
  constexpr std::size_t kEnough = 32;
  std::size_t pairs = std::min<std::size_t>(start.size() / 2, 4096);
  if (pairs < kEnough / 2) return nullptr;
  std::size_t even_nul = 0, odd_nul = 0;
  for (std::size_t i = 0; i < pairs; ++i) {
    even_nul += start[2 * i] == '\0';
    odd_nul += start[2 * i + 1] == '\0';
  }
  auto named = [](std::string_view name) {
    return &*std::find_if(std::begin(kInputFormats), std::end(kInputFormats),
                          [&](const auto& format) { return format.name == name; });
  };
  if (odd_nul * 10 >= pairs * 9 && even_nul * 10 <= pairs) return named("UTF-16LE text");
  if (even_nul * 10 >= pairs * 9 && odd_nul * 10 <= pairs) return named("UTF-16BE text");
  return nullptr;
}

// Gives nothing; its problem says why.
class RefusedSource : public ByteSource {
 public:
  explicit RefusedSource(std::string why) : why_(std::move(why)) {}
  std::size_t read(char*, std::size_t) override { return 0; }
  int error() const override { return 0; }
  std::string problem() const override { return why_; }

 private:
  std::string why_;
};

std::string what_dhcode_reads() {
  std::string compressed;
  for (const InputFormat& format : kInputFormats) {
    if (format.handling != Handling::decompress) continue;
    if (!compressed.empty()) compressed += ", ";
    compressed += format.name;
  }
  return fmt::format("dhcode reads text (UTF-8, UTF-16, UTF-32), also compressed ({})", compressed);
}

std::unique_ptr<ByteSource> refused(std::string_view what, std::string_view inside,
                                    std::string_view advice) {
  std::string why = inside.empty() ? std::string(what) : fmt::format("{} in {} data", what, inside);
  why += "; " + what_dhcode_reads();
  if (!advice.empty()) why += fmt::format("; try: {}", advice);
  return std::make_unique<RefusedSource>(std::move(why));
}

// Text from here on, or not: the bytes of a plain or decompressed input.
std::unique_ptr<ByteSource> as_text(std::unique_ptr<PeekedSource> peeked, std::string_view inside) {
  std::string_view start = peeked->start();
  const InputFormat* format = format_of(start);
  if (!format) format = utf16_without_mark(start);
  if (format && format->handling == Handling::decompress)
    return refused(fmt::format("{} data", format->name), inside, "");  // compressed twice
  if (format && format->handling == Handling::refuse)
    return refused(format->name, inside, format->library_or_advice);
  if (format) return format->open(std::move(peeked));
  std::size_t at = not_text_at(start);
  if (at != std::string_view::npos)
    return refused(fmt::format("data that is not text (byte 0x{:02X} at offset {})",
                               static_cast<unsigned char>(start[at]), at),
                   inside, "");
  return peeked;
}

}  // namespace

std::span<const InputFormat> input_formats() {
  return kInputFormats;
}

std::size_t not_text_at(std::string_view start) {
  constexpr std::size_t kPaddingRun = 16;  // NULs in a run this long are padding
  std::size_t first = std::string_view::npos;
  std::size_t odd = 0;
  for (std::size_t i = 0; i < start.size(); ++i) {
    // Eight bytes at a time while none is below 0x20 (most of any text).
    constexpr std::uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;
    std::uint64_t word = 0;
    while (i + 8 <= start.size() &&
           (std::memcpy(&word, start.data() + i, 8), ((word - kOnes * 0x20) & ~word & kHighs) == 0))
      i += 8;
    if (i == start.size()) break;
    unsigned char c = static_cast<unsigned char>(start[i]);
    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1b)
      continue;
    if (c == 0) {
      std::size_t run_end = start.find_first_not_of('\0', i);
      if (run_end == std::string_view::npos) run_end = start.size();
      bool padding = run_end - i >= kPaddingRun || run_end == start.size();
      if (padding) {
        i = run_end - 1;
        continue;
      }
    }
    if (first == std::string_view::npos) first = i;
    ++odd;
  }
  // A stray control byte or two in a log line is text with a flaw (reported
  // where it stands); many are not text.
  bool many = odd >= 4 && odd * 32 > start.size();
  return many ? first : std::string_view::npos;
}

std::unique_ptr<ByteSource> open_input(ByteSource& raw) {
  auto peeked = std::make_unique<PeekedSource>(raw, could_be_a_format);
  const InputFormat* format = format_of(peeked->start());
  if (!format || format->handling != Handling::decompress) return as_text(std::move(peeked), {});
  std::unique_ptr<ByteSource> decompressed = format->open(std::move(peeked));
  if (!decompressed->problem().empty()) return decompressed;  // the library is missing
  decompressed = std::make_unique<BackgroundSource>(std::move(decompressed));
  return as_text(std::make_unique<PeekedSource>(std::move(decompressed), could_be_a_format),
                 format->name);
}

}  // namespace dhcode
