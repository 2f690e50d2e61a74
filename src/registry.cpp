#include "registry.hpp"

#include <algorithm>
#include <array>

namespace dhcode {
namespace {

using enum Category;
using enum Status;

// clang-format off
// The table. Rows are sorted by code; the build fails otherwise.
//   current: the 20 rows of the Global Return Codes page (2026-03-20), word for word.
//   gateway: the ZEGO common return codes not on that page, word for word.
//   legacy:  the earlier Chinese "Digital Human PaaS" page; English renderings are ours.
// 100000004 and 100000005 are also common gateway codes; the current page's wording wins.
constexpr std::array kEntries = {
  Entry{0, "Success.", "-", success, false, current},
  Entry{100000000, "Incorrect Host in the request header.",
        "Please confirm whether the Host address in the request header is correct.", request, false, gateway},
  Entry{100000001, "Incorrect format of AppId field.",
        "Please fill in the correct AppId.", request, false, gateway},
  Entry{100000002, "Timestamp field is empty.",
        "Please fill in the Timestamp.", signature, false, gateway},
  Entry{100000003, "Incorrect format of Timestamp field.",
        "Please fill in the correct Unix timestamp (in seconds).", signature, false, gateway},
  Entry{100000004, "Signature expired.",
        "Please regenerate the signature.", signature, false, current},
  Entry{100000005, "Signature error.",
        "Please verify that the signature generation parameters are correct.", signature, false, current},
  Entry{100000006, "Action is empty.",
        "Please specify the Action.", request, false, gateway},
  Entry{100000007, "Unsupported Action.",
        "Please fill in the correct Action.", request, false, gateway},
  Entry{100000008, "SignatureNonce field is empty.",
        "Please fill in the SignatureNonce.", signature, false, gateway},
  Entry{100000009, "Signature field is empty.",
        "Please fill in the Signature.", signature, false, gateway},
  Entry{100000010, "Failed to get ServerSecret.",
        "Please confirm whether the AppId is correct.", account, false, gateway},
  Entry{100000011, "Failed to get App configuration.",
        "Please confirm whether the AppId is correct, or contact ZEGOCLOUD technical support for assistance.",
        account, false, gateway},
  Entry{100000012, "Failed to read HTTP packet body.",
        "Please contact ZEGOCLOUD technical support for assistance.", server, false, gateway},
  Entry{100000013, "SignatureVersion field is empty.",
        "Please fill in the SignatureVersion.", signature, false, gateway},
  Entry{100000014, "Unsupported SignatureVersion.",
        "SignatureVersion only supports 2.0.", signature, false, gateway},
  Entry{100000015, "Internal gateway error.",
        "Please contact ZEGOCLOUD technical support for assistance.", server, false, gateway},
  Entry{100000017, "The App has not enabled this service.",
        "Please contact ZEGOCLOUD technical support for assistance.", account, false, gateway},
  Entry{400000001, "Invalid input parameters.",
        "Please adjust the corresponding parameter values based on the Message prompt.", request, false, current},
  Entry{400000002, "Digital Human API service not enabled.",
        "Please contact ZEGOCLOUD Technical Support to enable the permission.", account, false, current,
        "The earlier page named the \"Digital Human PaaS service\"."},
  Entry{400000003, "Digital Human not found.",
        "Please verify that the configured DigitalHumanId is correct.", resource, false, current,
        "The earlier page named the parameter MetaHumanId (today DigitalHumanId)."},
  Entry{400000004, "Timbre not found.",
        "Please verify that the configured TimbreId is correct.", resource, false, current},
  Entry{400000005, "Task not found.",
        "Please verify that the configured TaskId is correct.", resource, false, current},
  Entry{400000006, "Digital Human video stream not started.",
        "Please wait for the Digital Human video stream to start before operating.", stream, true, current},
  Entry{400000007, "Digital Human video stream already stopped.",
        "No need to repeatedly call the stop Digital Human video stream task API.", stream, false, current},
  Entry{400000008, "Digital Human video stream concurrency limit exceeded.",
        "Please verify whether the current concurrency exceeds the limit.", limit, false, current},
  Entry{400000009, "Digital Human video stream does not support the current timbre.",
        "Please use a different timbre.", resource, false, current},
  Entry{400000010, "Digital Human internal configuration error.",
        "You can first use another DigitalHumanId to create a Digital Human video stream task promptly, "
        "then contact ZEGOCLOUD Technical Support to adjust the internal configuration.", resource, false, current,
        "The earlier page named the parameter MetaHumanId (today DigitalHumanId)."},
  Entry{400000011, "AI script (copywriting) generation error.",
        "Adjust the parameter values as the Message says.", content, false, legacy},
  Entry{400000012, "Account in arrears (unpaid balance).",
        "Contact ZEGO technical support to renew.", account, false, legacy},
  Entry{400000013, "Streaming TTS error.",
        "Contact ZEGO technical support.", speech, false, legacy},
  Entry{400000014, "Timbre resource error.",
        "Contact ZEGO technical support.", resource, false, legacy},
  Entry{400000015, "The current stream ID already exists.",
        "Please change the stream ID or end the current stream task.", stream, false, current},
  Entry{400000016, "Digital Human model version error.",
        "Please contact ZEGOCLOUD Technical Support for assistance.", resource, false, current},
  Entry{400000017, "Content failed moderation.",
        "Check the resources: they may contain pornographic, terrorist or similar content.", content, false, legacy},
  Entry{400000018, "Resource resolution error.",
        "Keep each side of an image at most 2560 pixels.", content, false, legacy},
  Entry{400000019, "Resource download error.",
        "Make sure the resource can be downloaded.", content, false, legacy},
  Entry{400000020, "Image resource larger than 200M.",
        "Keep image resources under 200M.", content, false, legacy},
  Entry{400000021, "VideoUrls has fewer than 1 or more than 5 items.",
        "Pass between 1 and 5 items in VideoUrls.", request, false, legacy},
  Entry{400004001, "Invalid parameter; see Message.",
        "Check the parameters.", speech, false, legacy},
  Entry{400004006, "The account's concurrent calls exceed the limit.",
        "Start the recognition again.", speech, true, legacy},
  Entry{400004007, "Audio decoding failed: the uploaded audio format must match the call parameters.",
        "Check the audio data format.", speech, false, legacy},
  Entry{400004008, "The client sent no audio data for more than 15 seconds.",
        "Check that audio is being sent.", speech, false, legacy},
  Entry{400004009, "The client disconnected.",
        "Check whether the client disconnected on purpose.", speech, false, legacy},
  Entry{400004010, "The client uploaded an unknown text message.",
        "Check the audio data format.", speech, false, legacy},
  Entry{400004011, "Recognition failed (high machine load, network jitter); start a new recognition.",
        "Start the recognition again.", speech, true, legacy},
  Entry{400004012, "Speech-to-text (ASR) stream parameter error.",
        "Check the parameters.", speech, false, legacy},
  Entry{400004013, "Speech-to-text (ASR) recognition timed out.",
        "Check that the data is correct and not too long.", speech, false, legacy},
  Entry{400010000, "System error.",
        "Please contact ZEGOCLOUD Technical Support for assistance.", server, false, current},
  Entry{400010001, "No API call permission.",
        "Please contact ZEGOCLOUD Technical Support to enable the permission.", account, false, current},
  Entry{400010002, "System busy.",
        "Please retry later.", server, true, current,
        "The earlier page gave: \"Insufficient resources. Retry later.\""},
  Entry{400010003, "Insufficient resources (moderation server error).",
        "Contact ZEGO technical support.", server, false, legacy},
  Entry{400010007, "Insufficient resources.",
        "No available nodes. Please contact ZEGOCLOUD Technical Support.", server, false, current},
  Entry{400010009, "API rate limit exceeded.",
        "Please retry later, or check the relevant API documentation for rate limit details.", limit, true, current},
};

constexpr std::array kRanges = {
  Range{100000000, 100000099, "1000000xx",
        "common gateway codes shared by all ZEGO server APIs: request format, AppId, signature"},
  Range{400000000, 400000099, "4000000xx", "Digital Human request, resource and stream errors"},
  Range{400004000, 400004099, "4000040xx",
        "speech recognition errors of the earlier Digital Human PaaS page (legacy)"},
  Range{400010000, 400010099, "4000100xx", "Digital Human platform errors"},
};

// Indexed by the enums' values.
constexpr std::array<std::string_view, kCategoryCount> kCategoryNames = {
  "success", "request", "signature", "account", "resource",
  "stream", "content", "speech", "limit", "server",
};
constexpr std::array<std::string_view, kStatusCount> kStatusNames = {"current", "gateway", "legacy"};
constexpr std::array<std::string_view, kStatusCount> kStatusSources = {
  "Digital Human API, Global Return Codes (2026-03-20)",
  "ZEGO common return codes, shared by all ZEGO server APIs",
  "earlier Digital Human PaaS return-code page (Chinese; English rendering by dhcode)",
};
// clang-format on

constexpr bool sorted_without_duplicates() {
  for (std::size_t i = 1; i < kEntries.size(); ++i)
    if (kEntries[i - 1].code >= kEntries[i].code) return false;
  return true;
}
static_assert(sorted_without_duplicates(), "kEntries must be sorted by code, each code once");

constexpr bool ranges_sorted_and_disjoint() {
  for (std::size_t i = 0; i < kRanges.size(); ++i) {
    if (kRanges[i].first > kRanges[i].last) return false;
    if (i > 0 && kRanges[i - 1].last >= kRanges[i].first) return false;
  }
  return true;
}
static_assert(ranges_sorted_and_disjoint(), "kRanges must be sorted and must not overlap");

constexpr bool codes_within_limit() {
  return std::ranges::all_of(kEntries, [](const Entry& e) { return e.code <= kLargestCode; });
}
static_assert(codes_within_limit());

}  // namespace

std::span<const Entry> all_entries() {
  return kEntries;
}
std::span<const Range> all_ranges() {
  return kRanges;
}

const Entry* find_entry(Code code) {
  auto it = std::ranges::lower_bound(kEntries, code, {}, &Entry::code);
  return it != kEntries.end() && it->code == code ? &*it : nullptr;
}

const Range* find_range(Code code) {
  auto it = std::ranges::lower_bound(kRanges, code, {}, &Range::last);
  return it != kRanges.end() && it->first <= code ? &*it : nullptr;
}

std::string_view name_of(Category category) {
  return kCategoryNames[static_cast<std::size_t>(category)];
}
std::string_view name_of(Status status) {
  return kStatusNames[static_cast<std::size_t>(status)];
}
std::string_view source_of(Status status) {
  return kStatusSources[static_cast<std::size_t>(status)];
}

std::optional<Category> category_named(std::string_view name) {
  auto it = std::ranges::find(kCategoryNames, name);
  if (it == kCategoryNames.end()) return std::nullopt;
  return static_cast<Category>(it - kCategoryNames.begin());
}

std::optional<Status> status_named(std::string_view name) {
  auto it = std::ranges::find(kStatusNames, name);
  if (it == kStatusNames.end()) return std::nullopt;
  return static_cast<Status>(it - kStatusNames.begin());
}

}  // namespace dhcode
